"""How the catalog lays documents out in SQLite: the schema, the record types, row and blob encodings.

``retrieval.catalog`` (the ``Catalog``) reads and writes these; ``retrieval.catalog_write`` holds its write
path's row helpers. ``DocFrequencies`` reads the df table through a cache and ``citing_documents`` reads back
what ``build_registry`` needs; both take the catalog's connection, nothing here opens a database.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.types import Document, LegalCitation

SCHEMA_VERSION = 3
#: Schemas this version opens and brings up to date (``Index.upgrade``): 1 lacked ``unit_hits``, 2 ``replacing``.
UPGRADABLE = frozenset({1, 2})
DF_CACHE = 400_000  # token -> document frequency entries kept in memory

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(
    doc_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, content_hash TEXT NOT NULL, kind TEXT, doc_type TEXT,
    number TEXT, number_key TEXT, type_num TEXT, date TEXT, year INTEGER, month INTEGER, issuer TEXT,
    managing_body TEXT, place TEXT, title TEXT, signer TEXT, signer_title TEXT, sections INTEGER,
    analyzer TEXT, parser TEXT, profile_len INTEGER, unit_ids TEXT, body BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS docs_number_key ON docs(number_key);
CREATE INDEX IF NOT EXISTS docs_type_num ON docs(type_num);
CREATE INDEX IF NOT EXISTS docs_kind ON docs(kind, doc_id);
CREATE INDEX IF NOT EXISTS docs_seq ON docs(seq);
CREATE TABLE IF NOT EXISTS aliases(phrase TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY(phrase, doc_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_doc ON aliases(doc_id);
CREATE TABLE IF NOT EXISTS unit_entries(
    doc_id TEXT NOT NULL, ord INTEGER NOT NULL, section TEXT, name TEXT, whole INTEGER,
    line_text TEXT, line_start INTEGER, line_heading INTEGER, has_lines INTEGER, dated INTEGER,
    PRIMARY KEY(doc_id, ord)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unit_keys(key TEXT NOT NULL, doc_id TEXT NOT NULL, ord INTEGER NOT NULL,
    PRIMARY KEY(key, doc_id, ord)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_keys_doc ON unit_keys(doc_id);
CREATE TABLE IF NOT EXISTS sections(section TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY(section, doc_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc_id);
CREATE TABLE IF NOT EXISTS defined(doc_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS citations(doc_id TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS citations_doc ON citations(doc_id);
CREATE INDEX IF NOT EXISTS citations_key ON citations(key);
CREATE TABLE IF NOT EXISTS registry_log(generation INTEGER NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS registry_log_gen ON registry_log(generation);
CREATE TABLE IF NOT EXISTS abbreviations(seq INTEGER NOT NULL, doc_id TEXT NOT NULL, abbr TEXT NOT NULL, expansion TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS abbreviations_doc ON abbreviations(doc_id);
CREATE TABLE IF NOT EXISTS df(token INTEGER PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_df(doc_id TEXT PRIMARY KEY, units INTEGER NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS profile(token INTEGER NOT NULL, doc_id TEXT NOT NULL, tf REAL NOT NULL,
    PRIMARY KEY(token, doc_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS profile_doc ON profile(doc_id);
CREATE TABLE IF NOT EXISTS unit_hits(id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, content_hash TEXT NOT NULL,
    section TEXT, heading TEXT, span_start INTEGER, span_end INTEGER) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_hits_doc ON unit_hits(doc_id);
CREATE TABLE IF NOT EXISTS replacing(doc_id TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS replacing_doc ON replacing(doc_id);
CREATE TABLE IF NOT EXISTS head_terms(doc_id TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending(doc_id TEXT NOT NULL, content_hash TEXT NOT NULL, unit_ids TEXT NOT NULL, old_ids TEXT NOT NULL);
"""
COLUMNS = (
    "doc_id", "seq", "content_hash", "kind", "doc_type", "number", "number_key", "type_num", "date", "year",
    "month", "issuer", "managing_body", "place", "title", "signer", "signer_title", "sections", "analyzer",
    "parser", "profile_len", "unit_ids", "body",
)  # fmt: skip
FIELDS = frozenset(COLUMNS) - {"body", "unit_ids"}


@dataclass
class DocRecord:
    """Everything the catalog stores for one document version, derived at ingest."""

    doc: Document
    unit_ids: list[str]
    analyzer: str
    aliases: set[str] = field(default_factory=set)
    # unit entries: section, name, whole section, (line text, start, heading), keys, has lines, dated
    units: list[tuple[str, str, bool, tuple[str, int, bool] | None, set[str], bool, bool]] = field(default_factory=list)
    defines_terms: bool = False
    citation_keys: list[str] = field(default_factory=list)
    profile: dict[int, float] = field(default_factory=dict)  # token index -> count in the document's header fields
    number_key: str | None = None
    type_num: str | None = None
    df: Counter[int] = field(default_factory=Counter)  # units of this document containing each token
    units_count: int = 0
    # what a search shows of each unit it finds, by point id: section, heading, start, end (``Catalog.hits``)
    hits: list[tuple[str, str, str, int, int]] = field(default_factory=list)
    # its citations that say the document they cite is replaced ("… thay thế Thông tư số …"): few, read whole
    replacing: list[LegalCitation] = field(default_factory=list)
    # the analyzer's terms of its header fields (``head_text``): what a question describing a document is matched
    # against, kept so that no question analyses a thousand headers the first time it reads them
    head_terms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class UnitRow:
    """One unit-name entry: where a named unit (Phòng …, Văn phòng …) is given tasks."""

    doc_id: str
    ord: int
    section: str
    name: str
    whole_section: bool
    line: tuple[str, int, bool] | None
    has_lines: bool = True
    dated: bool = False
    led: bool = False  # named by a task item's lead label ("Đơn vị chủ trì: …"), stored as whole = 2


@dataclass(frozen=True)
class DocHead:
    """A document's header fields, read without its body: what naming it in an answer needs."""

    doc_id: str
    kind: str | None
    doc_type: str | None
    number: str | None
    date: str | None
    year: int | None
    month: int | None
    issuer: str | None
    place: str | None
    title: str | None
    terms: str | None = None  # the header's terms as stored at ingest (``head_terms``), TERMS_SEP-joined
    signer: str | None = None
    signer_title: str | None = None
    managing_body: str | None = None  # the body above the issuer ("Sở GDĐT tỉnh Lạng Sơn" of a school): its place


TERMS_SEP = "\x1f"


def head_text(head: Any) -> str:
    """The header fields a question may describe a document by (a ``Document`` or its ``DocHead``), as one text:
    kind, number, title, issuer, place, year, the empty ones left out."""
    fields = (head.doc_type, head.number, head.title, head.issuer, head.place, head.year)
    return " ".join(str(x) for x in fields if x)


class DocFrequencies(Mapping[int, int]):
    """Document frequency of sparse tokens over the live units: the df table, read through a cache.

    A write empties the cache (``written``) rather than moving cached counts by its change: a count a reader took
    from the table just before or after the commit would otherwise be moved twice or not at all (a count below zero
    was seen in a question answered during an ingest). A count read while a write landed is returned but not kept.
    """

    def __init__(self, read: Callable[[], sqlite3.Connection]) -> None:
        self._read = read  # the catalog's reading connection of this thread
        self._cache: dict[int, int] = {}
        self._lock = threading.Lock()
        self._writes = 0  # writes announced so far: a count read across one is not cached

    def get(self, token: int, default: Any = None) -> Any:  # type: ignore[override]
        got = self._cache.get(token)
        if got is None:
            before = self._writes
            row = self._read().execute("SELECT n FROM df WHERE token = ?", (token,)).fetchone()
            got = row[0] if row else 0
            with self._lock:
                if self._writes == before:
                    if len(self._cache) >= DF_CACHE:
                        self._cache.clear()
                    self._cache[token] = got
        return got if got else default

    def many(self, tokens: Iterable[int]) -> dict[int, int]:
        """Document frequency of each token that occurs (one query; tokens that do not occur are absent)."""
        wanted = list(set(tokens))
        out: dict[int, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(self._read().execute(f"SELECT token, n FROM df WHERE token IN ({marks})", chunk))
        return {t: n for t, n in out.items() if n}

    def __getitem__(self, token: int) -> int:
        got = self.get(token)
        if got is None:
            raise KeyError(token)
        return int(got)

    def __iter__(self) -> Iterator[int]:
        return (t for (t,) in self._read().execute("SELECT token FROM df"))

    def __len__(self) -> int:
        return int(self._read().execute("SELECT count(*) FROM df").fetchone()[0])

    def written(self) -> None:
        """The df table changed (this process wrote, or another did): counts are read from it again."""
        with self._lock:
            self._writes += 1
            self._cache.clear()


def unit_row(r: Sequence[Any]) -> UnitRow:
    d, o, sec, n, w, lt, ls, lh, hl, dt = r
    line = (lt, ls, bool(lh)) if lt is not None else None
    return UnitRow(d, o, sec, n, bool(w), line, bool(hl), bool(dt), w == 2)


def encode_doc(doc: Document) -> bytes:
    return zlib.compress(doc.model_dump_json().encode("utf-8"), 1)


def decode_doc(blob: bytes) -> Document:
    return Document.model_validate_json(zlib.decompress(blob))


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def pack_df(df: Mapping[int, int]) -> bytes:
    """A document's df contribution as compressed arrays (sorted uint32 tokens as gaps, uint32 counts)."""
    import numpy as np

    tokens = np.fromiter(df.keys(), dtype=np.int64, count=len(df))
    order = np.argsort(tokens)
    counts = np.fromiter(df.values(), dtype=np.int64, count=len(df))[order].astype(np.uint32)
    gaps = np.diff(tokens[order], prepend=0).astype(np.uint32)
    return zlib.compress(gaps.tobytes() + counts.tobytes(), 1)


def unpack_df(blob: bytes) -> Counter[int]:
    import numpy as np

    raw = np.frombuffer(zlib.decompress(blob), dtype=np.uint32)
    half = len(raw) // 2
    tokens = np.cumsum(raw[:half], dtype=np.int64)
    return Counter(dict(zip(tokens.tolist(), raw[half:].tolist())))


def df_of(token_lists: Iterable[Sequence[int]]) -> Counter[int]:
    """Document-frequency contribution of some units: a unit's sparse indices are distinct (one weight each),
    so counting every index of every unit counts the units holding it."""
    import numpy as np

    tokens = np.fromiter(itertools.chain.from_iterable(token_lists), dtype=np.int64)
    found, counts = np.unique(tokens, return_counts=True)
    return Counter(dict(zip(found.tolist(), counts.tolist())))


def summed_df(dfs: Sequence[Mapping[int, int]]) -> Counter[int]:
    """Several documents' df contributions added up (one array sum: ``Counter.update`` per document was a
    Python loop over every token, 1.2 s of writing 1,000 plans)."""
    import numpy as np

    tokens = np.fromiter(itertools.chain.from_iterable(dfs), dtype=np.int64)
    counts = np.fromiter(itertools.chain.from_iterable(d.values() for d in dfs), dtype=np.float64)
    found, where = np.unique(tokens, return_inverse=True)
    sums = np.bincount(where, weights=counts, minlength=len(found)).astype(np.int64)  # exact below 2**53
    return Counter(dict(zip(found.tolist(), sums.tolist())))


def citing_documents(conn: sqlite3.Connection, keys: Iterable[str] | None) -> list[Document]:
    """Light documents citing these keys (all when None) or numbered by one of them: ``Catalog.citing``'s read."""
    rows: list[Any]
    numbered: Iterable[Any]
    if keys is None:
        rows = conn.execute(
            "SELECT c.doc_id, c.body FROM citations c JOIN docs d USING(doc_id) ORDER BY d.seq, c.rowid"
        ).fetchall()
        numbered = conn.execute("SELECT doc_id, number, seq, date FROM docs WHERE number_key IS NOT NULL")
    else:
        keys = list(keys)
        rows, numbered_rows = [], []  # a key's mentions all come from one chunk, in ingest order
        for chunk in chunks(keys, 500):
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(
                f"SELECT c.doc_id, c.body FROM citations c JOIN docs d USING(doc_id) WHERE c.key IN ({marks}) "
                "ORDER BY d.seq, c.rowid",
                chunk,
            ).fetchall()
            numbered_rows += conn.execute(
                f"SELECT doc_id, number, seq, date FROM docs WHERE number_key IN ({marks})", chunk
            ).fetchall()
        numbered = iter(numbered_rows)
    by_doc: dict[str, list[LegalCitation]] = {}
    for doc_id, body in rows:
        by_doc.setdefault(doc_id, []).append(LegalCitation.model_validate_json(body))
    seqs = dict(conn.execute("SELECT doc_id, seq FROM docs")) if by_doc else {}
    numbers = {d: (n, s, dt) for d, n, s, dt in numbered}
    order = sorted(set(by_doc) | set(numbers), key=lambda d: seqs.get(d, numbers.get(d, ("", 0, None))[1]))
    return [
        Document(
            doc_id=d,
            number=numbers.get(d, (None, 0, None))[0],
            date=numbers.get(d, (None, 0, None))[2],
            text="",
            citations=by_doc.get(d, []),
        )
        for d in order
    ]
