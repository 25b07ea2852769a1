"""The composition root: ``build_engine(settings)`` wires store, analyzer, embedder, index, searcher, answerer.

The CLI, the HTTP API, the bot and the evaluation all use one Engine::

    engine = build_engine(get_settings())
    engine.ingest([Path("corpus")])
    answer = engine.ask("Phòng Công tác sinh viên phải làm gì?")
    engine.close()
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from core.config import Settings
from core.errors import CancuError, SectionNotFound
from core.ports import Embedder
from core.text import composed
from core.types import Document, Hit, LegalBasis, Section
from ingest.isolation import ParserPool
from ingest.loaders import scanned_pages
from ingest.pipeline import (
    PARSER_VERSION,
    FileResult,
    IngestReport,
    build_document,
    ingest_paths,
    parse_bytes,
)
from retrieval import corpus_folder, integrity
from retrieval.analyzer import Analyzer
from retrieval.catalog import Catalog
from retrieval.embed_cache import CachedEmbedder, EmbeddingCache
from retrieval.index import Index
from retrieval.labels import DocRow, Labels, find_legal_bases
from retrieval.migrate import legacy_store, migrate_legacy
from retrieval.overview import Overview
from retrieval.points import UnitStore
from retrieval.search import Mode, Searcher
from retrieval.small_talk import chatted
from retrieval.wiring import catalog_path, ingest_workers, open_store, parse_limits, reading_workers, search_model

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Engine:
    """Everything a door (CLI, API, bot, eval) needs, behind one object."""

    def __init__(
        self,
        settings: Settings,
        store: UnitStore,
        index: Index,
        searcher: Searcher,
        *,
        mode_reason: str,
        reader: ParserPool,
    ) -> None:
        self.settings = settings
        self.store = store
        self.index = index
        self.searcher = searcher
        self.mode_reason = mode_reason
        self.reader = reader  # every file is read in a bounded worker process (ingest.isolation)
        self._write_lock = threading.Lock()
        self._answerer: Any = None
        self._labels: tuple[int, Labels] | None = None
        self._overview: tuple[int, Overview] | None = None
        self.generator: Any = None
        self.embedder: CachedEmbedder | None = None

    @property
    def answerer(self) -> Any:
        if self._answerer is None:
            from retrieval.answers.answerer import Answerer

            self._answerer = Answerer(self)
        return self._answerer

    @property
    def mode(self) -> Mode:
        return self.searcher.mode

    # ------------------------------------------------------------ documents

    def documents(self) -> list[Document]:
        return self.index.documents()

    def document_count(self) -> int:
        """How many documents the catalog holds (no document is read)."""
        return len(self.index)

    def document(self, ref: str) -> Document:
        """A document by its label, id or number ("08/KH-CĐCĐ", "kh-cdlc-laocai-2026", "KH-CDLC")."""
        if ref in self.index:
            return self.index.get(ref)
        return self.index.get(self.resolve(ref))

    def section(self, ref: str, section_id: str) -> tuple[Section, str]:
        """A section (or named part such as "preamble") and its full text."""
        doc = self.document(ref)
        sec = doc.section(section_id.strip())
        if sec is None:
            raise SectionNotFound(doc.doc_id, section_id)
        return sec, doc.section_text(sec.id)

    def registry(self, ref: str | None = None) -> list[LegalBasis]:
        """The legal-basis registry, or the entries one document (label, id or number) cites."""
        if ref is None:
            return self.index.registry()
        return self.index.entries_citing(self.document(ref).doc_id)

    # ------------------------------------------------------------ labels: what a user sees and types back

    def labels(self) -> Labels:
        """Every document's label and the keys that resolve a reference (rebuilt when the catalog changes)."""
        generation = self.index.generation
        cached = self._labels
        if cached is None or cached[0] != generation:
            rows = self.index.catalog.fields(["doc_id", "doc_type", "number", "place", "issuer", "year", "date"])
            cached = self._labels = (generation, Labels(DocRow(*r) for r in rows))
        return cached[1]

    def label(self, doc_id: str) -> str:
        """The label a user sees for a document: its number, else a short name ("KH-CDLC Lào Cai 2025")."""
        return self.labels().of(doc_id)

    def resolve(self, ref: str) -> str:
        """The id of the one document a label, id or number names (``DocumentNotFound``, ``AmbiguousDocument``)."""
        return self.labels().resolve(ref)

    def resolve_all(self, refs: Sequence[str]) -> list[str]:
        """Ids of the documents some references name; ``DocumentsNotFound`` lists every one naming none."""
        return self.labels().resolve_all(refs)

    def find_legal_bases(self, topic: str, *, loose: bool = True) -> list[LegalBasis]:
        """Registry entries a reference names ("thông tư 124", "chi thi 09"), else (``loose``) those mentioning it."""
        return find_legal_bases(self.index.registry(), topic, loose=loose)

    def overview(self) -> Overview:
        """What the documents are (counts by kind, shared topic) and three example questions."""
        from retrieval import overview

        generation = self.index.generation
        cached = self._overview
        if cached is None or cached[0] != generation:
            rows = self.index.catalog.fields(["doc_type", "title", "kind", "issuer"])
            units = [u.name for u in self.answerer.units().entries if u.whole_section]
            issuers = [issuer for _, _, kind, issuer in rows if kind == "plan" and issuer]
            built = overview.build([r[0] for r in rows], [r[1] for r in rows], units, issuers)
            cached = self._overview = (generation, built)
        return cached[1]

    def legal_ids_of(self, doc: Document) -> list[str]:
        """Registry ids of what a document cites; from its own citations if it left the index meanwhile."""
        ids = [e.id for e in self.index.entries_citing(doc.doc_id)]
        return ids or list(dict.fromkeys(c.id for c in doc.citations))

    def legal_basis(self, legal_id: str) -> LegalBasis:
        return self.index.legal_basis(legal_id)

    # ------------------------------------------------------------ writing

    def ingest(self, paths: Iterable[Path], on_file: Callable[[FileResult], None] | None = None) -> IngestReport:
        paths = list(paths)
        with self._write_lock, ingest_workers(self.settings, self.reader, paths) as pool:
            try:
                return ingest_paths(
                    paths,
                    self.index,
                    max_bytes=self.settings.max_file_bytes,
                    on_file=on_file,
                    pool=pool,
                    stage_in_pool=pool is not self.reader,
                    chunk=self.settings.ingest_chunk,
                )
            finally:
                self.store.settle()

    def put(self, doc: Document) -> None:
        with self._write_lock:
            self.index.put(doc)

    def put_documents(self, docs: Sequence[Document]) -> None:
        """Index parsed documents in order (one chunk: units first, then one catalog commit)."""
        with self._write_lock:
            self.index.put_documents(docs)
            self.store.settle()

    def delete(self, doc_id: str, *, remove_files: bool = False) -> bool:
        """Remove a document from the index (and its source file from the corpus folder)."""
        with self._write_lock:
            removed = self.index.remove(doc_id)
            if removed and remove_files:
                for path in self._corpus_files(doc_id):
                    path.unlink(missing_ok=True)
            return removed

    def _corpus_files(self, doc_id: str) -> list[Path]:
        return corpus_folder.files_of(self.settings.corpus_dir, doc_id)

    def add_upload(self, filename: str, data: bytes) -> tuple[Document, str]:
        """Parse an uploaded file, index it, and keep it in the corpus folder; all or nothing.

        Only the name's stem and suffix are used (never its path). The file is written (and synced) to a
        hidden name that records its document id; the index switches atomically; then the file takes its
        final name. A crash between the two is settled at the next start (``recover_uploads``).
        Returns the document and "added", "updated" or "unchanged".
        """
        name, suffix, doc_id = corpus_folder.accept(filename, data, self.settings.max_file_bytes)
        corpus_folder.check_name(self.index, name, doc_id)
        doc = self.reader.run(name, parse_bytes, f"{doc_id}{suffix}", data, doc_id=doc_id, source=name)
        with self._write_lock:
            corpus_folder.check_name(self.index, name, doc_id)
            previous = self.index.content_hash(doc_id)
            if previous == doc.content_hash:
                return self.index.get(doc_id), "unchanged"
            corpus_folder.keep(self.settings.corpus_dir, self.index, doc, doc_id, data, suffix)
        return doc, "updated" if previous else "added"

    def scanned_pages(self, filename: str, data: bytes) -> int:
        """How many pages of an uploaded PDF need OCR (read in a bounded worker process; 0 for other files)."""
        if Path(filename).suffix.lower() != ".pdf":
            return 0
        return self.reader.run(filename, scanned_pages, filename, data)

    def recover_uploads(self) -> list[str]:
        """Settle uploads a crash interrupted: keep the file when the index holds its version, else drop it."""
        folder = self.settings.corpus_dir
        if not folder.is_dir():
            return []
        with self._write_lock:
            return corpus_folder.recover(folder, self.index, self.reader)

    def reparse_stale(self) -> list[str]:
        """Parse again the documents an earlier parser version built, from their corpus file where there is one.

        A parser fix thus reaches what was ingested before it at the next start, with nothing deleted; a
        document whose file is elsewhere is parsed again from the text the store kept.
        """
        stale = self.index.catalog.parsed_by_other(PARSER_VERSION)
        if not stale:
            return []
        with self._write_lock, reading_workers(self.settings, self.reader, len(stale)) as pool:
            done = corpus_folder.reparse_stale(
                self.settings.corpus_dir,
                self.index,
                pool,
                self.settings.max_file_bytes,
                stale,
                chunk=self.settings.ingest_chunk,
                staging=self.index.worker_stage if pool is not self.reader else None,
            )
            self.store.settle()
        if done:
            logger.warning("parsed %d documents again for parser version %s", len(done), PARSER_VERSION)
        return done

    def reindex(self) -> int:
        """Rebuild every document's retrieval units from the catalog."""
        with self._write_lock:
            ids = self.index.catalog.ids()

            def rebuilt() -> Iterable[Any]:
                for doc_id in ids:
                    doc = self.index.get(doc_id)
                    yield self.index.prepare(
                        build_document(doc.doc_id, doc.text, source=doc.source, digest=doc.content_hash)
                    )

            self.index.put_many(rebuilt())
            self.index.collect_garbage()
            return len(ids)

    # ------------------------------------------------------------ reading

    def search(
        self, query: str, *, k: int = 5, doc_ids: Sequence[str] | None = None, filters: dict[str, Any] | None = None
    ) -> list[Hit]:
        if doc_ids:
            doc_ids = self.resolve_all(doc_ids)
        query = composed(query)
        return self._settled(lambda: self.searcher.search(query, k=k, doc_ids=doc_ids, filters=filters))

    def ask(
        self,
        question: str,
        *,
        doc_ids: Sequence[str] | None = None,
        top_k: int | None = None,
        qid: str | int | None = None,
        context: dict[str, Any] | None = None,
        conversation: str | None = None,
    ) -> Any:
        """Answer a question; ``conversation`` (any key a door keeps per chat) reads it as a follow-up of the
        conversation's last question ("còn Văn phòng thì sao?")."""
        if doc_ids:  # labels and numbers as well as ids; an unknown one is an error naming it, not ignored
            doc_ids = self.resolve_all(doc_ids)
        question = composed(question)  # typed decomposed ("Unicode tổ hợp"), read as typed whole
        asked = {"doc_ids": doc_ids, "top_k": top_k, "qid": qid, "context": context, "conversation": conversation}
        ask = partial(self.answerer.ask, question, **asked)
        # small talk gets one line, English a line in both languages too: at every door
        answer = chatted(question, qid, lambda: self.overview().examples[0], lambda: self._settled(ask))
        return self._labelled(answer)

    def _labelled(self, answer: Any) -> Any:
        """Give each citation its document's label, the name every door shows and a user can type back."""
        labels = self.labels()
        for c in answer.citations:
            c.doc_label = labels.of(c.doc_id)
        return answer

    def _settled(self, read: Callable[[], T]) -> T:
        """Run a read on one catalog version.

        Reads take no lock, and an upload or deletion can land while one runs: the soak test's mix found a
        search that met a section of one version of a plan and then read the text of the next. Inside a
        snapshot every document, registry entry and alias comes from the version the read started with.
        """
        if self.store.remote and self._write_lock.acquire(blocking=False):
            try:  # several API processes share one server: take up what the others ingested
                self.index.maybe_sync()
            finally:
                self._write_lock.release()
        with self.index.snapshot():
            return read()

    def warm(self) -> None:
        """Build what the first questions would otherwise build: the legal-basis registry and the places each
        document is about (a server's start; ``cancu ask`` builds only what its question reads).

        Aliases, unit names and term statistics are looked up in the catalog's tables; nothing else to build.
        """
        with self.index.snapshot():
            self.index.registry()
            self.answerer.units()
            self.index.document_places()
        # What a serving process built at start lives as long as it does: moved out of the garbage collector's
        # generations, a full collection no longer walks it (one paused a question 154 ms at 10,000 plans; 31 ms)
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        self.reader.close()
        self.store.close()
        self.index.catalog.close()
        if self.embedder is not None:
            self.embedder.close()


def build_engine(settings: Settings, *, embedder: Embedder | bool | None = True, strict: bool = True) -> Engine:
    """Build the engine from settings: the one place that decides what is wired to what.

    ``embedder=True`` loads the configured model; pass an instance to share one, or None to force lexical.
    The store is checked at start (``retrieval.integrity``): what can be repaired is; ``strict=False``
    (`cancu ingest`, which is how the rest is repaired) starts with a warning where ``strict`` refuses.
    """
    emb, reason, mode = search_model(settings, embedder)
    cached = CachedEmbedder(emb, EmbeddingCache(settings.data_dir / "embeddings.sqlite", emb.name)) if emb else None
    store = integrity.open_units(settings, lambda: open_store(settings, dense_dim=emb.dim if emb else None))
    catalog: Catalog | None = None
    reader = ParserPool(parse_limits(settings), workers=min(os.cpu_count() or 1, 2))
    try:
        catalog = integrity.open_catalog(catalog_path(settings))
        analyzer = Analyzer()
        index = Index(store, catalog, analyzer, cached)
        searcher = Searcher(store, index, analyzer, cached, mode)
        engine = Engine(settings, store, index, searcher, mode_reason=reason, reader=reader)
        engine.embedder = cached
        if not settings.qdrant_url and not len(index) and legacy_store(settings.data_dir):
            logger.warning("found a store written by an earlier version: migrating it (cancu migrate)")
            migrate_legacy(engine)
        integrity.check(engine, strict=strict)
        engine.recover_uploads()
        engine.reparse_stale()
        index.revectorise_stale()
    except CancuError:
        reader.close()
        store.close()
        if catalog is not None:
            catalog.close()
        if cached:
            cached.close()
        raise
    if settings.llm_base_url and settings.llm_model:
        from retrieval.generate import Generator  # optional: imports llama-index's LLM layer

        engine.generator = Generator(settings)
    return engine
