"""Conversation handlers: commands, questions (queued per sender), small talk, other messages, buttons, errors.

A question goes through the sender's inbox (``bot.inbox``): answered in order, a burst merged, nothing dropped.
Each conversation (``bot.conversations``: per chat and user, and per reply thread) is what the engine is asked in.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ChatType, MessageEntityType, ParseMode
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import chat
from bot.conversations import Conversations
from bot.inbox import Inbox, Pending
from bot.limits import UserLimits
from bot.render import answer_html, refusal_html, split_message
from core.config import Settings
from core.errors import CancuError
from core.feedback import FeedbackStore
from core.text import fold_key, show_date
from core.types import PART_LABELS, Answer, Document, LegalBasis
from retrieval.render import source_label

logger = logging.getLogger(__name__)

HELP = (
    "<b>Cách dùng</b>\n"
    "Gửi câu hỏi bằng tiếng Việt (có dấu hoặc không dấu), có thể hỏi tiếp: <i>còn Văn phòng thì sao?</i> "
    "Ví dụ: <i>van phong truong cao dang lao cai co trach nhiem gi</i>\n\n"
    "/vanban — các văn bản đang có, với nhãn của từng văn bản\n"
    "/cancu &lt;số hiệu, nhãn hoặc chủ đề&gt; — văn bản căn cứ, ví dụ /cancu thông tư 124, /cancu 08/KH-CĐCĐ; "
    "/cancu trang 2 để xem tiếp\n"
    "/hoi &lt;câu hỏi&gt; — hỏi (trong nhóm, hoặc nhắc tên bot)\n\n"
    "Mỗi câu trả lời kèm nguồn; bấm 📄 để xem toàn văn mục, 👍/👎 để góp ý (cả khi bot không trả lời được)."
)
APOLOGY = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau."
NOT_ALLOWED = "Xin lỗi, bot này chỉ phục vụ các nhóm và người dùng đã được đăng ký."
SETTLE_WAIT_S = 5.0  # how long a button pressed on an answer still being sent waits for it to be stored
PAGE = 10  # legal bases per /cancu page
START_DOCS = 15  # documents listed by /start
_PAGE_WORDS = re.compile(r"^(?:trang|page|tr)\s*(\d{1,4})$")


@dataclass
class BotDeps:
    """What the handlers need, kept in ``bot_data`` and reached through ``deps(context)``."""

    engine: Any
    settings: Settings
    store: FeedbackStore
    limits: UserLimits
    allowed: set[int] = field(default_factory=set)
    conversations: Conversations = field(default_factory=Conversations)
    inbox: Inbox | None = None


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


async def _example(d: BotDeps) -> str:
    return (await asyncio.to_thread(d.engine.overview)).examples[0]  # type: ignore[no-any-return]


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


def _doc_line(d: Document, label: str) -> str:
    """ "• <b>08/KH-CĐCĐ</b> — Kế hoạch, Trường Cao đẳng Cộng đồng Sóc Trăng, 06/01/2026" """
    when = show_date(d.date) or (f"tháng {d.month}/{d.year}" if d.month else (str(d.year) if d.year else ""))
    kind = d.doc_type or "Văn bản"
    if not d.number:
        kind += " không số"
    elif not d.number.split("/")[0].strip():  # "Số: /KH-CDLC": the number was left blank for the clerk
        kind += " (chưa ghi số)"
    return f"• <b>{escape(label)}</b> — {escape(kind)}, {escape(d.issuer or d.doc_id)}{', ' + escape(when) if when else ''}"


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    d = deps(context)
    if await _refuse_if_not_allowed(update, d):
        return
    docs = await asyncio.to_thread(d.engine.documents)
    labels = d.engine.labels()
    overview = await asyncio.to_thread(d.engine.overview)
    lines = [
        "Xin chào! Tôi trả lời câu hỏi về các kế hoạch và văn bản căn cứ của nhà trường, kèm trích dẫn đến từng mục.",
        f"Đang có {len(docs)} văn bản:",
        *(_doc_line(x, labels.of(x.doc_id)) for x in docs[:START_DOCS]),
        *([f"… và {len(docs) - START_DOCS} văn bản khác: /vanban"] if len(docs) > START_DOCS else []),
        "",
        "Hỏi thử:",
    ]
    asks = overview.examples
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
    docs = await asyncio.to_thread(d.engine.documents)
    labels = d.engine.labels()
    head = "<b>Các văn bản đang có</b> (nhãn in đậm dùng được với /cancu, ví dụ /cancu " + (
        f"{escape(labels.of(docs[0].doc_id))}):" if docs else "…):"
    )
    text = "\n".join([head, *(_doc_line(x, labels.of(x.doc_id)) for x in docs)]) if docs else "Chưa có văn bản nào."
    assert update.effective_message is not None
    for chunk in split_message(text):
        await update.effective_message.reply_text(chunk, parse_mode=ParseMode.HTML)


# ---------------------------------------------------------------- /cancu: legal bases


def _entry_lines(e: LegalBasis, labels: Any) -> list[str]:
    cited = ", ".join(sorted({labels.of(c.doc_id) for c in e.cited_by}))
    lines = [f"• {escape(e.citation)}\n  <i>được trích dẫn trong: {escape(cited)}</i>"]
    for c in e.conflicts:
        values = " / ".join(escape(show_date(v.value)) for v in c.values)
        field_vi = "ngày ban hành" if c.field == "date" else "cơ quan ban hành"
        lines.append(f"  ⚠️ Các văn bản ghi {field_vi} khác nhau: {values}")
    return lines


def _page(d: BotDeps, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of the whole registry, saying how many there are and how to page."""
    entries = d.engine.registry()
    pages = max(1, -(-len(entries) // PAGE))
    page = min(max(page, 1), pages)
    labels = d.engine.labels()
    first = (page - 1) * PAGE
    shown = entries[first : first + PAGE]
    lines = [
        f"<b>Có {len(entries)} văn bản căn cứ</b> (trang {page}/{pages}: {first + 1}–{first + len(shown)}, "
        "văn bản được nhiều văn bản trích dẫn đứng trước):"
        if entries
        else "Chưa có văn bản căn cứ nào."
    ]
    for e in shown:
        lines.extend(_entry_lines(e, labels))
    more = f"/cancu trang {page + 1} để xem tiếp; " if page < pages else ""
    lines.append(f"\n{more}/cancu &lt;số hiệu, nhãn hoặc chủ đề&gt; để tìm, ví dụ /cancu thông tư 124")
    buttons = []
    if page > 1:
        buttons.append(InlineKeyboardButton(f"◀ Trang {page - 1}", callback_data=f"cc:{page - 1}"))
    if page < pages:
        buttons.append(InlineKeyboardButton(f"Trang {page + 1} ▶", callback_data=f"cc:{page + 1}"))
    return "\n".join(lines), InlineKeyboardMarkup([buttons]) if buttons else None


def _topic(d: BotDeps, topic: str) -> str:
    """Legal bases a topic names: an entry by number ("thông tư 124"), those a document (label, id or number)
    cites, else those mentioning it."""
    labels = d.engine.labels()
    entries = d.engine.find_legal_bases(topic, loose=False)
    head = f"<b>Văn bản căn cứ «{escape(topic)}»:</b>"
    if not entries:
        try:
            doc_id = d.engine.resolve(topic)
        except CancuError:
            doc_id = None
        if doc_id is not None:
            entries = d.engine.registry(doc_id)
            head = f"<b>{escape(labels.of(doc_id))} căn cứ {len(entries)} văn bản:</b>"
        else:
            entries = d.engine.find_legal_bases(topic)
            head = f"<b>Văn bản căn cứ về «{escape(topic)}» ({len(entries)}):</b>"
    if not entries:
        return (
            f"Không tìm thấy văn bản căn cứ nào về «{escape(topic)}». Thử /cancu thông tư 124, "
            "/cancu 08/KH-CĐCĐ, hoặc /cancu để xem tất cả."
        )
    lines = [head]
    for e in entries[:PAGE]:
        lines.extend(_entry_lines(e, labels))
    if len(entries) > PAGE:
        lines.append(f"\n… còn {len(entries) - PAGE} văn bản nữa; hãy ghi rõ hơn, ví dụ số hiệu.")
    return "\n".join(lines)


async def cancu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cancu [số hiệu, nhãn hoặc chủ đề | trang N]: legal bases as paste-ready citations, with who cites them."""
    d = deps(context)
    if await _refuse_if_not_allowed(update, d):
        return
    topic = " ".join(context.args or []).strip()
    paging = _PAGE_WORDS.match(fold_key(topic))
    keyboard = None
    if not topic or paging:
        text, keyboard = await asyncio.to_thread(_page, d, int(paging[1]) if paging else 1)
    else:
        text = await asyncio.to_thread(_topic, d, topic)
    assert update.effective_message is not None
    chunks = split_message(text)
    for i, chunk in enumerate(chunks):
        markup = keyboard if i == len(chunks) - 1 else None
        await update.effective_message.reply_text(chunk, parse_mode=ParseMode.HTML, reply_markup=markup)


# ---------------------------------------------------------------- questions


async def hoi(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = " ".join(context.args or []).strip()
    if not question:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "Hãy gõ câu hỏi sau lệnh, ví dụ: /hoi Phòng Công tác sinh viên phải làm gì?"
        )
        return
    enqueue(update, context, question)


def _addressed_text(message: Message, bot_username: str | None, bot_id: int) -> str | None:
    """In a group: the question if the bot is mentioned or replied to, else None (chatter is ignored)."""
    text = message.text or ""
    if _replies_to_bot(message, bot_id):
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


def _replies_to_bot(message: Message, bot_id: int) -> bool:
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot_id


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    chat_ = update.effective_chat
    if message is None or chat_ is None or not message.text:
        return
    if chat_.type == ChatType.PRIVATE:
        enqueue(update, context, message.text.strip())
        return
    question = _addressed_text(message, context.bot.username, context.bot.id)
    if question is not None:
        enqueue(update, context, question)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo, voice note, file, sticker…: one line saying what the bot reads (in a group, when replied to)."""
    message, chat_ = update.effective_message, update.effective_chat
    if message is None or chat_ is None:
        return
    if chat_.type != ChatType.PRIVATE and not _replies_to_bot(message, context.bot.id):
        return
    d = deps(context)
    if await _refuse_if_not_allowed(update, d):
        return
    await message.reply_text(chat.NOT_TEXT.format(example=await _example(d)))


def enqueue(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Queue a question in its sender's inbox (answered in order; a burst merged)."""
    d = deps(context)
    user, chat_ = update.effective_user, update.effective_chat
    if user is None or chat_ is None or d.inbox is None:
        return
    d.inbox.put(
        (chat_.id, user.id),
        Pending(text, update, context),
        spawn=lambda work: context.application.create_task(work, update=update, name=f"inbox-{chat_.id}-{user.id}"),
    )


async def answer_batch(batch: list[Pending]) -> None:
    """Answer one batch of a sender's messages: small talk in one line, else one question."""
    last = batch[-1]
    update, context = last.update, last.context
    d = deps(context)
    message, user, chat_ = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat_ is None:
        return
    if await _refuse_if_not_allowed(update, d):
        return
    question = chat.merge([p.text for p in batch])
    kind = chat.small_talk(question)
    if kind is not None:
        await message.reply_text(chat.REPLIES[kind].format(example=await _example(d)))
        return
    replied = next(
        (
            p.update.effective_message.reply_to_message.message_id
            for p in batch
            if p.update.effective_message is not None and _replies_to_bot(p.update.effective_message, context.bot.id)
        ),
        None,
    )
    key = d.conversations.key_for(chat_id=chat_.id, user_id=user.id, reply_to=replied)
    await answer_question(update, context, question, key)


def ask_in_conversation(d: BotDeps, key: str, question: str) -> Answer:
    """Ask the engine within a conversation (runs in a worker thread)."""
    answer: Answer = d.engine.ask(question[:2000], conversation=key)
    return answer


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, key: str) -> None:
    d = deps(context)
    message, chat_ = update.effective_message, update.effective_chat
    if message is None or chat_ is None:
        return
    # a button pressed on this answer waits until the answer is stored (the user may press it the instant it
    # arrives, before reply_text has even returned here)
    settled = asyncio.Event()
    if context.chat_data is not None:
        context.chat_data["settled"] = settled
    try:
        await context.bot.send_chat_action(chat_.id, ChatAction.TYPING)
        answer = await asyncio.to_thread(ask_in_conversation, d, key, question)
        if answer.found:
            html = answer_html(answer)
        else:
            overview = await asyncio.to_thread(d.engine.overview)
            html = refusal_html(answer, overview.covers(), overview.examples[0])
        chunks = split_message(html)
        sent_ids: list[int] = []
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            sent = await message.reply_text(
                chunk, parse_mode=ParseMode.HTML, reply_markup=_keyboard(answer) if last else None
            )
            sent_ids.append(sent.message_id)
            d.conversations.answered(key, chat_id=chat_.id, message_ids=[sent.message_id])
        if sent_ids:  # a refusal too: its 👎 says the documents should have answered
            d.store.remember(chat_.id, sent_ids[-1], answer.model_dump(mode="json"))
    finally:
        settled.set()


def _keyboard(answer: Answer) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(f"📄 [{c.n}] {PART_LABELS.get(c.section, c.section)}"[:40], callback_data=f"src:{c.n}")]
        for c in answer.citations[:8]
    ]
    rows.append([InlineKeyboardButton("👍", callback_data="fb:1"), InlineKeyboardButton("👎", callback_data="fb:-1")])
    return InlineKeyboardMarkup(rows)


# ---------------------------------------------------------------- buttons and errors


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
        asks = context.bot_data.get("examples") or (await asyncio.to_thread(d.engine.overview)).examples
        await query.answer()
        enqueue(update, context, asks[int(value)] if value.isdigit() and int(value) < len(asks) else asks[0])
        return
    if kind == "cc":
        await query.answer()
        text, keyboard = await asyncio.to_thread(_page, d, int(value) if value.isdigit() else 1)
        chunks = split_message(text)
        for i, chunk in enumerate(chunks):
            markup = keyboard if i == len(chunks) - 1 else None
            await context.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML, reply_markup=markup)
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


async def on_batch_error(item: Pending, exc: Exception) -> None:
    """A batch that failed goes to the error handlers like any handler's error (logged, apologised for)."""
    await item.context.application.process_error(item.update, exc)
