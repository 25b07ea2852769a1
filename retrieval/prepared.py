"""What a document becomes before it is written: its units as points and its catalog record.

``prepare`` joins the two (in the main process or a worker process at ingest); a process
syncing from a server builds the record alone (``retrieval.server_sync``), whose ``server_record`` is what
a server keeps for the other processes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.legal_ids import id_key, leading_number
from core.ports import Embedder
from core.text import fold
from core.types import PART_IDS, Document
from ingest.header import LEAD_IN, PREAMBLE_START
from ingest.legal import registry_key
from retrieval.analyzer import ANALYZER_VERSION, Analyzer
from retrieval.catalog_rows import DocRecord, df_of, head_text
from retrieval.legal_registry import said_replaced
from retrieval.naming import alias_phrases
from retrieval.points import UnitPoint, point_id
from retrieval.targeting import profile_tokens
from retrieval.terms import defined_terms
from retrieval.units import Unit, units_for
from retrieval.units_catalog import units_of


@dataclass
class Prepared:
    """A document with its units and vectors, ready to write (computed in a worker process at ingest)."""

    record: DocRecord
    points: list[UnitPoint]


def unit_points(doc: Document, units: list[Unit], analyzer: Analyzer, embedder: Embedder | None) -> list[UnitPoint]:
    """A document's units as points: ids from (document, version, section, piece), sparse and dense vectors."""
    texts = [u.index_text() for u in units]
    dense = embedder.embed_passages(texts) if embedder and texts else [None] * len(units)
    return [
        UnitPoint(
            id=point_id(doc.doc_id, doc.content_hash, u.section, u.piece),
            sparse=analyzer.document_vector(text),
            dense=vec,
            payload=_payload(doc, u),
        )
        for u, text, vec in zip(units, texts, dense)
    ]


def record_for(doc: Document, points: list[UnitPoint], analyzer: Analyzer, version: str) -> DocRecord:
    """What the catalog indexes for a document whose units are these points (``version``: the analyzer's)."""
    number_ok = bool(doc.number)
    return DocRecord(
        doc=doc,
        unit_ids=[p.id for p in points],
        analyzer=version,
        aliases=alias_phrases(doc) if doc.kind == "plan" else set(),
        units=[
            (
                e.section,
                e.name,
                2 if e.led else e.whole_section,
                (e.line.text, e.line.start, e.line.heading) if e.line else None,
                e.keys,
                e.has_lines,
                e.dated,
            )
            for e in units_of(doc)
        ],
        defines_terms=bool(defined_terms(doc)),
        citation_keys=[registry_key(c) for c in doc.citations],
        number_key=id_key(doc.number) if number_ok and doc.number else None,
        type_num=(f"{fold(doc.doc_type or '').lower()}|{leading_number(doc.number)}" if number_ok else None),
        df=df_of(p.sparse[0] for p in points),
        units_count=len(points),
        profile=profile_tokens(doc, analyzer),
        hits=[unit_hit(p) for p in points],
        replacing=[c for c in doc.citations if said_replaced(doc.text, c)],
        head_terms=analyzer.terms(head_text(doc)),
    )


def unit_hit(p: UnitPoint) -> tuple[str, str, str, int, int]:
    """What a search shows of a unit, kept in the catalog by point id (``Catalog.hits``)."""
    return p.id, p.payload["section"], p.payload["heading"], p.payload["start"], p.payload["end"]


def server_record(r: DocRecord) -> dict[str, object]:
    """The catalog record a server keeps for other processes."""
    return {
        "kind": "document",
        "doc_id": r.doc.doc_id,
        "content_hash": r.doc.content_hash,
        "unit_ids": r.unit_ids,
        "hits": r.hits,
        "analyzer": r.analyzer,
        "df_tokens": sorted(r.df),
        "df_counts": [r.df[t] for t in sorted(r.df)],
        "document": r.doc.model_dump(mode="json"),
    }


def _kind(u: Unit) -> str:
    """ "section" for the units searched for content: the sections, the closing ("Trên đây là …": reporting
    deadlines) and a piece of the preamble that recounts (a Chỉ thị's account of the situation: "Mùa
    khô năm trước, toàn tỉnh xảy ra 43 vụ cháy rừng …"); "part" for the header and the grounds."""
    if u.section == "closing" or (u.section == "preamble" and _recounts(u.text)):
        return "section"
    return "part" if u.section in PART_IDS else "section"


def _recounts(text: str) -> bool:
    """Whether a piece of the preamble recounts (what happened, what is wrong): no line of it a ground ("Căn cứ
    …", "Thực hiện …") nor the text's own enacting sentence ("Hội đồng nhân dân ban hành Nghị quyết …"), and
    more than a line's words."""
    lines = text.splitlines()
    return len(text.split()) >= _RECOUNTED_WORDS and not any(PREAMBLE_START.match(x) or LEAD_IN.match(x) for x in lines)


#: Fewer words than this are no account of a situation (a rule line, a stray heading).
_RECOUNTED_WORDS = 25


def _payload(doc: Document, u: Unit) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "section": u.section,
        "unit_kind": _kind(u),
        "piece": u.piece,
        "heading": u.heading,
        "heading_path": list(u.heading_path),
        "start": u.start,
        "end": u.end,
        "doc_type": doc.doc_type,
        "number": doc.number,
        "year": doc.year,
        "issuer": doc.issuer,
        "place": doc.place,
    }


def prepare(
    doc: Document,
    analyzer: Analyzer,
    embedder: Embedder | None = None,
    unitizer: Callable[[Document], list[Unit]] = units_for,
) -> Prepared:
    """Cut a document into units, vectorise them, and derive what the catalog indexes."""
    points = unit_points(doc, unitizer(doc), analyzer, embedder)
    return Prepared(record_for(doc, points, analyzer, ANALYZER_VERSION), points)


_WORKER: dict[str, object] = {}


def prepare_in_worker(version: int, table: dict[str, str], doc: Document) -> tuple[int, Prepared]:
    """``prepare`` in a worker process with the main process's abbreviation table (and the document's own)."""
    analyzer = _WORKER.get("analyzer")
    if not isinstance(analyzer, Analyzer) or _WORKER.get("version") != version:
        analyzer = Analyzer()
        analyzer.add_abbreviations(table)
        _WORKER.update(analyzer=analyzer, version=version)
    if any(fold(a).lower() not in analyzer.abbreviations for a in doc.abbreviations):
        analyzer = Analyzer()  # the document adds abbreviations: not to the table the next documents use
        analyzer.add_abbreviations(table)
        analyzer.add_abbreviations(doc.abbreviations)
    return version, prepare(doc, analyzer)
