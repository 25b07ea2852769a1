"""The real bot on a phone, against the loopback Bot API stand-in: bursts, small talk, other messages, refusals,
English, conversations per user and per reply thread, and /cancu with labels and pages."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.chat import looks_whole, merge, small_talk
from core.feedback import FeedbackStore
from retrieval.small_talk import is_english
from tests.conftest import CORPUS, TT124
from tests.fakes import FakeTelegram
from tests.test_bot import _run, wait


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    from retrieval.engine import build_engine
    from tests.conftest import make_settings

    e = build_engine(make_settings(tmp_path_factory.mktemp("chat") / "data"), embedder=None)
    e.ingest([CORPUS, *([TT124] if TT124.exists() else [])])
    yield e
    e.close()


def _sources(msg: dict[str, Any]) -> list[str]:
    return [line for line in msg["text"].split("\n") if line.startswith("[")]


def test_a_burst_of_fragments_is_one_question(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            for piece in ["ad ơi", "cho em hỏi", "phòng quản trị", "trường sóc trăng", "làm gì"]:
                tg.push_message(chat_id=1, user_id=7, text=piece)
                await asyncio.sleep(0.2)
            (answer,) = await wait(tg, chat_id=1)
            await asyncio.sleep(2.0)  # nothing else follows: one merged answer, nothing dropped
            assert len(tg.sent(chat_id=1)) == 1
            assert _sources(answer) == ["[1] 08/KH-CĐCĐ · III.1 Phòng Quản trị"]
            assert "Phân công lực lượng bảo vệ trực 24/24 giờ" in answer["text"]

        _run(tg, engine, scenario)


def test_a_burst_of_whole_questions_gets_every_answer_in_order(engine) -> None:
    questions = [
        ("bao cao so ket 6 thang nop truoc ngay nao?", "trước 15/6/2026"),
        ("Kiên Hải dùng phần mềm gì?", "phần mềm quản lý học sinh"),
        ("Kinh phí ở Kiên Hải lấy từ đâu?", "dự toán ngân sách được giao năm 2026"),
        ("Phòng Quản trị trường Sóc Trăng làm gì?", "Phân công lực lượng bảo vệ trực 24/24 giờ"),
        ("Văn phòng trường Lào Cai làm gì?", "Phối hợp với Công an phường Cam Đường"),
    ]
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            for q, _ in questions:
                tg.push_message(chat_id=1, user_id=7, text=q)
            answers = await wait(tg, count=5, chat_id=1)
            for (q, expected), got in zip(questions, answers):
                assert expected in got["text"], q

        _run(tg, engine, scenario)


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("chào bot", "Chào bạn! Bạn cứ gửi câu hỏi về các văn bản, ví dụ: «Phòng Quản trị phải làm gì?»"),
        ("cảm ơn bạn", "Không có gì ạ! Cần gì bạn cứ hỏi tiếp nhé."),
        ("ok", "Vâng ạ 👍"),
        ("?", "Bạn muốn hỏi gì ạ? Ví dụ: «Phòng Quản trị phải làm gì?»"),
        ("ad ơi", "Dạ, bạn cứ hỏi ạ, ví dụ: «Phòng Quản trị phải làm gì?»"),
    ],
)
def test_small_talk_gets_one_short_line(engine, text: str, reply: str) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text=text)
            (msg,) = await wait(tg, chat_id=1)
            assert msg["text"] == reply
            assert "reply_markup" not in msg

        _run(tg, engine, scenario)


def test_photos_voice_files_and_stickers_get_one_line_saying_what_the_bot_reads(engine) -> None:
    line = "Mình chỉ đọc được tin nhắn chữ: hãy gõ câu hỏi về các văn bản, ví dụ «Phòng Quản trị phải làm gì?» (/help: hướng dẫn)."
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            for i, kind in enumerate(["photo", "voice", "document", "sticker"], 1):
                tg.push_media(chat_id=1, user_id=7, kind=kind)
                assert (await wait(tg, count=i, chat_id=1))[-1]["text"] == line
            tg.push_media(chat_id=-100, user_id=7, kind="photo", chat_type="group")
            await asyncio.sleep(1.0)
            assert tg.sent(chat_id=-100) == []  # a photo in a group is not for the bot

        _run(tg, engine, scenario)


def test_a_refusal_says_what_the_documents_cover_and_takes_a_vote(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Giá vàng hôm nay bao nhiêu?")
            (msg,) = await wait(tg, chat_id=1)
            lines = msg["text"].split("\n")
            assert lines[0].startswith("Không tìm thấy thông tin này trong các văn bản hiện có.")
            assert lines[1:] == [
                "Các văn bản đang có (5 kế hoạch, 1 thông tư) nói về phong trào toàn dân bảo vệ an ninh Tổ quốc.",
                "Hỏi thử: «Phòng Quản trị phải làm gì?»",
            ]
            keyboard = msg["reply_markup"]["inline_keyboard"]
            assert [b["callback_data"] for row in keyboard for b in row] == ["fb:1", "fb:-1"]
            tg.push_callback(chat_id=1, user_id=7, message_id=msg["_message_id"], data="fb:-1")
            (ack,) = await wait(tg, "answerCallbackQuery")
            assert ack["text"] == "Cảm ơn bạn đã góp ý!"

        _run(tg, engine, scenario)
    store = FeedbackStore(engine.settings.feedback_path)
    try:
        votes = [(r["vote"], r["question"]) for r in store.rows() if r["question"] == "Giá vàng hôm nay bao nhiêu?"]
    finally:
        store.close()
    assert votes == [(-1, "Giá vàng hôm nay bao nhiêu?")]


def test_an_english_question_gets_a_line_in_both_languages(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="What must the Student Affairs Office do?")
            (msg,) = await wait(tg, chat_id=1)
            first = msg["text"].split("\n")[0]
            assert first.startswith(
                "Mình trả lời bằng tiếng Việt, theo các văn bản tiếng Việt. / I answer in Vietnamese"
            )
            assert "please ask in Vietnamese, e.g. «Phòng Quản trị phải làm gì?»" in first
            assert [b["callback_data"] for row in msg["reply_markup"]["inline_keyboard"] for b in row][-2:] == [
                "fb:1",
                "fb:-1",
            ]

        _run(tg, engine, scenario)


def test_typos_are_answered_through_the_bot(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="Phong quan trj lam gi")
            (msg,) = await wait(tg, chat_id=1)
            assert "[1] 08/KH-CĐCĐ · III.1 Phòng Quản trị" in _sources(msg)

        _run(tg, engine, scenario)


def test_in_a_group_each_teacher_has_her_own_conversation_and_a_reply_follows_its_thread(engine) -> None:
    mention = f"@{FakeTelegram.USERNAME}"
    at = [{"type": "mention", "offset": 0, "length": len(mention)}]
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=-100, user_id=7, chat_type="group", entities=at,
                            text=f"{mention} Văn phòng trường CĐ Lào Cai làm gì?")  # fmt: skip
            (first,) = await wait(tg, chat_id=-100)
            assert any("KH-CDLC Lào Cai 2025 · IV.1 Văn phòng" in s for s in _sources(first))
            # a second teacher, not replying: her question is her own, not the first teacher's plan
            tg.push_message(chat_id=-100, user_id=8, chat_type="group", entities=at,
                            text=f"{mention} còn Phòng Công tác sinh viên thì sao?")  # fmt: skip
            second = (await wait(tg, count=2, chat_id=-100))[1]
            assert any("08/KH-CĐCĐ · III.2" in s for s in _sources(second))
            # replying to the first teacher's answer: that answer's conversation, so its plan
            tg.push_message(chat_id=-100, user_id=8, chat_type="group", text="còn Phòng Công tác sinh viên thì sao?",
                            reply_to_message=tg.bot_message(-100, first["_message_id"], "group"))  # fmt: skip
            third = (await wait(tg, count=3, chat_id=-100))[2]
            assert _sources(third) and all("KH-CDLC Lào Cai 2025" in s for s in _sources(third))
            assert any("IV.2 Phòng Công tác sinh viên" in s for s in _sources(third))

        _run(tg, engine, scenario)


def test_cancu_finds_bases_by_kind_and_number_by_label_and_pages_the_whole_registry(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            async def command(text: str, n: int) -> dict[str, Any]:
                tg.push_message(chat_id=1, user_id=7, text=text)
                return (await wait(tg, count=n, chat_id=1))[n - 1]

            tt = await command("/cancu thông tư 124", 1)
            assert tt["text"].startswith("<b>Văn bản căn cứ «thông tư 124»:</b>\n• Thông tư số 124/2021/TT-BCA")
            assert "được trích dẫn trong: 08/KH-CĐCĐ, KH-CDLC Lào Cai 2025" in tt["text"]
            ct = await command("/cancu chi thi 09", 2)
            assert ct["text"].startswith("<b>Văn bản căn cứ «chi thi 09»:</b>\n• Chỉ thị số 09-CT/TW ngày 01/12/2011")
            assert "⚠️ Các văn bản ghi ngày ban hành khác nhau: 01/12/2011 / 01/12/2012" in ct["text"]
            whole = await command("/cancu", 3)
            assert whole["text"].startswith("<b>Có 27 văn bản căn cứ</b> (trang 1/3: 1–10,")
            assert "/cancu trang 2 để xem tiếp" in whole["text"]
            (button,) = [b for row in whole["reply_markup"]["inline_keyboard"] for b in row]
            assert (button["text"], button["callback_data"]) == ("Trang 2 ▶", "cc:2")
            tg.push_callback(chat_id=1, user_id=7, message_id=whole["_message_id"], data="cc:2")
            page2 = (await wait(tg, count=4, chat_id=1))[3]
            assert page2["text"].startswith("<b>Có 27 văn bản căn cứ</b> (trang 2/3: 11–20,")
            last = await command("/cancu trang 3", 5)
            assert "(trang 3/3: 21–27," in last["text"] and "xem tiếp" not in last["text"]
            # the label a source shows, typed back
            by_label = await command("/cancu KH-CDLC Lào Cai 2025", 6)
            assert by_label["text"].startswith("<b>KH-CDLC Lào Cai 2025 căn cứ 3 văn bản:</b>")
            by_number = await command("/cancu 08/KH-CĐCĐ", 7)
            assert by_number["text"].startswith("<b>08/KH-CĐCĐ căn cứ ")

        _run(tg, engine, scenario)


def test_vanban_shows_labels_a_user_can_type_back(engine) -> None:
    with FakeTelegram.serve() as tg:

        async def scenario() -> None:
            tg.push_message(chat_id=1, user_id=7, text="/vanban")
            (msg,) = await wait(tg, chat_id=1)
            assert (
                "• <b>Kế hoạch Mỹ Tú 2025</b> — Kế hoạch không số, Phòng Giáo dục và Đào tạo, 31/03/2025" in msg["text"]
            )
            assert "• <b>KH-UBND Kiên Hải 2026</b> — Kế hoạch (chưa ghi số)" in msg["text"]

        _run(tg, engine, scenario)


def test_reading_chat_messages() -> None:
    assert [small_talk(t) for t in ["chào bot", "cảm ơn bạn nhé", "ok", "?", "ad ơi", "👍", "❤️", "thanks a lot"]] == [
        "greeting", "thanks", "ack", "empty", "call", "ack", "ack", "thanks",
    ]  # fmt: skip
    assert small_talk("Phòng Quản trị làm gì?") is None and small_talk("làm gì") is None
    assert looks_whole("phong quan tri lam gi") and looks_whole("Ai ký?") and not looks_whole("phòng quản trị")
    assert merge(["ad ơi", "phòng quản trị", "làm gì"]) == "phòng quản trị làm gì"
    assert merge(["chào", "cảm ơn"]) == "cảm ơn"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("What must the Student Affairs Office do?", True),
        ("which plans cite the circular", True),
        ("can cu the nao", False),  # căn cứ thế nào: "can", "the" are Vietnamese typed without diacritics too
        ("can bo can lam gi", False),
        ("the bhyt cap the nao", False),
        ("My Tho can gi", False),
    ],
)
def test_english_is_told_from_vietnamese_typed_without_diacritics(text: str, english: bool) -> None:
    """Every door puts its line in both languages before the answer to an English question: never before an
    unaccented Vietnamese one."""
    assert is_english(text) is english


def test_the_data_file_has_no_duplicates() -> None:
    import json

    raw = json.loads((Path(__file__).parent.parent / "retrieval" / "data" / "chat.json").read_text(encoding="utf-8"))
    for key, words in raw.items():
        if isinstance(words, list):
            assert len(words) == len(set(words)), key
