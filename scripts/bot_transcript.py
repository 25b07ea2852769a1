"""Write docs/bot-transcript.md: a session with the real bot, as a teacher sees it.

The bot is the Application `cancu bot` builds, polling a Bot API stand-in on loopback (the one the
tests use); every message below is what it sent back over HTTP, HTML rendered as Telegram shows it.

    .venv/bin/python scripts/bot_transcript.py [--out docs/bot-transcript.md]
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.config import Settings  # noqa: E402
from retrieval.engine import build_engine  # noqa: E402
from tests.fakes import FakeTelegram, run_polling  # noqa: E402

CHAT, USER, OTHER, GROUP = 501, 77, 78, -1009
TOKEN = "123456:TRANSCRIPT"


def shown(text: str) -> str:
    """Telegram HTML as a reader sees it, in Markdown: bold stays bold, links become their text."""
    text = re.sub(r"</?b>", "**", text)
    text = re.sub(r"</?i>", "_", text)
    text = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", text)
    text = re.sub(r"</?(?:code|pre|u|s)>", "", text)
    return html.unescape(text)


def buttons(params: dict[str, Any]) -> str:
    markup = params.get("reply_markup") or {}
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not rows:
        return ""
    return " ".join(f"`[{b['text']}]`" for row in rows for b in row)


async def session(tg: FakeTelegram, out: list[str]) -> None:
    def show(messages: list[dict[str, Any]]) -> None:
        for m in messages:
            out.extend(["> " + line for line in shown(m["text"]).split("\n")])
            if b := buttons(m):
                out.extend([">", "> " + b])
            out.append("")

    def who(user: int, kind: str) -> str:
        name = "Cô giáo" if user == USER else "Thầy giáo"
        return f"**{name}{' (trong nhóm)' if kind != 'private' else ''}:**"

    async def settle(chat: int, before: int) -> list[dict[str, Any]]:
        await asyncio.to_thread(tg.wait_for, "sendMessage", before + 1, 30.0, chat_id=chat)
        await asyncio.sleep(0.5)  # a split answer arrives in several messages
        return tg.sent("sendMessage", chat_id=chat)[before:]

    async def say(
        text: str, *, chat: int = CHAT, kind: str = "private", note: str = "", user: int = USER, **extra: Any
    ) -> list[dict]:
        before = len(tg.sent("sendMessage", chat_id=chat))
        tg.push_message(chat_id=chat, user_id=user, text=text, chat_type=kind, **extra)
        out.append(f"{who(user, kind)} {text}" + (f"  \n_{note}_" if note else ""))
        out.append("")
        if note.startswith("bot im lặng"):
            await asyncio.sleep(1.5)
            assert len(tg.sent("sendMessage", chat_id=chat)) == before, "the bot answered unaddressed chatter"
            out.extend(["> _(không trả lời)_", ""])
            return []
        new = await settle(chat, before)
        show(new)
        return new

    async def burst(texts: list[str], note: str) -> None:
        before = len(tg.sent("sendMessage", chat_id=CHAT))
        for i, text in enumerate(texts):
            tg.push_message(chat_id=CHAT, user_id=USER, text=text)
            out.append(f"{who(USER, 'private')} {text}" + (f"  \n_{note}_" if note and i == len(texts) - 1 else ""))
            out.append("")
            await asyncio.sleep(0.3)
        await settle(CHAT, before)
        await asyncio.sleep(2.0)  # whatever else the burst brings
        show(tg.sent("sendMessage", chat_id=CHAT)[before:])

    async def photo(note: str) -> None:
        before = len(tg.sent("sendMessage", chat_id=CHAT))
        tg.push_media(chat_id=CHAT, user_id=USER, kind="photo")
        out.extend([f"{who(USER, 'private')} _(gửi một ảnh)_  \n_{note}_", ""])
        show(await settle(CHAT, before))

    async def press(msg: dict[str, Any], data: str, label: str) -> None:
        before = len(tg.sent("sendMessage", chat_id=CHAT))
        edits = len(tg.sent("answerCallbackQuery"))
        tg.push_callback(chat_id=CHAT, user_id=USER, message_id=msg["_message_id"], data=data)
        out.extend([f"**Cô giáo bấm** `[{label}]`", ""])
        await asyncio.to_thread(tg.wait_for, "answerCallbackQuery", edits + 1, 30.0)
        await asyncio.sleep(0.5)
        show(tg.sent("sendMessage", chat_id=CHAT)[before:])
        ack = tg.sent("answerCallbackQuery")[-1]
        if ack.get("text"):
            out.extend([f"> _(thông báo nhỏ: {ack['text']})_", ""])

    await say("/start")
    (answer,) = (await say("Phòng Công tác sinh viên phải làm gì?"))[-1:]
    await press(answer, "src:1", "📄 [1]")
    await press(answer, "fb:1", "👍")
    await say("còn Văn phòng thì sao?", note="hỏi tiếp, bot nhớ kế hoạch đang nói tới")
    await say("bao cao so ket 6 thang nop truoc ngay nao?")
    await say("Kế hoạch 08/KH-CĐCĐ căn cứ những văn bản nào?")
    await burst(
        ["ad ơi", "phòng quản trị", "trường sóc trăng", "làm gì"],
        note="bốn tin gửi liền nhau trong hai giây: bot gộp thành một câu hỏi, không bỏ tin nào",
    )
    await say("Phong quan trj lam gi", note="gõ sai chính tả, không dấu")
    await say("cảm ơn bạn")
    await say("ok")
    await photo(note="bot chỉ đọc được chữ")
    (refusal,) = (await say("Giá vàng hôm nay bao nhiêu?"))[-1:]
    await press(refusal, "fb:-1", "👎")
    await say("What must the Student Affairs Office do?")
    await say("/cancu thông tư 124")
    await say("/cancu chi thi 09")
    (whole,) = (await say("/cancu"))[-1:]
    await press(whole, "cc:2", "Trang 2 ▶")
    await say("/cancu KH-CDLC Lào Cai 2025", note="nhãn của nguồn, gõ lại")
    await say("/vanban")
    await say("Mai họp tổ lúc mấy giờ nhỉ?", chat=GROUP, kind="group", note="bot im lặng: không ai gọi bot")
    mention = f"@{FakeTelegram.USERNAME}"
    at = [{"type": "mention", "offset": 0, "length": len(mention)}]
    await say(f"{mention} Kinh phí thực hiện kế hoạch ở Kiên Hải lấy từ đâu?", chat=GROUP, kind="group", entities=at)
    (first,) = (await say(f"{mention} Văn phòng trường CĐ Lào Cai làm gì?", chat=GROUP, kind="group", entities=at))[-1:]
    await say(
        f"{mention} còn Phòng Công tác sinh viên thì sao?", chat=GROUP, kind="group", entities=at, user=OTHER,
        note="một thầy khác hỏi riêng: không dính kế hoạch của cô giáo",
    )  # fmt: skip
    await say(
        "còn Phòng Công tác sinh viên thì sao?", chat=GROUP, kind="group", user=OTHER,
        reply_to_message=tg.bot_message(GROUP, first["_message_id"], "group"),
        note="thầy trả lời (reply) vào câu trả lời cho cô giáo: tiếp tục cuộc hỏi đó",
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "bot-transcript.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cancu-transcript-"))
    engine = build_engine(Settings(_env_file=None, data_dir=work / "data", embed_model=None), embedder=None)  # type: ignore[call-arg]
    paths = [REPO / "corpus"]
    directives = REPO.parent / "shared" / "directives"
    if directives.is_dir():
        paths.append(directives)
    engine.ingest(paths)
    out = [
        "# Một phiên trò chuyện với bot (bản ghi)",
        "",
        "What a teacher sees in Telegram, recorded from the real bot (`cancu bot`'s Application) talking to a Bot",
        "API stand-in on loopback; written by `scripts/bot_transcript.py`. Buttons are shown as `[…]`.",
        "",
    ]
    with FakeTelegram.serve() as tg:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            data_dir=work / "data",
            telegram_token=TOKEN,
            telegram_api_base=tg.base_url,
            telegram_rate_limit=100,  # the recording shows features, not the limit (tests/test_bot.py holds it)
        )

        asyncio.run(run_polling(settings, engine, lambda: session(tg, out)))
    engine.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
