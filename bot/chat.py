"""How a chat message is read before it reaches the engine: small talk, a whole question or a fragment, English.

The words are data (``bot/data/chat.json``)::

    small_talk("cảm ơn bạn nhé")          # "thanks"
    small_talk("ad ơi")                   # "call": the question is probably the next message
    small_talk("Phòng Quản trị làm gì?")  # None
    looks_whole("phòng quản trị")         # False: wait a moment for the rest of a burst
    is_english("What must the office do?")  # True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.text import fold_key, has_diacritics

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
NOT_TEXT = "Mình chỉ đọc được tin nhắn chữ: hãy gõ câu hỏi về các văn bản, ví dụ «{example}» (/help: hướng dẫn)."
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


def _tokens(text: str) -> list[str]:
    text = text.replace("\ufe0f", "")  # the variation selector of an emoji ("❤️") is not a character of its own
    return [t for t in (fold_key(t) for t in _TOKEN.findall(text)) if t and t not in _PUNCT]


def _phrases(tokens: list[str], n: int) -> set[str]:
    return {" ".join(tokens[i : i + k]) for k in range(1, n + 1) for i in range(len(tokens) - k + 1)}


def small_talk(text: str) -> str | None:
    """The kind of small talk a message is ("thanks", "greeting", "ack", "call", "empty"), or None for a
    message with anything else in it."""
    tokens = _tokens(text)
    if not tokens:
        return "empty"
    w = words()
    vocab = (("thanks", w.thanks), ("greeting", w.greeting), ("ack", w.ack))
    kinds: set[str] = set()
    i = 0
    while i < len(tokens):  # the longest phrase of any kind at each word, else a filler word, else not small talk
        for k in (3, 2, 1):
            phrase = " ".join(tokens[i : i + k])
            kind = next((name for name, words_of in vocab if phrase in words_of), None)
            if kind is not None and i + k <= len(tokens):
                kinds.add(kind)
                i += k
                break
        else:
            if tokens[i] not in w.filler:
                return None
            i += 1
    return next((kind for kind in ("thanks", "greeting", "ack") if kind in kinds), "call")


def looks_whole(text: str) -> bool:
    """Whether a message reads as a whole question (a question mark, or a question word): answered at once;
    anything else may be the start of a burst and waits a moment for the rest."""
    if text.rstrip().endswith("?"):
        return True
    tokens = _tokens(text)
    return bool(_phrases(tokens, 2) & words().question_cues)


def is_english(text: str) -> bool:
    """A message written in English (no Vietnamese diacritic, and English words make up much of it)."""
    if has_diacritics(text):
        return False
    tokens = [t for t in _tokens(text) if t.isalpha()]
    hits = sum(t in words().english for t in tokens)
    return hits >= ENGLISH_MIN and hits >= ENGLISH_SHARE * len(tokens)


def merge(texts: list[str]) -> str:
    """One question from a burst: the pieces that are small talk are dropped when anything else was sent."""
    asked = [t.strip() for t in texts if t.strip() and small_talk(t) is None]
    return " ".join(asked) if asked else (texts[-1].strip() if texts else "")
