"""How a chat message is read before it reaches the engine: a whole question or a fragment of a burst.

Small talk and English are read by the engine for every door (``retrieval.small_talk``); the bot also answers
small talk at once, without waiting for the rest of a burst::

    looks_whole("phòng quản trị")         # False: wait a moment for the rest of a burst
    merge(["ad ơi", "phòng quản trị làm gì"])  # "phòng quản trị làm gì"
"""

from __future__ import annotations

from retrieval.small_talk import REPLIES, small_talk, tokens, words

__all__ = ["NOT_TEXT", "REPLIES", "looks_whole", "merge", "small_talk"]

NOT_TEXT = "Mình chỉ đọc được tin nhắn chữ: hãy gõ câu hỏi về các văn bản, ví dụ «{example}» (/help: hướng dẫn)."


def _phrases(found: list[str], n: int) -> set[str]:
    return {" ".join(found[i : i + k]) for k in range(1, n + 1) for i in range(len(found) - k + 1)}


def looks_whole(text: str) -> bool:
    """Whether a message reads as a whole question (a question mark, or a question word): answered at once;
    anything else may be the start of a burst and waits a moment for the rest."""
    if text.rstrip().endswith("?"):
        return True
    return bool(_phrases(tokens(text), 2) & words().question_cues)


def merge(texts: list[str]) -> str:
    """One question from a burst: the pieces that are small talk are dropped when anything else was sent."""
    asked = [t.strip() for t in texts if t.strip() and small_talk(t) is None]
    return " ".join(asked) if asked else (texts[-1].strip() if texts else "")
