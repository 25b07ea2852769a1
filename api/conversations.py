"""Conversations of the HTTP API: the ids it hands out (or is given), the key the engine keeps each
conversation under, and the answers it gave, so that a 👍/👎 on the page can name one. Both live in memory,
bounded; a restart forgets them.

    convs = Conversations()
    cid = convs.begin(None)                 # a new id, e.g. "c-3f2a…"
    engine_key = convs.engine_key(cid)      # "api:c-3f2a…", what Engine.ask(conversation=…) is given
    answer_id = convs.keep_answer(cid, answer)
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from core.bounded import Bounded
from core.types import Answer

MAX_CONVERSATIONS = 10_000
MAX_ANSWERS = 10_000


@dataclass
class Conversation:
    id: str


@dataclass(frozen=True)
class Kept:
    """An answer the API gave, for a vote on it."""

    conversation_id: str
    answer: Answer


class Conversations:
    """Conversation ids and the answers given in them."""

    def __init__(self, max_conversations: int = MAX_CONVERSATIONS, max_answers: int = MAX_ANSWERS) -> None:
        self._conversations: Bounded[str, Conversation] = Bounded(max_conversations)
        self._answers: Bounded[int, Kept] = Bounded(max_answers)

    def begin(self, conversation_id: str | None) -> Conversation:
        """The conversation with this id (a new one under a given id the server does not know, e.g. after a
        restart), or a new conversation with a new id."""
        cid = conversation_id or f"c-{secrets.token_hex(12)}"
        conversation = self._conversations.get(cid)
        if conversation is None:
            conversation = Conversation(cid)
            self._conversations.put(cid, conversation)
        return conversation

    @staticmethod
    def engine_key(conversation_id: str) -> str:
        """The key the engine keeps this conversation under (the bot's keys start with "tg:")."""
        return f"api:{conversation_id}"

    def keep_answer(self, conversation_id: str, answer: Answer) -> str:
        """Remember an answer; its id is what ``POST /feedback`` names."""
        answer_id = secrets.randbits(52) | 1  # a positive integer (the feedback table keys messages by integer)
        self._answers.put(answer_id, Kept(conversation_id, answer))
        return str(answer_id)

    def answer(self, answer_id: str) -> Kept | None:
        return self._answers.get(int(answer_id)) if answer_id.isdigit() else None
