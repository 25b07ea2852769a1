"""The plain baseline cancu must beat: BM25 (bm25s) over cancu's own sections, the best section's text as answer.

Same documents, same parser, same retrieval units (one per section, long ones split at lines, each with its
heading path: the text the product indexes) as the product; no analyzer, no strategies, no refusal: the words of
each unit, lower-cased and folded (diacritics dropped, so a question typed without them matches), scored by BM25
against the words of the question. It shows what the search and answer layers add over sectioning alone.

Of five plain variants measured on the development questions (words as typed or folded; every unit or content
sections only; with or without heading paths), this one is the strongest (wide dev hit@3 0.732 against 0.510
for words as typed): the baseline cancu must beat is the best plain BM25, not a weak one.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.config import Settings
from core.text import fold
from core.types import Answer, Citation, Document
from ingest.loaders import load_text
from ingest.pipeline import IngestReport, build_document, collect_paths
from retrieval.units import Unit, units_for

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased, folded words: what a plain BM25 sees."""
    return _WORD.findall(fold(text).lower())


class BM25Engine:
    """Ingest, ask, documents and close, like the engine, over an in-memory bm25s index."""

    def __init__(self, settings: Settings, *, top_k: int = 5) -> None:
        self.settings = settings
        self.top_k = top_k
        self.docs: dict[str, Document] = {}
        self.units: list[Unit] = []
        self._retriever: Any = None

    def ingest(self, paths: Sequence[Path]) -> IngestReport:
        report = IngestReport()
        files, _ = collect_paths(paths)
        for f in files:
            try:
                doc = build_document(f.stem, load_text(f, self.settings.max_file_bytes), source=f.name)
            except Exception:  # the product's report counts failures; the baseline just skips them
                continue
            self.docs[doc.doc_id] = doc
        self.units = [u for d in self.docs.values() for u in units_for(d)]
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its logger to DEBUG when imported
        self._retriever = bm25s.BM25()
        self._retriever.index([tokens(u.index_text()) for u in self.units], show_progress=False)
        return report

    def documents(self) -> list[Document]:
        return list(self.docs.values())

    def ask(self, question: str, *, qid: str | int | None = None, **_: Any) -> Answer:
        t0 = time.perf_counter()
        query = tokens(question) or ["_"]
        k = min(len(self.units), self.top_k * 4)
        idx, scores = self._retriever.retrieve([query], k=k, show_progress=False)
        citations: list[Citation] = []
        seen: set[tuple[str, str]] = set()
        for i, s in zip(idx[0], scores[0]):
            if s <= 0:
                continue
            u = self.units[int(i)]
            if (u.doc_id, u.section) in seen:
                continue
            seen.add((u.doc_id, u.section))
            doc = self.docs[u.doc_id]
            citations.append(
                Citation(
                    n=len(citations) + 1,
                    doc_id=u.doc_id,
                    doc_number=doc.number or "",
                    doc_title=doc.title or "",
                    section=u.section,
                    heading=u.heading,
                    quote=u.text,
                    score=float(s),
                )
            )
            if len(citations) == self.top_k:
                break
        found = bool(citations)
        return Answer(
            id=qid,
            question=question,
            found=found,
            answer=citations[0].quote if found else "",
            citations=citations,
            took_ms=round((time.perf_counter() - t0) * 1000, 2),
        )

    def close(self) -> None:
        self._retriever = None
