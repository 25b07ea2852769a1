"""Which conversation a message belongs to: one per (chat, user), and one per reply thread.

A message that replies to one of the bot's answers continues the conversation that answer was given in
(whoever replies); any other message continues its sender's own conversation in that chat. So in a group,
a second teacher's question never inherits the first teacher's plan or unit, while a reply to an answer
follows that answer. Keys are what ``Engine.ask(conversation=…)`` is given::

    convs = Conversations()
    key = convs.key_for(chat_id=-100, user_id=7, reply_to=None)      # "tg:-100:7"
    convs.answered(key, chat_id=-100, message_ids=[1234])
    convs.key_for(chat_id=-100, user_id=8, reply_to=1234)           # "tg:-100:7": the thread of that answer
"""

from __future__ import annotations

from collections.abc import Iterable

from core.bounded import Bounded

MAX_THREADS = 50_000  # answer messages remembered with their conversation


class Conversations:
    """Conversation keys and the bot's answer messages by conversation (the engine keeps what was asked in
    each: ``Engine.ask(conversation=key)``)."""

    def __init__(self) -> None:
        self._threads: Bounded[tuple[int, int], str] = Bounded(MAX_THREADS)

    def key_for(self, *, chat_id: int, user_id: int, reply_to: int | None) -> str:
        """The conversation of a message: the thread of the answer it replies to, else its sender's."""
        if reply_to is not None:
            thread = self._threads.get((chat_id, reply_to))
            if thread is not None:
                return thread
        return f"tg:{chat_id}:{user_id}"

    def answered(self, key: str, *, chat_id: int, message_ids: Iterable[int]) -> None:
        """Remember that these messages of the bot answer in this conversation (a reply to them continues it)."""
        for mid in message_ids:
            self._threads.put((chat_id, mid), key)
