"""Domain types shared by every package: documents, sections, legal bases, hits, answers.

A ``Document`` keeps its normalised text once; sections point into it by
character span, so a section's text, a quote and a citation can always be
checked against the same string::

    doc = parse_document("kh-cdlc-laocai-2026", text)
    sec = doc.section("IV.1")
    doc.section_text("IV.1")          # "1. Văn phòng\\nTham mưu cho Đảng ủy, ..."
    [s.id for s in doc.children("IV")]  # ["IV.1", "IV.2", "IV.3"]
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Parts of a document that are not numbered sections but can still be cited.
PART_IDS = ("header", "preamble", "closing", "recipients", "signature", "footnotes")


def part_of(section: str, outer: str) -> bool:
    """Whether a section label is ``outer``'s or one of its parts' ("III.2.a" of "III.2")."""
    return section == outer or section.startswith(outer + ".")


#: How the parts are named to a reader (citations show these instead of the ids).
PART_LABELS = {
    "header": "Phần đầu",
    "preamble": "Căn cứ",
    "closing": "Phần kết",
    "recipients": "Nơi nhận",
    "signature": "Chữ ký",
    "footnotes": "Chú thích",
}


class Section(BaseModel):
    """One numbered unit of a document (I, III.2, II.1.a, Điều 8.2.b) or a named part."""

    model_config = ConfigDict(frozen=True)

    id: str
    heading: str
    level: int
    parent: str | None = None
    start: int  # span of the whole unit, children included, in Document.text
    end: int
    body_end: int  # end of the unit's own text (where its first child starts)


class LegalCitation(BaseModel):
    """One mention of another legal document inside a document."""

    id: str  # canonical id: "124/2021/TT-BCA", "09-CT/TW"
    variant: str  # as printed: "09/CT-TW"
    type: str  # "Thông tư", "Chỉ thị", ...
    number: str
    year: int | None = None
    issuer_code: str | None = None
    issuer: str | None = None  # issuing body where stated: "Bộ Công an"
    date: str | None = None  # ISO date where stated
    title: str | None = None  # trích yếu where stated
    section: str  # where it was cited: "preamble", "II.1", ...
    start: int
    end: int


class Document(BaseModel):
    """A parsed plan or directive: header fields, numbered sections and cited documents."""

    model_config = ConfigDict(frozen=False)

    doc_id: str
    source: str = ""
    content_hash: str = ""
    kind: Literal["plan", "normative", "other"] = "plan"
    doc_type: str | None = None
    number: str | None = None
    date: str | None = None
    year: int | None = None
    month: int | None = None
    issuer: str | None = None
    managing_body: str | None = None
    place: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    text: str
    sections: list[Section] = Field(default_factory=list)
    parts: list[Section] = Field(default_factory=list)
    citations: list[LegalCitation] = Field(default_factory=list)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    parser_version: str = ""  # the parser that built it ("": before versions were recorded)
    warnings: list[str] = Field(default_factory=list)  # what the parser could not read as expected, in Vietnamese

    @cached_property
    def _index(self) -> dict[str, Section]:
        return {s.id: s for s in [*self.sections, *self.parts]}

    def section(self, section_id: str) -> Section | None:
        """The section or named part with this id, or None."""
        return self._index.get(section_id)

    def section_text(self, section_id: str, *, own: bool = False) -> str:
        """Text of a section: the whole unit, or only its own text before its first child."""
        sec = self._index.get(section_id)
        if sec is None:
            from core.errors import SectionNotFound

            raise SectionNotFound(self.doc_id, section_id)
        return self.text[sec.start : sec.body_end if own else sec.end].strip()

    @cached_property
    def _children(self) -> dict[str | None, list[Section]]:
        out: dict[str | None, list[Section]] = {}
        for s in self.sections:
            out.setdefault(s.parent, []).append(s)
        return out

    def children(self, section_id: str | None) -> list[Section]:
        """Direct children of a section (None: top-level sections) in document order."""
        return list(self._children.get(section_id, ()))

    def heading_path(self, section_id: str) -> list[str]:
        """Headings from the top-level ancestor down to this section."""
        path: list[str] = []
        cur = self._index.get(section_id)
        while cur is not None:
            path.append(cur.heading)
            cur = self._index.get(cur.parent) if cur.parent else None
        return list(reversed(path))

    def section_at(self, offset: int) -> str | None:
        """Id of the deepest section or part whose span contains a character offset."""
        best: Section | None = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level > best.level):
                best = s
        if best is not None:
            return best.id
        for p in self.parts:
            if p.start <= offset < p.end:
                return p.id
        return None

    def outline(self) -> list[dict[str, object]]:
        """The numbered sections as ``{section, heading, level}`` in document order."""
        return [{"section": s.id, "heading": s.heading, "level": s.level} for s in self.sections]

    def fields(self) -> dict[str, object]:
        """Header fields as listed by ``cancu documents --json``."""
        return {
            "doc_id": self.doc_id,
            "doc_type": self.doc_type,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
            "place": self.place,
            "title": self.title,
            "signer": self.signer,
            "sections": len(self.sections),
        }

    @property
    def label(self) -> str:
        """Short name for a source line: the number, else type and issuer, else the id."""
        if self.number and self.number.split("/")[0].strip():
            return self.number
        if self.number:
            return f"{self.doc_type or 'Văn bản'} {self.number} ({self.issuer or self.doc_id})"
        return f"{self.doc_type or 'Văn bản'} ({self.issuer or self.doc_id})"


class CitedBy(BaseModel):
    doc_id: str
    section: str


class ConflictValue(BaseModel):
    value: str
    cited_by: list[CitedBy]


class Conflict(BaseModel):
    field: Literal["date", "issuer"]
    values: list[ConflictValue]


class LegalBasis(BaseModel):
    """One entry of the legal-basis registry: a cited document merged across all its mentions."""

    id: str
    type: str
    number: str
    year: int | None = None
    issuer_code: str | None = None
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    citation: str  # ready to paste: "Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an quy định …"
    variants: list[str]
    cited_by: list[CitedBy]
    conflicts: list[Conflict] = Field(default_factory=list)
    doc_id: str | None = None  # set when the cited document itself is in the corpus
    key: str = ""  # the registry group it was merged in (ingest.legal.registry_key)

    @cached_property
    def citing_docs(self) -> list[str]:
        """The documents citing it, in order (read once: an entry's ``cited_by`` is set when it is merged)."""
        return list(dict.fromkeys(c.doc_id for c in self.cited_by))

    @cached_property
    def citing_order(self) -> dict[str, int]:
        """Each citing document's place in ``citing_docs``."""
        return {d: i for i, d in enumerate(self.citing_docs)}


class Hit(BaseModel):
    """One retrieved section (retrieval units are merged back to their section)."""

    doc_id: str
    section: str
    heading: str
    text: str
    score: float


class Citation(BaseModel):
    n: int
    doc_id: str
    doc_number: str
    doc_title: str
    doc_label: str = ""  # what a reader sees and can type back: the number, else a short name (retrieval.labels)
    section: str
    heading: str
    quote: str
    score: float


class LegalBasisRef(BaseModel):
    id: str
    type: str
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    citation: str | None = None
    cited_by: list[CitedBy] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)


class Answer(BaseModel):
    """What ``cancu ask``, ``POST /ask`` and the bot all return."""

    id: str | int | None = None
    question: str
    found: bool
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    legal_bases: list[LegalBasisRef] = Field(default_factory=list)
    took_ms: float = 0.0
    # a message that asked nothing, answered in one line from no document: "greeting", "thanks", "ack", "call", "empty"
    small_talk: str | None = None
