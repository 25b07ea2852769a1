"""Messages that are not questions, read the same at every door: small talk and questions in English.

The words are data (``retrieval/data/chat.json``)::

    small_talk("cảm ơn bạn nhé")          # "thanks"
    small_talk("ad ơi")                   # "call": the question is probably the next message
    small_talk("Phòng Quản trị làm gì?")  # None
    is_english("What must the office do?")  # True

``chatted`` wraps an answer: small talk gets one short line and never reaches the documents (a greeting was
answered from a plan's "chào mừng Đại hội" before), a question in English gets a line in both languages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.text import fold_key, has_diacritics
from core.types import Answer

DATA = Path(__file__).parent / "data" / "chat.json"
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_PUNCT = set(".,;:!?…-–—()[]\"'“”‘’*~")
ENGLISH_SHARE = 0.4
ENGLISH_MIN = 2

REPLIES = {
    "greeting": "Chào bạn! Bạn cứ gửi câu hỏi về các văn bản, ví dụ: «{example}»",
    "call": "Dạ, bạn cứ hỏi ạ, ví dụ: «{example}»",
    "thanks": "Không có gì ạ! Cần gì bạn cứ hỏi tiếp nhé.",
    "ack": "Vâng ạ 👍",
    "empty": "Bạn muốn hỏi gì ạ? Ví dụ: «{example}»",
}
ENGLISH = (
    "Mình trả lời bằng tiếng Việt, theo các văn bản tiếng Việt. / I answer in Vietnamese, from Vietnamese "
    "documents: please ask in Vietnamese, e.g. «{example}»."
)


@dataclass(frozen=True)
class Words:
    thanks: frozenset[str]
    greeting: frozenset[str]
    ack: frozenset[str]
    filler: frozenset[str]
    question_cues: frozenset[str]
    english: frozenset[str]


@cache
def words() -> Words:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return Words(**{k: frozenset(fold_key(w) for w in raw[k]) for k in Words.__dataclass_fields__})


def tokens(text: str) -> list[str]:
    """The message's words and signs, folded, without punctuation."""
    text = text.replace("\ufe0f", "")  # the variation selector of an emoji ("❤️") is not a character of its own
    return [t for t in (fold_key(t) for t in _TOKEN.findall(text)) if t and t not in _PUNCT]


def small_talk(text: str) -> str | None:
    """The kind of small talk a message is ("thanks", "greeting", "ack", "call", "empty"), or None for a
    message with anything else in it."""
    found = tokens(text)
    if not found:
        return "empty"
    w = words()
    vocab = (("thanks", w.thanks), ("greeting", w.greeting), ("ack", w.ack))
    kinds: set[str] = set()
    i = 0
    while i < len(found):  # the longest phrase of any kind at each word, else a filler word, else not small talk
        for k in (3, 2, 1):
            phrase = " ".join(found[i : i + k])
            kind = next((name for name, words_of in vocab if phrase in words_of), None)
            if kind is not None and i + k <= len(found):
                kinds.add(kind)
                i += k
                break
        else:
            if found[i] not in w.filler:
                return None
            i += 1
    return next((kind for kind in ("thanks", "greeting", "ack") if kind in kinds), "call")


def is_english(text: str) -> bool:
    """A message written in English (no Vietnamese diacritic, and English words make up much of it)."""
    if has_diacritics(text):
        return False
    words_ = [t for t in tokens(text) if t.isalpha()]
    hits = sum(t in words().english for t in words_)
    return hits >= ENGLISH_MIN and hits >= ENGLISH_SHARE * len(words_)


def chatted(question: str, qid: str | int | None, example: Callable[[], str], ask: Callable[[], Answer]) -> Answer:
    """The answer to a message: one line for small talk (``ask`` is not called), else ``ask``'s answer, after
    a line in both languages when the message is in English (in place of the refusal when nothing is found)."""
    kind = small_talk(question)
    if kind is not None:
        reply = REPLIES[kind].format(example=example())
        return Answer(id=qid, question=question, found=False, answer=reply, small_talk=kind)
    answer = ask()
    if is_english(question):
        note = ENGLISH.format(example=example())
        answer.answer = f"{note}\n\n{answer.answer}" if answer.found else note
    return answer
