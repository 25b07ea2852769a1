"""The catalog (parsed documents, in memory, persisted in the store) and the units index kept in step with it.

Replacing a document is atomic for readers: new units are written under the
new content hash, then the catalog record is switched (the commit), then the
old units are deleted. Searches ignore units whose hash is not the catalog's,
so a crash at any point leaves either the old or the new version visible,
never a mix, and the next ingest or start-up removes the leftovers.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from core.errors import DocumentNotFound, LegalBasisNotFound
from core.legal_ids import id_key
from core.ports import Embedder
from core.text import fold, fold_key
from core.types import PART_IDS, Document, LegalBasis
from ingest.legal import build_registry
from retrieval.analyzer import ANALYZER_VERSION, Analyzer
from retrieval.extract import TermWeights
from retrieval.lexical_index import MemoryLexicalIndex
from retrieval.store import QdrantStore, UnitPoint, point_id
from retrieval.units import Unit, units_for

logger = logging.getLogger(__name__)

# Generic openings of issuer names: what follows them names the place or school.
_GENERIC_ISSUER = re.compile(
    r"^(?:truong cao dang cong dong|truong cao dang|truong dai hoc|truong trung cap|truong|"
    r"phong giao duc va dao tao|phong giao duc|so giao duc va dao tao|uy ban nhan dan|ubnd|"
    r"bo|so|phong|cong an|ban)\s*(?:(?:dac khu|huyen|tinh|thanh pho|quan|thi xa|xa|phuong)\s+)?"
)


class Catalog:
    """One published version of the catalog: documents by id and what is derived from them.

    Never changed once published; a write publishes a new one (copy on write). A reader that holds one
    sees every document in a single version and a registry, aliases and order that match it.
    """

    def __init__(self, docs: dict[str, Document], unit_ids: dict[str, list[str] | None], generation: int) -> None:
        self.docs = docs
        self.unit_ids = unit_ids  # point ids of each document's units (None: unknown, an older record)
        self.generation = generation
        self._lock = threading.Lock()  # for the lazily derived views below
        self._sorted: list[Document] | None = None
        self._registry: list[LegalBasis] | None = None
        self._aliases: dict[str, set[str]] | None = None
        self._weights: TermWeights | None = None

    def sorted(self) -> list[Document]:
        with self._lock:
            if self._sorted is None:
                self._sorted = sorted(self.docs.values(), key=lambda d: d.doc_id)
            return self._sorted

    def registry(self) -> list[LegalBasis]:
        with self._lock:
            if self._registry is None:
                self._registry = build_registry(self.docs.values())
            return self._registry

    def aliases(self) -> dict[str, set[str]]:
        with self._lock:
            if self._aliases is None:
                self._aliases = _build_aliases(self.docs.values())
            return self._aliases

    def weights(self, compute: Callable[[], TermWeights]) -> TermWeights:
        with self._lock:
            if self._weights is None:
                self._weights = compute()
            return self._weights

    def with_doc(self, doc: Document, ids: list[str]) -> Catalog:
        return Catalog({**self.docs, doc.doc_id: doc}, {**self.unit_ids, doc.doc_id: ids}, self.generation + 1)

    def without(self, doc_id: str) -> Catalog:
        docs, ids = dict(self.docs), dict(self.unit_ids)
        docs.pop(doc_id, None)
        ids.pop(doc_id, None)
        return Catalog(docs, ids, self.generation + 1)


class Index:
    """Documents by id, their legal-basis registry, and their retrieval units in the store.

    Reads inside ``with index.snapshot():`` all see one Catalog, however many writes land meanwhile.
    """

    def __init__(
        self,
        store: QdrantStore,
        analyzer: Analyzer,
        embedder: Embedder | None = None,
        lexical: MemoryLexicalIndex | None = None,
        unitizer: Callable[[Document], list[Unit]] = units_for,
    ) -> None:
        self.store = store
        self.unitizer = unitizer  # how documents are cut into retrieval units (sections; the eval baseline swaps it)
        self.analyzer = analyzer
        self.embedder = embedder
        self.lexical = lexical  # in-process executor of sparse queries (embedded mode), kept in step with the store
        self._lock = threading.RLock()  # serialises publishing
        self._catalog = Catalog({}, {}, 0)
        self._reading = threading.local()
        self._stale_vectors: list[str] = []
        self.reload()
        if store.rebuilt and self._catalog.docs:
            logger.warning("rebuilding retrieval units for %d documents", len(self._catalog.docs))
            for doc in list(self._catalog.docs.values()):
                self._write_units(doc)
        elif self._stale_vectors:
            logger.warning("re-vectorising %d documents indexed by another analyzer version", len(self._stale_vectors))
            for doc_id in self._stale_vectors:
                self.put(self._catalog.docs[doc_id])
        self.collect_garbage()
        if lexical is not None:
            lexical.add_many(self.store.units_with_vectors())

    # ------------------------------------------------------------ catalog

    def reload(self) -> None:
        """Read the catalog from the store."""
        docs: dict[str, Document] = {}
        unit_ids: dict[str, list[str] | None] = {}
        for record in self.store.doc_records():
            try:
                doc = Document.model_validate(record["document"])
            except Exception:  # a record from an incompatible version: skip it, say so
                logger.warning("skipping unreadable catalog record %s", record.get("doc_id"))
                continue
            docs[doc.doc_id] = doc
            unit_ids[doc.doc_id] = record.get("unit_ids")
            if record.get("analyzer") != ANALYZER_VERSION:
                self._stale_vectors.append(doc.doc_id)
        with self._lock:
            self._catalog = Catalog(docs, unit_ids, self._catalog.generation + 1)
        for doc in docs.values():
            self.analyzer.add_abbreviations(doc.abbreviations)

    @contextmanager
    def snapshot(self) -> Iterator[Catalog]:
        """Read from one catalog version for the duration of the block (nested blocks share it)."""
        held = getattr(self._reading, "catalog", None)
        if held is not None:
            yield held
            return
        self._reading.catalog = self._catalog
        try:
            yield self._reading.catalog
        finally:
            self._reading.catalog = None

    def _view(self) -> Catalog:
        return getattr(self._reading, "catalog", None) or self._catalog

    @property
    def generation(self) -> int:
        """Version of the catalog in view; caches derived from the catalog compare it."""
        return self._view().generation

    def documents(self) -> list[Document]:
        return list(self._view().sorted())

    def get(self, doc_id: str) -> Document:
        doc = self._view().docs.get(doc_id)
        if doc is None:
            raise DocumentNotFound(doc_id)
        return doc

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._view().docs

    def __len__(self) -> int:
        return len(self._view().docs)

    def current_hash(self, doc_id: str) -> str | None:
        doc = self._view().docs.get(doc_id)
        return doc.content_hash if doc else None

    # DocumentIndex protocol
    def content_hash(self, doc_id: str) -> str | None:
        return self.current_hash(doc_id)

    def put(self, doc: Document) -> None:
        """Index a document; replaces an earlier version atomically.

        The catalog record lists the point ids of the document's units, so replacing or removing it
        deletes exactly those points: a delete by filter scans every unit in embedded mode, which the
        ingest profile showed growing with the corpus (30 % of ingest time at 200 plans).
        """
        self.analyzer.add_abbreviations(doc.abbreviations)
        ids = self._write_units(doc)
        self.store.put_doc_record(
            doc.doc_id,
            {
                "kind": "document",
                "doc_id": doc.doc_id,
                "content_hash": doc.content_hash,
                "unit_ids": ids,
                "analyzer": ANALYZER_VERSION,
                "document": doc.model_dump(mode="json"),
            },
        )
        with self._lock:
            known = doc.doc_id in self._catalog.docs
            previous = self._catalog.unit_ids.get(doc.doc_id)
            self._catalog = self._catalog.with_doc(doc, ids)  # the commit: readers see the new version from here
        if known:
            self._delete_units(doc.doc_id, previous, keep=ids, keep_hash=doc.content_hash)

    def remove(self, doc_id: str) -> bool:
        if doc_id not in self._catalog.docs:
            return False
        self.store.delete_doc_record(doc_id)
        with self._lock:
            previous = self._catalog.unit_ids.get(doc_id)
            self._catalog = self._catalog.without(doc_id)
        self._delete_units(doc_id, previous, keep=[], keep_hash=None)
        return True

    def _delete_units(self, doc_id: str, previous: list[str] | None, *, keep: list[str], keep_hash: str | None) -> None:
        """Delete a document's earlier units: by id when the catalog knew them, else by filter."""
        if previous is None:
            self.store.delete_units(doc_id, keep_hash=keep_hash)
            if self.lexical is not None:
                self.lexical.remove_doc(doc_id, keep_hash=keep_hash)
            return
        stale = sorted(set(previous) - set(keep))
        if stale:
            self.store.delete_unit_ids(stale)
            if self.lexical is not None:
                self.lexical.remove_ids(stale)

    def _write_units(self, doc: Document) -> list[str]:
        units = self.unitizer(doc)
        texts = [u.index_text() for u in units]
        dense = self.embedder.embed_passages(texts) if self.embedder and texts else [None] * len(units)
        points = [
            UnitPoint(
                id=point_id(doc.doc_id, doc.content_hash, u.section, u.piece),
                sparse=self.analyzer.document_vector(text),
                dense=vec,
                payload=_payload(doc, u),
            )
            for u, text, vec in zip(units, texts, dense)
        ]
        self.store.upsert_units(points)
        if self.lexical is not None:
            self.lexical.add_many((p.id, p.sparse, p.payload) for p in points)
        return [p.id for p in points]

    def collect_garbage(self) -> int:
        """Delete units whose document or version is not in the catalog (left by an interrupted ingest)."""
        stale = {(d, h) for d, h in self.store.unit_keys() if self.current_hash(d) != h}
        for doc_id in {d for d, _ in stale}:
            keep = self.current_hash(doc_id)
            self.store.delete_units(doc_id, keep_hash=keep)
            if self.lexical is not None:
                self.lexical.remove_doc(doc_id, keep_hash=keep)
        if stale:
            logger.info("removed units of %d stale document versions", len(stale))
        return len(stale)

    # ------------------------------------------------------------ registry and aliases

    def registry(self) -> list[LegalBasis]:
        return self._view().registry()

    def legal_basis(self, legal_id: str) -> LegalBasis:
        key = id_key(legal_id)
        for entry in self.registry():
            if id_key(entry.id) == key or any(id_key(v) == key for v in entry.variants):
                return entry
        raise LegalBasisNotFound(legal_id)

    def term_weights(self) -> TermWeights:
        """IDF of tokens over all retrieval units (for picking lines and judging coverage)."""
        if self.lexical is not None:
            return TermWeights(self.lexical.df, len(self.lexical))
        catalog = self._view()

        def count() -> TermWeights:
            # with a Qdrant server there is no local postings list: count once per catalog version
            df: Counter[int] = Counter()
            n = 0
            for doc in catalog.docs.values():
                for unit in self.unitizer(doc):
                    df.update(set(self.analyzer.document_vector(unit.index_text())[0]))
                    n += 1
            return TermWeights(df, n)

        return catalog.weights(count)

    def aliases(self) -> dict[str, set[str]]:
        """Folded phrases that name exactly one document (place, school, number code) -> doc ids."""
        return self._view().aliases()

    def docs_named_in(self, text: str) -> list[str]:
        """Documents a question names ("trường CĐ Lào Cai", "Kiên Hải", "08/KH-CĐCĐ")."""
        return self.names_in(text)[0]

    def names_in(self, text: str) -> tuple[list[str], str]:
        """Documents a question names, and the question without the words that name them.

        "Văn phòng trường CĐ Lào Cai có trách nhiệm gì?" -> (["kh-cdlc-laocai-2026"],
        "Văn phòng có trách nhiệm gì?"): the words before an alias that introduce the name
        ("trường CĐ", "Phòng GDĐT", "UBND đặc khu") go with it.
        """
        tokens = list(re.finditer(r"[^\W_]+", text))
        words = [fold(t.group(0)).lower() for t in tokens]
        found: set[str] = set()
        cut: set[int] = set()
        for phrase, ids in self.aliases().items():
            pw = phrase.split()
            for i in range(len(words) - len(pw) + 1):
                if words[i : i + len(pw)] == pw:
                    body = _named_body(words, i)
                    if body and not any(_is_body(self.get(d), body) for d in ids):
                        continue  # "Sở GDĐT Sóc Trăng", "UBND tỉnh Lào Cai": another body of that place
                    found |= ids
                    cut.update(range(_naming_start(words, i), i + len(pw)))
        if not cut:
            return sorted(found), text
        out, pos = [], 0
        for i in sorted(cut):
            out.append(text[pos : tokens[i].start()])
            pos = tokens[i].end()
        out.append(text[pos:])
        return sorted(found), re.sub(r"\s+", " ", "".join(out)).strip()


# What introduces a document's name in a question: "trường CĐ …", "Phòng GDĐT …", "UBND đặc khu …".
# Descriptors sit between the head noun and the name; the head noun ends the phrase, then one linking word
# ("của", "ở") may go with it: "Văn phòng của trường CĐ Lào Cai" keeps "Văn phòng".
_NAMING_PHRASES = sorted(
    (p.split() for p in (
        "phong giao duc va dao tao", "phong giao duc", "so giao duc va dao tao", "uy ban nhan dan", "truong cao dang cong dong",
        "truong cao dang", "ke hoach",
    )),
    key=len,
    reverse=True,
)  # fmt: skip
_DESCRIPTORS = sorted(
    (
        p.split()
        for p in (
            "cao dang cong dong",
            "cao dang",
            "dac khu",
            "thanh pho",
            "cd",
            "cdcd",
            "gd",
            "gd dt",
            "gddt",
            "pgddt",
            "huyen",
            "tinh",
            "tp",
        )
    ),
    key=len,
    reverse=True,
)
_HEADS = frozenset("truong phong ubnd pgd so kh".split())
_LINKS = frozenset("cua o tai".split())


# Bodies whose name, followed by a place, names that place's body and not a school or office there: "Sở GDĐT
# Sóc Trăng", "Công an tỉnh Sóc Trăng", "UBND tỉnh Lào Cai" (folded as issuers spell them). "trường …",
# "Phòng GDĐT …" are left to the aliases: "các trường Mỹ Tú" are the schools the Mỹ Tú plan covers.
_BODY_HEADS = {
    ("so",): "so", ("cong", "an"): "cong an", ("tinh", "uy"): "tinh uy", ("ubnd",): "uy ban nhan dan",
    ("uy", "ban", "nhan", "dan"): "uy ban nhan dan",
}  # fmt: skip


_BODY_DESCRIPTORS = [*_DESCRIPTORS, ["giao", "duc", "va", "dao", "tao"], ["giao", "duc"]]


def _skip_back(words: list[str], j: int, phrases: list[list[str]]) -> int:
    """Index before the run of ``phrases`` that ends at ``j`` ("… trường cao đẳng | Lào Cai")."""
    while True:
        for phrase in phrases:
            if j >= len(phrase) and words[j - len(phrase) : j] == phrase:
                j -= len(phrase)
                break
        else:
            return j


def _named_body(words: list[str], i: int) -> str | None:
    """The body head ("so", "uy ban nhan dan", …) right in front of the alias at ``i``, descriptors skipped."""
    j = _skip_back(words, i, _BODY_DESCRIPTORS)
    for head, body in _BODY_HEADS.items():
        if j >= len(head) and tuple(words[j - len(head) : j]) == head:
            return None if head == ("so",) and j >= 2 and words[j - 2] == "co" else body  # "cơ sở giáo dục …"
    return None


def _is_body(doc: Document | None, body: str) -> bool:
    """Whether the document's issuer (or the body it answers to) is that kind of body."""
    if doc is None:
        return False
    names = [fold(n).lower() for n in (doc.issuer, doc.managing_body) if n]
    return any(re.sub(r"^ubnd\b", "uy ban nhan dan", n).startswith(body) for n in names)


def _naming_start(words: list[str], i: int) -> int:
    """Index where the naming phrase in front of the alias at ``i`` begins."""
    j = _skip_back(words, i, _DESCRIPTORS)
    for phrase in _NAMING_PHRASES:
        if j >= len(phrase) and words[j - len(phrase) : j] == phrase:
            j -= len(phrase)
            break
    else:
        if j > 0 and words[j - 1] in _HEADS:
            j -= 1
    if j > 0 and words[j - 1] in _LINKS:
        j -= 1
    return j


def _payload(doc: Document, u: Unit) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "section": u.section,
        "unit_kind": "part" if u.section in PART_IDS else "section",
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


def _alias_phrases(doc: Document) -> set[str]:
    phrases: set[str] = set()

    def clean(s: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", fold_key(s))).strip()

    if doc.place:
        phrases.add(clean(doc.place))
    for name in (doc.issuer, doc.managing_body):
        if name:
            rest = _GENERIC_ISSUER.sub("", clean(name)).strip()
            if rest and len(rest.split()) >= 2:
                phrases.add(rest)
    if doc.number:
        code = doc.number.split("/", 1)[-1]
        for part in re.split(r"[-/]", code):
            part = clean(part)
            if len(part) >= 4 and part not in ("ubnd", "pgddt", "sgddt"):
                phrases.add(part)
        if doc.number.split("/")[0].strip():
            phrases.add(clean(doc.number.replace("/", " ").replace("-", " ")))
    return {p for p in phrases if p}


def _build_aliases(docs: Iterable[Document]) -> dict[str, set[str]]:
    by_phrase: dict[str, set[str]] = {}
    for doc in docs:
        if doc.kind != "plan":
            continue  # directives are named by their number, which lexical search already handles
        for phrase in _alias_phrases(doc):
            by_phrase.setdefault(phrase, set()).add(doc.doc_id)
    return {p: ids for p, ids in by_phrase.items() if len(ids) == 1}
