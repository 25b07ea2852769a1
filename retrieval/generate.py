"""Optional rewriting of the extractive answer into fluent Vietnamese by any OpenAI-compatible server.

The model only sees the extracted evidence and must keep [n] markers that point at
the supplied citations. Markers that point nowhere are removed; a sentence left
without a marker, an error or a time-out means the extractive answer is returned
unchanged. Uses llama-index's OpenAILike LLM (the product's LLM layer).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from core.config import Settings
from core.types import Answer

logger = logging.getLogger(__name__)

SYSTEM = (
    "Bạn là trợ lý trả lời câu hỏi về kế hoạch và văn bản pháp luật Việt Nam. "
    "Chỉ dùng thông tin trong phần TRÍCH DẪN. Viết lại câu trả lời bằng tiếng Việt tự nhiên, ngắn gọn. "
    "Mỗi câu phải kết thúc bằng dấu trích dẫn [n] trỏ tới đoạn trích đã dùng. "
    "Không thêm thông tin nào không có trong trích dẫn; nếu không chắc, giữ nguyên câu của bản nháp."
)
_MARKER = re.compile(r"\[(\d{1,3})\]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


class Generator:
    """Rewrites answers with an OpenAI-compatible chat model; never adds an uncited sentence."""

    def __init__(self, settings: Settings, llm: Any = None) -> None:
        if llm is None:
            from llama_index.llms.openai_like import OpenAILike

            key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
            llm = OpenAILike(
                model=settings.llm_model or "",
                api_base=settings.llm_base_url,
                api_key=key,
                is_chat_model=True,
                is_function_calling_model=False,
                context_window=8192,
                temperature=0.1,
                max_retries=0,
                timeout=settings.llm_timeout,
            )
        self.llm = llm

    def prompt(self, answer: Answer) -> str:
        evidence = "\n".join(
            f"[{c.n}] ({c.doc_number or c.doc_id}, mục {c.section} {c.heading}): {c.quote}" for c in answer.citations
        )
        return f"CÂU HỎI: {answer.question}\n\nTRÍCH DẪN:\n{evidence}\n\nBẢN NHÁP:\n{answer.answer}\n\nCÂU TRẢ LỜI:"

    def rewrite(self, answer: Answer) -> Answer:
        """The answer rewritten, or unchanged when the model fails or breaks the citation rules."""
        from llama_index.core.llms import ChatMessage

        try:
            reply = self.llm.chat(
                [ChatMessage(role="system", content=SYSTEM), ChatMessage(role="user", content=self.prompt(answer))]
            )
            text = str(reply.message.content or "")
        except Exception as exc:  # connection refused, time-out, bad JSON: the extractive answer stands
            logger.warning("LLM rewrite failed (%s); returning the extractive answer", type(exc).__name__)
            return answer
        checked = check_markers(text, {c.n for c in answer.citations})
        if checked is None:
            logger.warning("LLM rewrite dropped: a sentence had no valid [n] marker")
            return answer
        return answer.model_copy(update={"answer": checked})


def check_markers(text: str, valid: set[int]) -> str | None:
    """Remove markers that point nowhere; None when any sentence is left without a valid marker."""
    cleaned = _MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", text).strip()
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned))
    if not cleaned:
        return None
    for sentence in _SENTENCE_END.split(cleaned):
        words = re.findall(r"[^\W\d_]+", sentence)
        if len(words) >= 3 and not _MARKER.search(sentence):
            return None
    return cleaned
