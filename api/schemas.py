"""Request and response bodies of the HTTP API (the Answer and registry types come from core.types)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from core.types import Hit, LegalBasis


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=2000, description="Câu hỏi (1–2000 ký tự)")
    doc_ids: list[str] | None = Field(default=None, max_length=50, description="Chỉ tìm trong các văn bản này")
    top_k: int | None = Field(default=None, ge=1, le=20, description="Số mục tìm kiếm tối đa")


class SearchResponse(BaseModel):
    query: str
    hits: list[Hit]


class Health(BaseModel):
    status: str
    documents: int
    mode: str


class DocumentSummary(BaseModel):
    doc_id: str
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
