"""Request and response bodies of the HTTP API (the Answer and registry types come from core.types)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from core.types import Answer, Hit, LegalBasis

CONVERSATION_ID = r"^[A-Za-z0-9_.:-]+$"


def _not_bool(value: object) -> object:
    # JSON's true is not the number 1, though Python's True == 1 lets it through a Literal[1, -1]
    if isinstance(value, bool):
        raise PydanticCustomError("literal_error", "must be 1 or -1, not true/false", {"expected": "1, -1"})
    return value


def _not_blank(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("blank", "must not be blank (only spaces)")
    return text


class AskRequest(BaseModel):
    # strict: a body is read as documented, so true is not 1 and "3" is not 3 (lax pydantic took both)
    model_config = ConfigDict(extra="forbid", strict=True)

    question: Annotated[str, AfterValidator(_not_blank)] = Field(
        min_length=1, max_length=2000, description="Câu hỏi (1–2000 ký tự, không để trống)"
    )
    doc_ids: list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(
        default=None,
        max_length=50,
        description="Chỉ tìm trong các văn bản này: nhãn, mã hoặc số hiệu (08/KH-CĐCĐ, kh-cdlc-laocai-2026); "
        "văn bản không có → 404 nêu tên",
    )
    top_k: int | None = Field(default=None, ge=1, le=20, description="Số mục tìm kiếm tối đa")
    id: str | int | None = Field(default=None, description="Mã câu hỏi của bạn, trả lại nguyên trong câu trả lời")
    conversation_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        pattern=CONVERSATION_ID,
        description="Hỏi tiếp trong một cuộc hỏi đáp: mã do câu trả lời trước trả về (bỏ trống: cuộc mới)",
    )


class AskResponse(Answer):
    """The Answer object, with the conversation it belongs to and an id to vote on it."""

    conversation_id: str = Field(description="Gửi lại trong câu hỏi tiếp theo để hỏi tiếp")
    answer_id: str = Field(description="Mã câu trả lời, cho POST /feedback")


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    answer_id: str = Field(min_length=1, max_length=32, description="answer_id của câu trả lời")
    vote: Annotated[Literal[1, -1], BeforeValidator(_not_bool)] = Field(description="1: 👍, -1: 👎")
    reason: str | None = Field(default=None, max_length=1000, description="Lý do (tùy chọn)")


class FeedbackStored(BaseModel):
    answer_id: str
    vote: int


class SearchResponse(BaseModel):
    query: str
    hits: list[Hit]


class Health(BaseModel):
    status: str
    documents: int
    mode: str


class DocumentSummary(BaseModel):
    doc_id: str
    label: str = Field(description="Tên hiển thị, dùng được ở mọi nơi thay cho doc_id: số hiệu, hoặc tên ngắn")
    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    place: str | None
    title: str | None
    signer: str | None
    sections: int


class OutlineItem(BaseModel):
    section: str
    heading: str
    level: int


class DocumentDetail(DocumentSummary):
    managing_body: str | None = None
    signer_title: str | None = None
    year: int | None = None
    kind: str
    outline: list[OutlineItem]
    parts: list[str]
    legal_bases: list[str]


class SectionText(BaseModel):
    doc_id: str
    label: str
    section: str
    heading: str
    level: int
    parent: str | None
    text: str


class LegalBases(BaseModel):
    items: list[LegalBasis]


class Reindexed(BaseModel):
    documents: int


class ErrorBody(BaseModel):
    error: str
    message: str
    message_vi: str
