"""The real bot (the Application `cancu bot` builds) against a Bot API stand-in on loopback: every call is HTTP."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.app import BotRunner
from bot.handlers import APOLOGY, NOT_ALLOWED
from bot.render import split_message
from core.feedback import PRUNE_EVERY, FeedbackStore
from tests.conftest import CORPUS, make_settings
from tests.fakes import FakeTelegram, run_polling

TOKEN = "123456:TEST-token"


def _run(tg: FakeTelegram, engine: Any, scenario: Callable[[], Awaitable[None]], **settings: Any) -> None:
    """Start the bot with long polling against the stand-in, play a scenario, stop it."""
    s = make_settings(Path(engine.settings.data_dir), telegram_token=TOKEN, telegram_api_base=tg.base_url, **settings)

    asyncio.run(run_polling(s, engine, scenario))


async def wait(tg: FakeTelegram, method: str = "sendMessage", count: int = 1, **match: Any) -> list[dict[str, Any]]:
    return await asyncio.to_thread(tg.wait_for, method, count, **match)


@pytest.fixture
def engine(tmp_path: Path):
    from retrieval.engine import build_engine

    e = build_engine(make_settings(tmp_path / "data"), embedder=None)
    e.ingest([CORPUS])
    yield e
    e.close()


def test_start_greets_lists_documents_and_offers_examples(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="/start")
            (msg,) = await wait(tg, chat_id=1)
            assert msg["text"].startswith("Xin chào! Tôi trả lời câu hỏi về các kế hoạch")
            assert "Đang có 5 văn bản:" in msg["text"]
            assert "• <b>08/KH-CĐCĐ</b> — Kế hoạch, Trường Cao đẳng Cộng đồng Sóc Trăng, 06/01/2026" in msg["text"]
            assert (
                "• <b>KH-CDLC Lào Cai 2025</b> — Kế hoạch (chưa ghi số), Trường Cao đẳng Lào Cai, tháng 12/2025"
                in msg["text"]
            )
            buttons = [row[0] for row in msg["reply_markup"]["inline_keyboard"]]
            assert [b["callback_data"] for b in buttons] == ["ex:0", "ex:1", "ex:2"]
            assert buttons[0]["text"] == "Phòng Quản trị phải làm gì?"
            tg.push_callback(chat_id=1, user_id=7, message_id=1, data="ex:0")
            answered = await wait(tg, count=2, chat_id=1)
            assert "Tham mưu cho Đảng ủy, Ban Giám hiệu nhà trường xây dựng kế hoạch" in answered[1]["text"]

        _run(tg, engine, scenario)


def test_a_question_gets_a_cited_answer_sources_open_and_votes_are_kept(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="phong cong tac sinh vien phai lam gi")
            (msg,) = await wait(tg, chat_id=1)
            assert tg.sent("sendChatAction", chat_id=1, action="typing")
            assert msg["parse_mode"] == "HTML"
            assert "- Kiện toàn Ban Quản lý Ký túc xá, các đội tự quản." in msg["text"]
            assert (
                "<b>Nguồn:</b>\n[1] 08/KH-CĐCĐ · III.2 Phòng Công tác sinh viên, sinh viên\n[2] KH-CDLC Lào Cai 2025 · IV.2 Phòng Công tác sinh viên và Quản lý chất lượng"
                in msg["text"]
            )
            keyboard = msg["reply_markup"]["inline_keyboard"]
            assert [b["callback_data"] for row in keyboard for b in row] == ["src:1", "src:2", "fb:1", "fb:-1"]
            answer_id = msg["_message_id"]
            tg.push_callback(chat_id=1, user_id=7, message_id=answer_id, data="src:2")
            source = (await wait(tg, count=2, chat_id=1))[1]
            assert source["text"].startswith(
                "<b>[2] KH-CDLC Lào Cai 2025 · IV.2 Phòng Công tác sinh viên và Quản lý chất lượng</b>\n2. Phòng Công tác sinh viên"
            )
            assert source["reply_parameters"]["message_id"] == answer_id  # a reply to the answer it came from
            tg.push_callback(chat_id=1, user_id=7, message_id=answer_id, data="fb:1")
            tg.push_callback(chat_id=1, user_id=7, message_id=answer_id, data="fb:-1")
            tg.push_callback(chat_id=1, user_id=8, message_id=answer_id, data="fb:1")
            acks = await wait(tg, "answerCallbackQuery", count=4)
            assert sum(a.get("text") == "Cảm ơn bạn đã góp ý!" for a in acks) == 3

        _run(tg, engine, scenario)
    store = FeedbackStore(engine.settings.feedback_path)
    rows = {r["user_id"]: r for r in store.rows()}
    store.close()
    assert {u: r["vote"] for u, r in rows.items()} == {7: -1, 8: 1}  # the last vote of a user wins
    assert rows[7]["question"] == "phong cong tac sinh vien phai lam gi"
    assert [c["section"] for c in rows[7]["citations"]] == ["III.2", "IV.2"]


def test_a_button_pressed_the_moment_the_answer_arrives_still_opens_its_source(engine) -> None:
    with FakeTelegram.serve() as tg:
        tg.reply_delay = 0.5  # the answer is on the user's screen before the bot hears back from Telegram

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Phòng Quản trị trường Sóc Trăng làm gì?")
            (msg,) = await wait(tg, chat_id=1)
            tg.push_callback(chat_id=1, user_id=7, message_id=msg["_message_id"], data="src:1")
            source = (await wait(tg, count=2, chat_id=1))[1]
            assert source["text"].startswith("<b>[1] 08/KH-CĐCĐ · III.1 Phòng Quản trị</b>")
            assert not tg.sent("answerCallbackQuery", show_alert=True)  # no "this answer is old" alert

        _run(tg, engine, scenario)


def test_groups_get_answers_only_when_addressed(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(
                chat_id=-100, user_id=7, text="Phòng Quản trị trường Sóc Trăng làm gì nhỉ mọi người?", chat_type="group"
            )
            await asyncio.sleep(1.5)
            assert tg.sent(chat_id=-100) == []  # chatter is ignored
            tg.push_message(chat_id=-100, user_id=7, text="@cancu_test_bot Phòng Quản trị trường Sóc Trăng làm gì?", chat_type="group",
                            entities=[{"type": "mention", "offset": 0, "length": 15}])  # fmt: skip
            (mention,) = await wait(tg, chat_id=-100)
            assert "Phân công lực lượng bảo vệ trực 24/24 giờ" in mention["text"]
            tg.push_message(
                chat_id=-100,
                user_id=7,
                text="/hoi Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?",
                chat_type="group",
            )
            await wait(tg, count=2, chat_id=-100)
            bot_message = {"message_id": 5, "date": int(time.time()), "chat": {"id": -100, "type": "group"},
                           "from": {"id": FakeTelegram.BOT_ID, "is_bot": True, "first_name": "cancu"}, "text": "…"}  # fmt: skip
            tg.push_message(
                chat_id=-100,
                user_id=7,
                text="còn Văn phòng trường Lào Cai thì sao?",
                chat_type="group",
                reply_to_message=bot_message,
            )
            replies = await wait(tg, count=3, chat_id=-100)
            assert "Phân công lực lượng bảo vệ trực 24/24 giờ tại các cơ sở" in replies[2]["text"]

        _run(tg, engine, scenario)


def test_follow_up_stays_with_the_plan_in_focus(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Phòng Công tác sinh viên trường CĐ Lào Cai làm gì?")
            await wait(tg, chat_id=1)
            tg.push_message(chat_id=1, user_id=7, text="còn Văn phòng thì sao?")
            second = (await wait(tg, count=2, chat_id=1))[1]
            assert re.search(
                r"\[\d+\] KH-CDLC Lào Cai 2025 · IV\.1 Văn phòng", second["text"]
            )  # its section among the sources
            assert "Sóc Trăng" not in second["text"] and "08/KH-CĐCĐ" not in second["text"]
            tg.push_message(chat_id=1, user_id=7, text="bao cao so ket 6 thang nop truoc ngay nao?")
            third = (await wait(tg, count=3, chat_id=1))[2]  # a new question: every plan again, not just Lào Cai
            assert "KH-UBND Kiên Hải 2026 · III.2" in third["text"] and "trước 15/6/2026" in third["text"]

        _run(tg, engine, scenario)


def test_rate_limit_and_allow_list(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            for i in range(3):
                tg.push_message(chat_id=1, user_id=7, text="Kiên Hải dùng phần mềm gì?")
                await wait(tg, count=i + 1, chat_id=1)
            limited = tg.sent(chat_id=1)[2]
            assert (
                limited["text"]
                == "Bạn đang gửi hơi nhanh (tối đa 2 yêu cầu mỗi phút). Vui lòng thử lại sau ít phút nhé."
            )
            tg.push_message(chat_id=2, user_id=9, text="Kiên Hải dùng phần mềm gì?")
            (refused,) = await wait(tg, chat_id=2)
            assert refused["text"] == NOT_ALLOWED

        _run(tg, engine, scenario, telegram_rate_limit=2, telegram_allowed_chats="1, -100")


def test_every_update_counts_against_one_limit_and_a_flood_gets_one_reply(engine) -> None:
    """Commands, source buttons, votes and questions share the limit; refused updates count, and the refusal
    is said once: twenty /vanban and questions past the limit get one message, not twenty."""
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Kiên Hải dùng phần mềm gì?")
            (answer,) = await wait(tg, chat_id=1)
            tg.push_callback(chat_id=1, user_id=7, message_id=answer["_message_id"], data="src:1")
            await wait(tg, count=2, chat_id=1)
            tg.push_message(chat_id=1, user_id=7, text="/help")
            await wait(tg, count=3, chat_id=1)  # three updates: the limit is reached
            for i in range(20):
                tg.push_message(chat_id=1, user_id=7, text="/vanban" if i % 2 else "Kinh phí ở Kiên Hải lấy từ đâu?")
            tg.push_message(chat_id=1, user_id=7, text="/cancu 124/2021/TT-BCA")
            tg.push_message(chat_id=1, user_id=7, text="/start")
            tg.push_callback(chat_id=1, user_id=7, message_id=answer["_message_id"], data="fb:1")
            (refusal,) = (await wait(tg, count=4, chat_id=1))[3:]
            assert refusal["text"].startswith("Bạn đang gửi hơi nhanh (tối đa 3 yêu cầu mỗi phút).")
            await asyncio.sleep(1.5)
            assert len(tg.sent(chat_id=1)) == 4  # one refusal for 23 updates; no list, no answer, no help
            assert len(tg.sent("sendChatAction")) == 1  # only the first question reached the engine
            assert not [a for a in tg.sent("answerCallbackQuery") if a.get("text") == "Cảm ơn bạn đã góp ý!"]
            tg.push_message(chat_id=1, user_id=8, text="/help")  # another user has their own limit
            (other,) = (await wait(tg, count=5, chat_id=1))[4:]
            assert other["text"].startswith("<b>Cách dùng</b>")

        _run(tg, engine, scenario, telegram_rate_limit=3)
    store = FeedbackStore(engine.settings.feedback_path)
    assert store.rows() == []  # the vote over the limit was not recorded
    store.close()


def test_limits_and_stored_answers_stay_bounded(tmp_path: Path) -> None:
    from bot.limits import UserLimits

    now = [0.0]
    limits = UserLimits(2, clock=lambda: now[0], max_users=100)
    for user in range(1000):  # a thousand users in one minute: the least recently seen are forgotten
        limits.allow(user)
    assert limits.tracked() == 100
    now[0] = 61.0
    limits.allow(5000)  # a quiet minute later, everyone else is forgotten
    assert limits.tracked() == 1
    for _ in range(10_000):  # a flood keeps the user refused but holds two times, not ten thousand
        limits.allow(5000)
    assert not limits.allow(5000) and len(limits._seen[5000].times) == 2

    clock = [time.time() - 31 * 86400]  # the first ten answers and votes are a month old
    store = FeedbackStore(tmp_path / "feedback.sqlite", retention_days=30, max_rows=150, clock=lambda: clock[0])
    for i in range(200):
        if i == 10:
            clock[0] = time.time()
        store.remember(1, i, {"question": f"q{i}"})
        store.record(chat_id=1, message_id=i, user_id=7, vote=1, question=f"q{i}", answer="a", citations=[])
    assert store.count("answers") <= 150 + PRUNE_EVERY  # pruned as it goes
    store.prune()
    assert store.count("answers") == 150 and store.count("feedback") == 150  # the newest 150 of each
    assert store.recall(1, 199) == {"question": "q199"} and store.recall(1, 49) is None
    store.close()
    store = FeedbackStore(tmp_path / "feedback.sqlite", retention_days=30, max_rows=1000)
    assert store.count("answers") == 150  # what is within the retention and the cap stays across a restart
    store.close()


class _SlowEngine:
    """The real engine, slowed down (and made to fail on demand) to exercise the handlers' limits."""

    def __init__(self, engine: Any, delay: float) -> None:
        self._engine = engine
        self.delay = delay
        self.fail_next = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def ask(self, *args: Any, **kwargs: Any) -> Any:
        time.sleep(self.delay)
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("the index went away")
        return self._engine.ask(*args, **kwargs)


def test_a_question_sent_while_another_is_answered_waits_its_turn_and_errors_get_an_apology(
    engine, caplog: pytest.LogCaptureFixture
) -> None:
    slow = _SlowEngine(engine, delay=1.0)
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Kiên Hải dùng phần mềm gì?")
            await asyncio.sleep(0.3)
            tg.push_message(chat_id=1, user_id=7, text="Kinh phí ở Kiên Hải lấy từ đâu?")
            first, second = await wait(tg, count=2, chat_id=1)
            assert "phần mềm quản lý học sinh" in first["text"]  # answered in the order asked, none dropped
            assert "dự toán ngân sách được giao năm 2026" in second["text"]
            slow.fail_next = True
            update = tg.push_message(chat_id=1, user_id=7, text="Kiên Hải dùng phần mềm gì?")
            apology = (await wait(tg, count=3, chat_id=1))[2]
            assert apology["text"] == APOLOGY
            assert f"update {update['update_id']} failed" in caplog.text
            tg.push_message(chat_id=1, user_id=7, text="Kiên Hải dùng phần mềm gì?")  # the bot is still alive
            assert "phần mềm quản lý học sinh" in (await wait(tg, count=4, chat_id=1))[3]["text"]

        _run(tg, slow, scenario)


PLAN_WITH_A_LONG_SECTION = """Số: 12/KH-THPT
Hà Nội, ngày 02 tháng 02 năm 2026
KẾ HOẠCH
Bảo đảm an ninh trật tự năm 2026
I. TỔ CHỨC THỰC HIỆN
1. Phòng Thử nghiệm <dài>
{bullets}
"""


def test_a_long_answer_is_split_and_document_text_is_escaped(tmp_path: Path, engine) -> None:
    bullets = "\n".join(
        f"- Nhiệm vụ số {i}: kiểm tra <b>cổng</b> & hàng rào khu {i} theo lịch trực định kỳ của nhà trường, báo cáo kết quả về Ban Giám hiệu."
        for i in range(1, 61)
    )
    path = tmp_path / "kh-12-thpt-2026.txt"
    path.write_text(PLAN_WITH_A_LONG_SECTION.format(bullets=bullets), encoding="utf-8")
    assert not engine.ingest([path]).errors
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Phòng Thử nghiệm phải làm gì?")
            await asyncio.sleep(2.0)
            parts = tg.sent(chat_id=1)
            assert len(parts) >= 3
            assert all(len(p["text"]) <= 4096 for p in parts)
            assert all("reply_markup" not in p for p in parts[:-1]) and "reply_markup" in parts[-1]
            for p in parts:
                assert p["text"].count("<b>") == p["text"].count("</b>")  # no chunk cuts a tag
            text = "".join(p["text"] for p in parts)
            assert "kiểm tra &lt;b&gt;cổng&lt;/b&gt; &amp; hàng rào khu 60" in text  # shown literally, never as markup
            assert "Nhiệm vụ số 1:" in text and "Nhiệm vụ số 60:" in text

        _run(tg, engine, scenario)


def test_split_message_keeps_paragraphs_and_tags_whole() -> None:
    html = "<b>Đầu</b>\n" + "\n\n".join("đoạn " + "x" * 1000 for _ in range(10)) + "\n\n<b>Nguồn:</b>\n[1] a"
    chunks = split_message(html, limit=4096)
    assert all(len(c) <= 4096 for c in chunks)
    assert "".join(chunks).replace("\n", "") == html.replace("\n", "")
    assert all(c.count("<b>") == c.count("</b>") for c in chunks)
    long_line = "&amp;" * 2000
    assert all(not c.endswith("&am") for c in split_message(long_line, limit=1001))


def test_webhook_checks_the_secret_and_serves_from_the_api(engine) -> None:
    from api.app import create_app

    with FakeTelegram.serve() as tg:
        settings = make_settings(Path(engine.settings.data_dir), telegram_token=TOKEN, telegram_api_base=tg.base_url,
                                 telegram_webhook_url="https://cancu.example.edu.vn/telegram/webhook", telegram_secret="s3cret-value-0123")  # fmt: skip
        runner = BotRunner(settings, engine)
        with TestClient(create_app(engine, settings, bot=runner)) as client:
            (hook,) = tg.sent("setWebhook")
            assert (
                hook["url"] == "https://cancu.example.edu.vn/telegram/webhook"
                and hook["secret_token"] == "s3cret-value-0123"
            )
            update = tg.message_update(chat_id=3, user_id=7, text="Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?")
            update["update_id"] = 77
            wrong = client.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
            assert wrong.status_code == 403 and "s3cret" not in wrong.text
            assert client.post("/telegram/webhook", json=update).status_code == 403
            ok = client.post(
                "/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-value-0123"}
            )
            assert ok.status_code == 200
            (msg,) = tg.wait_for("sendMessage", chat_id=3)
            assert "dự toán ngân sách được giao năm 2026" in msg["text"]
