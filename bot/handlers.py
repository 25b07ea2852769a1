"""Conversation handlers: commands, questions, source buttons, votes, and the error handler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from html import escape
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ChatType, MessageEntityType, ParseMode
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.limits import UserLimits
from bot.render import answer_html, split_message
from core.config import Settings
from core.errors import CancuError
from core.feedback import FeedbackStore
from core.text import fold_key
from core.types import PART_LABELS, Answer
from retrieval.render import source_label

logger = logging.getLogger(__name__)

DEFAULT_EXAMPLES = (
    "Phòng Công tác sinh viên phải làm gì?",
    "Báo cáo sơ kết 6 tháng nộp trước ngày nào?",
    "Kế hoạch của Trường Cao đẳng Lào Cai căn cứ những văn bản nào?",
)
HELP = (
    "<b>Cách dùng</b>\n"
    "Gửi câu hỏi bằng tiếng Việt (có dấu hoặc không dấu). Ví dụ: <i>van phong truong cao dang lao cai co trach nhiem gi</i>\n\n"
    "/vanban — các văn bản đang có\n"
    "/cancu &lt;chủ đề hoặc số hiệu&gt; — văn bản căn cứ, ví dụ /cancu 124/2021/TT-BCA\n"
    "/hoi &lt;câu hỏi&gt; — hỏi (trong nhóm, hoặc nhắc tên bot)\n\n"
    "Mỗi câu trả lời kèm nguồn; bấm 📄 để xem toàn văn mục, 👍/👎 để góp ý."
)
BUSY = "Câu hỏi trước của bạn đang được trả lời, vui lòng đợi một chút nhé."
APOLOGY = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau."
NOT_ALLOWED = "Xin lỗi, bot này chỉ phục vụ các nhóm và người dùng đã được đăng ký."
SETTLE_WAIT_S = 5.0  # how long a button pressed on an answer still being sent waits for it to be stored


@dataclass
class BotDeps:
    """What the handlers need, kept in ``bot_data`` and reached through ``deps(context)``."""

    engine: Any
    settings: Settings
    store: FeedbackStore
    limits: UserLimits
    allowed: set[int] = field(default_factory=set)


def deps(context: ContextTypes.DEFAULT_TYPE) -> BotDeps:
    return context.bot_data["deps"]  # type: ignore[no-any-return]


def _rate_text(per_minute: int) -> str:
    return f"Bạn đang gửi hơi nhanh (tối đa {per_minute} yêu cầu mỗi phút). Vui lòng thử lại sau ít phút nhé."


def _allowed(update: Update, d: BotDeps) -> bool:
    return not d.allowed or (update.effective_chat is not None and update.effective_chat.id in d.allowed)


async def _refuse_if_not_allowed(update: Update, d: BotDeps) -> bool:
    if _allowed(update, d):
        return False
    if update.effective_message is not None:
        await update.effective_message.reply_text(NOT_ALLOWED)
    return True


def _counts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether an update is one the bot acts on: a button, anything in a private chat, a command, or a message
    addressed to the bot in a group (group chatter is neither answered nor counted)."""
    if update.callback_query is not None:
        return True
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return False
    if chat.type == ChatType.PRIVATE or (message.text or "").startswith("/"):
        return True
    return _addressed_text(message, context.bot.username, context.bot.id) is not None


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every handler: each update a user sends counts against one limit, refused ones too.

    Over it, the user is told once a minute and nothing else runs (``ApplicationHandlerStop``): commands,
    source buttons and votes are limited like questions, and a flood gets no flood of replies.
    """
    user = update.effective_user
    if user is None or not isinstance(update, Update) or not _counts(update, context):
        return
    d = deps(context)
    if d.limits.allow(user.id):
        return
    logger.info("update %s of a user over the rate limit dropped", update.update_id)
    if d.limits.warn(user.id):
        text = _rate_text(d.limits.per_minute)
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text)
    raise ApplicationHandlerStop


def examples(engine: Any) -> list[str]:
    """Three example questions drawn from what the corpus holds."""
    units = [u for u in engine.answerer.units().entries if u.whole_section]
    plans = [d for d in engine.documents() if d.kind == "plan" and d.issuer]
    out = []
    if units:
        out.append(f"{units[0].name} phải làm gì?")
    out.append(DEFAULT_EXAMPLES[1])
    if plans:
        out.append(f"Kế hoạch của {plans[0].issuer} căn cứ những văn bản nào?")
    return (out + [q for q in DEFAULT_EXAMPLES if q not in out])[:3]


def _doc_line(d: Any) -> str:
    when = "/".join(reversed(d.date.split("-"))) if d.date else (f"tháng {d.month}/{d.year}" if d.month else "")
    number = d.number or "không số"
    if number.startswith("/"):  # "Số: /KH-CDLC": the number was left blank for the clerk to fill in
        number = f"{number[1:]} (chưa ghi số)"
    return f"• {escape(d.doc_type or 'Văn bản')} {escape(number)} — {escape(d.issuer or d.doc_id)}{', ' + escape(when) if when else ''}"


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    d = deps(context)
    if await _refuse_if_not_allowed(update, d):
        return
    docs = d.engine.documents()
    lines = [
        "Xin chào! Tôi trả lời câu hỏi về các kế hoạch và văn bản căn cứ của nhà trường, kèm trích dẫn đến từng mục.",
        f"Đang có {len(docs)} văn bản:",
        *(_doc_line(x) for x in docs[:15]),
        "",
        "Hỏi thử:",
    ]
    asks = examples(d.engine)
    context.bot_data["examples"] = asks
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton(q[:120], callback_data=f"ex:{i}")] for i, q in enumerate(asks)]
    )
    assert update.effective_message is not None
    await update.effective_message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML, reply_markup=keyboard)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if await _refuse_if_not_allowed(update, deps(context)):
        return
    assert update.effective_message is not None
    await update.effective_message.reply_text(HELP, parse_mode=ParseMode.HTML)


async def vanban(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    d = deps(context)
    if await _refuse_if_not_allowed(update, d):
        return
    docs = d.engine.documents()
    text = "\n".join(["<b>Các văn bản đang có:</b>", *(_doc_line(x) for x in docs)]) if docs else "Chưa có văn bản nào."
    assert update.effective_message is not None
    for chunk in split_message(text):
        await update.effective_message.reply_text(chunk, parse_mode=ParseMode.HTML)


async def cancu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cancu <chủ đề hoặc số hiệu>: legal bases as paste-ready citation strings, with who cites them."""
    d = deps(context)
    if await _refuse_if_not_allowed(update, d):
        return
    topic = " ".join(context.args or []).strip()
    entries = d.engine.registry()
    if topic:
        try:
            entries = [d.engine.legal_basis(topic)]
        except CancuError:
            needle = fold_key(topic)
            entries = [
                e
                for e in entries
                if needle in fold_key(" ".join([e.id, *e.variants, e.type, e.issuer or "", e.title or ""]))
            ]
    lines = (
        [f"<b>Văn bản căn cứ{' về ' + escape(topic) if topic else ''}:</b>"]
        if entries
        else [f"Không tìm thấy văn bản căn cứ nào về «{escape(topic)}»."]
    )
    for e in entries[:10]:
        cited = ", ".join(sorted({c.doc_id for c in e.cited_by}))
        lines.append(f"• {escape(e.citation)}\n  <i>được trích dẫn trong: {escape(cited)}</i>")
        for c in e.conflicts:
            values = " / ".join(escape(v.value) for v in c.values)
            lines.append(
                f"  ⚠️ Các văn bản ghi {'ngày ban hành' if c.field == 'date' else 'cơ quan ban hành'} khác nhau: {values}"
            )
    assert update.effective_message is not None
    for chunk in split_message("\n".join(lines)):
        await update.effective_message.reply_text(chunk, parse_mode=ParseMode.HTML)


async def hoi(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = " ".join(context.args or []).strip()
    if not question:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "Hãy gõ câu hỏi sau lệnh, ví dụ: /hoi Phòng Công tác sinh viên phải làm gì?"
        )
        return
    await answer_question(update, context, question)


def _addressed_text(message: Message, bot_username: str | None, bot_id: int) -> str | None:
    """In a group: the question if the bot is mentioned or replied to, else None (chatter is ignored)."""
    text = message.text or ""
    if (
        message.reply_to_message is not None
        and message.reply_to_message.from_user
        and message.reply_to_message.from_user.id == bot_id
    ):
        return text.strip()
    for entity in message.entities or ():
        mention = text[entity.offset : entity.offset + entity.length]
        if (
            entity.type == MessageEntityType.MENTION
            and bot_username
            and mention.lstrip("@").lower() == bot_username.lower()
        ):
            return (text[: entity.offset] + text[entity.offset + entity.length :]).strip()
        if entity.type == MessageEntityType.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return (text[: entity.offset] + text[entity.offset + entity.length :]).strip()
    return None


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not message.text:
        return
    if chat.type == ChatType.PRIVATE:
        await answer_question(update, context, message.text.strip())
        return
    question = _addressed_text(message, context.bot.username, context.bot.id)
    if question:
        await answer_question(update, context, question)


def _keyboard(answer: Answer) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(f"📄 [{c.n}] {PART_LABELS.get(c.section, c.section)}"[:40], callback_data=f"src:{c.n}")]
        for c in answer.citations[:8]
    ]
    rows.append([InlineKeyboardButton("👍", callback_data="fb:1"), InlineKeyboardButton("👎", callback_data="fb:-1")])
    return InlineKeyboardMarkup(rows)


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    d = deps(context)
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    if await _refuse_if_not_allowed(update, d):
        return
    if d.limits.busy(user.id):  # the update was counted by ``gate``
        await message.reply_text(BUSY)
        return
    d.limits.start(user.id)
    # a button pressed on this answer waits until the answer is stored (the user may press it the instant it
    # arrives, before reply_text has even returned here)
    settled = asyncio.Event()
    if context.chat_data is not None:
        context.chat_data["settled"] = settled
    try:
        await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
        focus = context.chat_data.get("focus") if context.chat_data is not None else None
        answer: Answer = await asyncio.to_thread(d.engine.ask, question[:2000], context=focus)
        # Updates are handled concurrently: whatever a follow-up relies on (the focus, the user no longer
        # busy) is settled before the last part of the answer reaches the user, who may reply at once.
        if answer.found and context.chat_data is not None:
            context.chat_data["focus"] = _focus(d.engine, question, answer)
        chunks = split_message(answer_html(answer))
        sent = None
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            if last:
                d.limits.done(user.id)
            sent = await message.reply_text(
                chunk, parse_mode=ParseMode.HTML, reply_markup=_keyboard(answer) if last and answer.found else None
            )
        if sent is not None and answer.found:
            d.store.remember(chat.id, sent.message_id, answer.model_dump(mode="json"))
    finally:
        settled.set()
        d.limits.done(user.id)


def _focus(engine: Any, question: str, answer: Answer) -> dict[str, Any]:
    """What a follow-up ("còn Văn phòng thì sao?") should stay within: the plan cited, the unit asked about."""
    docs = list(dict.fromkeys(c.doc_id for c in answer.citations))
    named = engine.index.docs_named_in(question)
    units = engine.answerer.units().find(question, docs[:1] if len(docs) == 1 else None)
    focus: dict[str, Any] = {"doc_ids": named or (docs[:1] if len(docs) == 1 else [])}
    if units:
        focus["unit"] = units[0].name
    return focus


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    d = deps(context)
    query = update.callback_query
    if query is None or query.message is None or query.data is None:
        return
    if not _allowed(update, d):
        await query.answer(NOT_ALLOWED, show_alert=True)
        return
    kind, _, value = query.data.partition(":")
    chat_id, message_id = query.message.chat.id, query.message.message_id
    if kind == "ex":
        asks = context.bot_data.get("examples") or examples(d.engine)
        await query.answer()
        question = asks[int(value)] if value.isdigit() and int(value) < len(asks) else asks[0]
        await answer_question(update, context, question)
        return
    settled = context.chat_data.get("settled") if context.chat_data is not None else None
    if settled is not None and not settled.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(settled.wait(), timeout=SETTLE_WAIT_S)
    stored = d.store.recall(chat_id, message_id)
    if stored is None:
        await query.answer("Câu trả lời này đã cũ, vui lòng hỏi lại.", show_alert=True)
        return
    answer = Answer.model_validate(stored)
    if kind == "src":
        citation = next((c for c in answer.citations if str(c.n) == value), None)
        if citation is None:
            await query.answer("Không tìm thấy nguồn này.", show_alert=True)
            return
        await query.answer()
        try:
            _, text = await asyncio.to_thread(d.engine.section, citation.doc_id, citation.section)
        except CancuError:
            await context.bot.send_message(chat_id, "Văn bản này không còn trong kho.")
            return
        head = f"<b>[{citation.n}] {escape(source_label(citation))}</b>"
        for chunk in split_message(head + "\n" + escape(text)):
            await context.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML, reply_to_message_id=message_id)
    elif kind == "fb" and value in ("1", "-1"):
        assert update.effective_user is not None
        d.store.record(
            chat_id=chat_id,
            message_id=message_id,
            user_id=update.effective_user.id,
            vote=int(value),
            question=answer.question,
            answer=answer.answer,
            citations=[c.model_dump(mode="json") for c in answer.citations],
        )
        await query.answer("Cảm ơn bạn đã góp ý!")
    else:
        await query.answer()


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log with the update id and apologise; nothing a handler raises stops the bot."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("update %s failed: %s", update_id, context.error, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, APOLOGY)
        except Exception:  # the chat may be gone; the error is already logged
            logger.warning("could not send the apology for update %s", update_id)
