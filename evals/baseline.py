"""The baseline a newcomer would build: llama-index's SentenceSplitter with its defaults, no structure.

Same store, analyzer and search as the product; only the units (fixed-size
chunks instead of sections) and the answer (the top chunks, no intents, no
refusal) differ, so the report shows what structure-awareness moves. A chunk
is credited to the section it starts in, the most generous citation a
chunk-based system can give.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.config import Settings
from core.types import Answer, Citation, Document
from ingest.pipeline import IngestReport, ingest_paths
from retrieval.analyzer import Analyzer
from retrieval.catalog import Catalog
from retrieval.index import Index
from retrieval.search import Searcher
from retrieval.units import Unit
from retrieval.wiring import catalog_path, open_store


@lru_cache(maxsize=1)
def _splitter() -> Any:
    # llama-index's defaults: 1024-token chunks with 200 tokens of overlap, counted with the tiktoken
    # encoding llama-index ships in its package (nothing is downloaded)
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter()


def chunk_units(doc: Document) -> list[Unit]:
    """Fixed-size chunks of the whole document, each credited to the section it starts in."""
    out: list[Unit] = []
    pos = 0
    for i, chunk in enumerate(_splitter().split_text(doc.text)):
        probe = chunk[:80]
        start = doc.text.find(probe, max(0, pos - 2000))
        if start < 0:
            start = pos
        pos = start + 1
        section = doc.section_at(start) or "header"
        sec = doc.section(section)
        heading = sec.heading if sec else ""
        out.append(Unit(doc.doc_id, section, i, heading, (), chunk, start, start + len(chunk)))
    return out


class BaselineEngine:
    """SentenceSplitter chunks + the product's retrieval; answers with the top chunks."""

    def __init__(self, settings: Settings, embedder: Any = None, mode: str = "lexical") -> None:
        self.settings = settings
        self.store = open_store(settings, dense_dim=embedder.dim if embedder else None)
        analyzer = Analyzer()
        self.index = Index(self.store, Catalog(catalog_path(settings)), analyzer, embedder, unitizer=chunk_units)
        self.index.revectorise_stale()  # a baseline store an older analyzer wrote (as build_engine does)
        self.searcher = Searcher(self.store, self.index, analyzer, embedder, mode)  # type: ignore[arg-type]

    def ingest(self, paths: Sequence[Path]) -> IngestReport:
        try:
            return ingest_paths(paths, self.index, max_bytes=self.settings.max_file_bytes)
        finally:
            self.store.settle()

    def documents(self) -> list[Document]:
        return self.index.documents()

    def ask(self, question: str, *, qid: str | int | None = None, **_: Any) -> Answer:
        t0 = time.perf_counter()
        hits = self.searcher.sections(question, k=3, use_names=False)
        citations = []
        for n, h in enumerate(hits, 1):
            doc = self.index.get(h.doc_id)
            unit = h.units[0]
            citations.append(
                Citation(
                    n=n,
                    doc_id=h.doc_id,
                    doc_number=doc.number or "",
                    doc_title=doc.title or "",
                    section=h.section,
                    heading=h.heading,
                    quote=doc.text[unit["start"] : unit["end"]][:400],
                    score=round(h.score, 4),
                )
            )
        text = "\n\n".join(
            f"{self.index.get(h.doc_id).text[h.units[0]['start'] : h.units[0]['end']]} [{n}]"
            for n, h in enumerate(hits, 1)
        )
        return Answer(
            id=qid,
            question=question,
            found=bool(hits),
            answer=text,
            citations=citations,
            took_ms=round((time.perf_counter() - t0) * 1000, 2),
        )

    def close(self) -> None:
        self.store.close()
        self.index.catalog.close()
