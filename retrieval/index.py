"""The catalog (``retrieval.catalog``, SQLite) and the units store (Edge or a server) kept in step.

Replacing a document is atomic for readers: its new units are written first (announced in the catalog's
``pending`` table), then one catalog transaction switches it to the new version (the commit) and updates
the term statistics, then the old units are deleted. Searches ignore units whose hash is not the
catalog's, so a crash at any point leaves either the old or the new version visible, never a mix, and the
next start settles what ``pending`` still lists.

What a document becomes before it is written is in ``retrieval.prepared``, the legal-basis registry over the
catalog in ``retrieval.legal_registry``, and keeping up with other processes on a server in
``retrieval.server_sync``.

    index = Index(store, catalog, Analyzer())
    index.put_many(prepare(doc, index.analyzer) for doc in docs)
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from core.errors import DocumentNotFound, StoreDamaged
from core.ports import Embedder
from core.types import Document, LegalBasis
from retrieval.analyzer import ANALYZER_VERSION, Analyzer
from retrieval.catalog import Catalog
from retrieval.catalog_rows import DocHead
from retrieval.extract import TermWeights
from retrieval.legal_registry import LegalRegistry, said_replaced
from retrieval.naming import names_in
from retrieval.places import Places
from retrieval.points import HIT_FIELDS, UnitPoint, UnitStore
from retrieval.prepared import Prepared, prepare, prepare_in_worker
from retrieval.server_sync import SYNC_INTERVAL, ServerSync
from retrieval.units import Unit, units_for

logger = logging.getLogger(__name__)

CHUNK = 200  # documents written per store batch and catalog transaction
MEMO = 10_000  # answers to ``Index.remembered`` kept per catalog version
T = TypeVar("T")


class Index:
    """Documents, their legal-basis registry and their retrieval units, behind one object."""

    def __init__(
        self,
        store: UnitStore,
        catalog: Catalog,
        analyzer: Analyzer,
        embedder: Embedder | None = None,
        unitizer: Callable[[Document], list[Unit]] = units_for,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.unitizer = unitizer  # how documents are cut into retrieval units (sections; the eval baseline swaps it)
        self.analyzer = analyzer
        self.embedder = embedder
        self._registry = LegalRegistry(catalog)
        self._table_version = 0  # bumped whenever a document adds an abbreviation
        self._heads: tuple[int, dict[str, DocHead]] | None = None
        self._document_places: tuple[int, dict[str, set[str]]] | None = None
        self._places: tuple[int, Places] | None = None
        self._memo: tuple[int, dict[Hashable, Any]] = (-1, {})
        self.analyzer.add_abbreviations(catalog.abbreviations())
        self._server = ServerSync(store, catalog, analyzer)
        self.settle_pending()
        self.upgrade()
        if store.remote:
            self._server.start()
        if store.rebuilt and len(catalog):
            logger.warning("rebuilding retrieval units for %d documents", len(catalog))
            self.rewrite(catalog.ids())

    # ------------------------------------------------------------ reading

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read from one catalog version for the duration of the block (nested blocks share it)."""
        with self.catalog.snapshot():
            yield

    @property
    def generation(self) -> int:
        """Version of the catalog in view; caches derived from the catalog compare it."""
        return self.catalog.generation

    def documents(self) -> list[Document]:
        """Every document, in id order (reads every body: for listings, not for questions)."""
        return list(self.catalog.iter_documents())

    def get(self, doc_id: str) -> Document:
        doc = self.catalog.get(doc_id)
        if doc is None:
            raise DocumentNotFound(doc_id)
        return doc

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.catalog

    def __len__(self) -> int:
        return len(self.catalog)

    def current_hash(self, doc_id: str) -> str | None:
        return self.catalog.content_hash(doc_id)

    def upgrade(self) -> None:
        """A catalog an earlier version wrote gets what this one keeps (``Catalog.upgrading``), at start."""
        was = self.catalog.upgrading
        if was is None:
            return
        logger.warning("bringing the catalog of %d documents up to date (schema %d): once", len(self.catalog), was)
        hits = self.store.unit_payloads(HIT_FIELDS) if was < 2 else None
        said = (
            (d.doc_id, c.model_dump_json())
            for d in self.catalog.iter_documents()
            for c in d.citations
            if said_replaced(d.text, c)
        )
        n = self.catalog.upgrade(hits, said)
        logger.info("catalog brought up to date: the search fields of %d units, what each document replaces", n)

    # DocumentIndex protocol
    def content_hash(self, doc_id: str) -> str | None:
        return self.current_hash(doc_id)

    # ------------------------------------------------------------ writing

    def put(self, doc: Document) -> None:
        """Index a document; replaces an earlier version atomically."""
        self.put_many([self.prepare(doc)])

    def prepare(self, doc: Document) -> Prepared:
        self.analyzer.add_abbreviations(doc.abbreviations)
        return prepare(doc, self.analyzer, self.embedder, self.unitizer)

    def worker_stage(self) -> Callable[[Document], tuple[int, Prepared]] | None:
        """What a worker process does to a parsed document before it is handed back: ``prepare`` with the
        abbreviation table as it stands now (its version goes with the result)."""
        if self.unitizer is not units_for:
            return None  # another unitizer (the eval baseline's) may not travel to a worker
        return functools.partial(prepare_in_worker, self._table_version, dict(self.analyzer.abbreviations))

    def put_documents(self, docs: Sequence[Document], staged: Sequence[Any] | None = None) -> None:
        """Index a batch of documents in order, using what the workers prepared where it is still exact.

        A document's vectors depend on the abbreviations known when it is indexed (those of the documents
        before it). A worker prepared it with the table of the moment its chunk was sent; when an earlier
        document has added an abbreviation since, it is prepared again here, so the vectors are always the
        ones a one-by-one ingest computes (new abbreviations are rare: none in 10,000 synthetic plans).
        """
        prepared = []
        for doc, got in zip(docs, staged or [None] * len(docs)):
            if got is not None and got[0] == self._table_version:
                self._learn(doc)
                item = got[1]
                if self.embedder is not None:
                    item = self._with_dense(item)
            else:
                self._learn(doc)
                item = prepare(doc, self.analyzer, self.embedder, self.unitizer)
            prepared.append(item)
        self.put_many(prepared, settle=False)

    def _learn(self, doc: Document) -> None:
        before = len(self.analyzer.abbreviations)
        self.analyzer.add_abbreviations(doc.abbreviations)
        if len(self.analyzer.abbreviations) != before:
            self._table_version += 1

    def _with_dense(self, p: Prepared) -> Prepared:
        assert self.embedder is not None
        texts = [u.index_text() for u in self.unitizer(p.record.doc)]
        dense = self.embedder.embed_passages(texts) if texts else []
        p.points = [UnitPoint(pt.id, pt.sparse, vec, pt.payload) for pt, vec in zip(p.points, dense)]
        return p

    def put_many(self, items: Iterable[Prepared], *, settle: bool = True) -> int:
        """Write prepared documents in chunks: units first, then one catalog commit per chunk; ``settle``
        vacuums and flushes the store after (an ingest does it once, at its end)."""
        n = 0
        chunk: list[Prepared] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                n += self._write(chunk)
                chunk = []
        if chunk:
            n += self._write(chunk)
        if settle:
            self.store.settle()
        return n

    def _write(self, chunk: list[Prepared]) -> int:
        latest = {p.record.doc.doc_id: p for p in chunk}  # a document twice in one chunk: its last version
        chunk = list(latest.values())
        old = {p.record.doc.doc_id: self.catalog.unit_ids(p.record.doc.doc_id) or [] for p in chunk}
        self.catalog.begin_pending(
            [
                (p.record.doc.doc_id, p.record.doc.content_hash, p.record.unit_ids, old[p.record.doc.doc_id])
                for p in chunk
            ]
        )
        old_ids = [i for ids in old.values() for i in ids]
        self.store.upsert_units([pt for p in chunk for pt in p.points])
        self.catalog.commit([p.record for p in chunk])  # the commit
        new_ids = {i for p in chunk for i in p.record.unit_ids}
        stale = sorted(set(old_ids) - new_ids)
        if stale:
            self.store.delete_unit_ids(stale)
        self.catalog.end_pending(list(latest))
        if self.store.remote:
            self._server.publish([p.record for p in chunk])
        return len(chunk)

    def maybe_sync(self, interval: float = SYNC_INTERVAL) -> bool:
        """With a server: at most every ``interval`` seconds, pick up documents other processes changed."""
        return self._server.maybe(interval)

    def remove(self, doc_id: str) -> bool:
        old = self.catalog.unit_ids(doc_id)
        if old is None and doc_id not in self.catalog:
            return False
        old = old or []
        self.catalog.begin_pending([(doc_id, "", [], old)])
        self.catalog.commit([], removed=[doc_id])
        if old:
            self.store.delete_unit_ids(old)
        else:
            self.store.delete_units(doc_id)
        self.catalog.end_pending([doc_id])
        if self.store.remote:
            self._server.withdraw(doc_id)
        self.store.settle()
        return True

    def rewrite(self, doc_ids: Sequence[str]) -> int:
        """Write the units of stored documents again (another analyzer version, a rebuilt store), then settle:
        replaced points count in the IDF and slow queries until optimised (1,000 plans: hit@1 .80 -> .68)."""
        written = self.put_many(self.prepare(self.get(d)) for d in doc_ids if d in self.catalog)
        self.store.settle()
        return written

    def revectorise_stale(self) -> int:
        """Write again the units another analyzer version made (at start, after the documents an earlier parser
        built were parsed again: those are written once, by the current analyzer)."""
        stale = self.catalog.stale(ANALYZER_VERSION)
        if not stale:
            return 0
        logger.warning("re-vectorising %d documents indexed by another analyzer version", len(stale))
        return self.rewrite(stale)

    def settle_pending(self) -> int:
        """Finish or undo writes a crash interrupted: delete the units of the version that did not win."""
        pending = self.catalog.pending()
        for doc_id, new_hash, new_ids, old_ids in pending:
            committed = self.catalog.content_hash(doc_id) == (new_hash or None)
            doomed = sorted(set(old_ids) - set(new_ids)) if committed else sorted(set(new_ids) - set(old_ids))
            if doomed:
                self.store.delete_unit_ids(doomed)
            logger.warning("settled an interrupted write of %s (%s)", doc_id, "kept" if committed else "undone")
        if pending:
            self.catalog.end_pending([p[0] for p in pending])
            self.store.settle()
        return len(pending)

    def collect_garbage(self) -> int:
        """Delete units whose document or version is not in the catalog (a full scan of the units); never when
        the catalog lists nothing while units exist (a lost catalog is repaired at start, not emptied further)."""
        hashes = self.catalog.hashes()
        if not hashes and self.store.count_units():
            raise StoreDamaged(
                f"the catalog {self.catalog.path} lists no documents while the units store holds units: "
                "not removing them (restart: the start-up check restores what the corpus folder holds)"
            )
        stale = {(d, h) for d, h in self.store.unit_keys() if hashes.get(d) != h}
        for doc_id in {d for d, _ in stale}:
            self.store.delete_units(doc_id, keep_hash=hashes.get(doc_id))
        if stale:
            logger.info("removed units of %d stale document versions", len(stale))
            self.store.settle()
        return len(stale)

    # ------------------------------------------------------------ registry

    def registry(self) -> list[LegalBasis]:
        """Every cited document, merged across mentions; kept up to date entry by entry as documents change."""
        return self._registry.entries()

    def entries_citing(self, doc_id: str) -> list[LegalBasis]:
        """Registry entries a document cites, in registry order."""
        return self._registry.citing(doc_id)

    def legal_basis(self, legal_id: str) -> LegalBasis:
        return self._registry.find(legal_id)

    # ------------------------------------------------------------ what questions look up

    def term_weights(self) -> TermWeights:
        """IDF of tokens over all retrieval units (kept incrementally in the catalog)."""
        return TermWeights(self.catalog.df, self.catalog.units)

    def aliases(self) -> dict[str, set[str]]:
        """Folded phrases that name exactly one document (place, school, number code) -> doc ids."""
        return self.catalog.all_aliases()

    def names_in(self, text: str) -> tuple[list[str], str]:
        """Documents a question names, and the question without the words that name them.

        "Văn phòng trường CĐ Lào Cai có trách nhiệm gì?" -> (["kh-cdlc-laocai-2026"],
        "Văn phòng có trách nhiệm gì?"): the words before an alias that introduce the name
        ("trường CĐ", "Phòng GDĐT", "UBND đặc khu") go with it.
        """
        return names_in(text, self.catalog.aliases_among, self.catalog.get)

    def doc_by_number(self, legal_keys: Iterable[str], type_nums: Iterable[tuple[str, str]]) -> Document | None:
        """The first document (in id order) whose number is one of these keys or (folded type, number)."""
        doc_id = self.catalog.by_number(legal_keys, [f"{k}|{n}" for k, n in type_nums])
        return self.get(doc_id) if doc_id else None

    def holders_of(self, section: str, *, kind: str | None = None) -> list[str]:
        """Documents (of one kind) having a section with this id, in id order."""
        return self.catalog.holders_of(section, kind=kind)

    def defining(self) -> list[str]:
        """Documents that define terms, in id order."""
        return self.catalog.defining()

    def heads(self) -> dict[str, DocHead]:
        """Header fields of every document (no body), by id; read once per catalog version."""
        gen = self.catalog.generation
        cached = self._heads
        if cached is None or cached[0] != gen:
            cached = self._heads = (gen, self.catalog.heads())
        return cached[1]

    def places(self) -> Places:
        """The places questions may name and documents be about (``retrieval.places``), per catalog version."""
        gen = self.catalog.generation
        cached = self._places
        if cached is None or cached[0] != gen:
            heads = self.heads().values()
            places = Places.from_heads(heads)
            if cached is not None:
                places.adopt(cached[1], heads)
            cached = self._places = (gen, places)
        return cached[1]

    def document_places(self) -> dict[str, set[str]]:
        """The places each document is about, by id, per catalog version: a question naming a place weighs
        every document it matches, a thousand at 1,000 plans. Kept apart from ``remembered``, whose memo starts
        again when full: rebuilding this at 10,000 plans would be paid by whichever question came next."""
        gen = self.catalog.generation
        cached = self._document_places
        if cached is None or cached[0] != gen:
            places = self.places()
            cached = self._document_places = (gen, {d: places.of_document(h) for d, h in self.heads().items()})
        return cached[1]

    def names_places(self, doc_id: str, places: set[str], times: int) -> bool:
        """Whether a document's text names one of ``places`` as a place ``times`` times or more (read once per version)."""
        named = self.remembered(("places named", doc_id), lambda: self.places().named_as_places(self.get(doc_id).text))
        return sum(named.get(p, 0) for p in places) >= times

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute`` gives for ``key``, computed once per catalog version (at most MEMO entries kept)."""
        gen = self.catalog.generation
        cached = self._memo  # read once: another thread may begin a new version's memo meanwhile
        if cached[0] != gen or len(cached[1]) >= MEMO:
            cached = self._memo = (gen, {})
        memo = cached[1]
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def head(self, doc_id: str) -> DocHead:
        """A document's header fields, without reading its body."""
        got = self.heads().get(doc_id)
        if got is None:
            raise DocumentNotFound(doc_id)
        return got
