"""The only module that imports sqlite3 for the catalog: documents, what questions look up, and term statistics.

The parsed documents no longer live in RAM (707 MB at 10,000 plans) nor in the vector store (Qdrant Edge
keeps no payload-only points). One SQLite file in WAL mode holds, per document, its header fields in
columns, its body as compressed JSON (read on demand, a small LRU in front), and what questions look up
in indexed tables: alias phrases that name a plan, unit names and their keys, section ids, defined terms,
cited documents by key. Term statistics (document frequency of every sparse token over the live units,
and their number) are a table updated on every put and delete, never recomputed from all units.

Reads inside ``with catalog.snapshot():`` share one SQLite read transaction, so a question sees one version
of every document however many writes land meanwhile; a write is one transaction (the commit of ingest).

    catalog = Catalog(Path("data/catalog.sqlite"))
    with catalog.snapshot():
        doc = catalog.get("kh-cdlc-laocai-2026")
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import zlib
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import StorageFull, StoreError
from core.types import Document, LegalCitation

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DOC_CACHE = 512  # parsed Documents kept in memory (a plan is 10–30 kB of text)
DF_CACHE = 400_000  # token -> document frequency entries kept in memory
MAX_NGRAM = 16  # longest alias phrase or unit key looked up, in words

_SCHEMA = """
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
CREATE TABLE IF NOT EXISTS pending(doc_id TEXT NOT NULL, content_hash TEXT NOT NULL, unit_ids TEXT NOT NULL, old_ids TEXT NOT NULL);
"""


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


class DocFrequencies(Mapping[int, int]):
    """Document frequency of sparse tokens over the live units: the df table, read through a cache."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._cache: dict[int, int] = {}
        self._lock = threading.Lock()

    def get(self, token: int, default: Any = None) -> Any:  # type: ignore[override]
        got = self._cache.get(token)
        if got is None:
            row = self._catalog._read().execute("SELECT n FROM df WHERE token = ?", (token,)).fetchone()
            got = row[0] if row else 0
            with self._lock:
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
            out.update(self._catalog._read().execute(f"SELECT token, n FROM df WHERE token IN ({marks})", chunk))
        return {t: n for t, n in out.items() if n}

    def __getitem__(self, token: int) -> int:
        got = self.get(token)
        if got is None:
            raise KeyError(token)
        return int(got)

    def __iter__(self) -> Iterator[int]:
        return (t for (t,) in self._catalog._read().execute("SELECT token FROM df"))

    def __len__(self) -> int:
        return int(self._catalog._read().execute("SELECT count(*) FROM df").fetchone()[0])

    def _apply(self, delta: Mapping[int, int]) -> None:
        with self._lock:
            for token, d in delta.items():
                if token in self._cache:
                    self._cache[token] += d

    def _clear(self) -> None:
        with self._lock:
            self._cache.clear()


class Catalog:
    """Documents and their lookup tables in one SQLite file (WAL): read lazily, written in transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._docs: OrderedDict[tuple[str, str], Document] = OrderedDict()
        self._docs_lock = threading.Lock()
        self.df = DocFrequencies(self)
        try:
            conn = self._connect()
            conn.executescript(_SCHEMA)
            have = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if have is None:
                conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(have[0]) != SCHEMA_VERSION:
                raise StoreError(f"the catalog {path} has schema {have[0]}, this version reads {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise _store_error(path, "cannot open the catalog", exc) from exc
        self._writer = conn
        self._seen = self._generation(conn)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # a killed process loses nothing committed
        conn.execute("PRAGMA cache_size=-32000")
        return conn

    def _read(self) -> sqlite3.Connection:
        """This thread's reading connection (inside a snapshot: its open read transaction)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read one version of the catalog for the duration of the block (nested blocks share it)."""
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        conn = self._read()
        conn.execute("BEGIN")
        self._local.depth = 1
        try:
            self.refresh()
            yield
        finally:
            self._local.depth = 0
            conn.execute("COMMIT")

    # ------------------------------------------------------------ versions

    @staticmethod
    def _generation(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    @property
    def generation(self) -> int:
        """Version of the catalog in view; caches derived from it compare this."""
        return self._generation(self._read())

    def refresh(self) -> None:
        """Drop cached statistics when another process wrote (a shared catalog)."""
        gen = self.generation
        if gen != self._seen:
            self.df._clear()
            self._seen = gen

    # ------------------------------------------------------------ documents

    def __len__(self) -> int:
        return int(self._read().execute("SELECT count(*) FROM docs").fetchone()[0])

    def __contains__(self, doc_id: object) -> bool:
        return self._read().execute("SELECT 1 FROM docs WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def content_hash(self, doc_id: str) -> str | None:
        row = self._read().execute("SELECT content_hash FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every document."""
        return dict(self._read().execute("SELECT doc_id, content_hash FROM docs"))

    def unit_ids(self, doc_id: str) -> list[str] | None:
        row = self._read().execute("SELECT unit_ids FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else None

    def get(self, doc_id: str) -> Document | None:
        """The document, parsed from its stored body (cached by id and content hash)."""
        row = self._read().execute("SELECT content_hash, body FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        key = (doc_id, row[0])
        with self._docs_lock:
            doc = self._docs.get(key)
            if doc is not None:
                self._docs.move_to_end(key)
                return doc
        doc = _decode(row[1])
        with self._docs_lock:
            self._docs[key] = doc
            while len(self._docs) > DOC_CACHE:
                self._docs.popitem(last=False)
        return doc

    def ids(self, *, kind: str | None = None) -> list[str]:
        """Document ids in id order (of one kind)."""
        if kind:
            return [
                d for (d,) in self._read().execute("SELECT doc_id FROM docs WHERE kind = ? ORDER BY doc_id", (kind,))
            ]
        return [d for (d,) in self._read().execute("SELECT doc_id FROM docs ORDER BY doc_id")]

    def fields(self, columns: Sequence[str], *, kind: str | None = None) -> list[tuple[Any, ...]]:
        """Header columns of every document (of one kind), in id order; no body is read."""
        cols = ", ".join(c for c in columns if c in _FIELDS)
        where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        return list(self._read().execute(f"SELECT {cols} FROM docs {where} ORDER BY doc_id", args))

    def iter_documents(self) -> Iterator[Document]:
        """Every document in id order, read one by one."""
        for doc_id in self.ids():
            doc = self.get(doc_id)
            if doc is not None:
                yield doc

    def stale(self, analyzer: str) -> list[str]:
        """Documents whose units another analyzer version vectorised."""
        rows = self._read().execute("SELECT doc_id FROM docs WHERE analyzer IS NOT ? ORDER BY seq", (analyzer,))
        return [d for (d,) in rows]

    def profile_postings(self, tokens: Sequence[int]) -> tuple[dict[int, list[tuple[str, float]]], int, float]:
        """Documents whose header fields hold each token (with counts), the number of documents and the mean
        length of their header fields: what a BM25 over documents needs, read for a question's tokens only."""
        conn = self._read()
        postings: dict[int, list[tuple[str, float]]] = {}
        for chunk in _chunks(list(tokens), 500):
            marks = ",".join("?" * len(chunk))
            for token, doc_id, tf in conn.execute(
                f"SELECT token, doc_id, tf FROM profile WHERE token IN ({marks})", chunk
            ):
                postings.setdefault(token, []).append((doc_id, tf))
        n, avg = conn.execute("SELECT COUNT(*), AVG(profile_len) FROM docs").fetchone()
        return postings, int(n or 0), float(avg or 1.0)

    def profile_of(self, doc_id: str) -> dict[int, float]:
        """Tokens of one document's header fields (type, number, title, issuer, place, year) with counts."""
        return dict(self._read().execute("SELECT token, tf FROM profile WHERE doc_id = ?", (doc_id,)))

    def profile_lengths(self, doc_ids: Sequence[str]) -> dict[str, int]:
        marks = ",".join("?" * len(doc_ids))
        return dict(
            self._read().execute(f"SELECT doc_id, profile_len FROM docs WHERE doc_id IN ({marks})", list(doc_ids))
        )

    def unit_counts(self) -> list[tuple[str, str, int]]:
        """(doc_id, content hash, number of units) of every document: what the units store should hold."""
        rows = self._read().execute("SELECT doc_id, content_hash, unit_ids FROM docs")
        return [(d, h, len(json.loads(u)) if u else 0) for d, h, u in rows]

    def parsed_by_other(self, parser: str) -> list[str]:
        """Documents another parser version built (their structure is re-read at start)."""
        rows = self._read().execute("SELECT doc_id FROM docs WHERE parser IS NOT ? ORDER BY seq", (parser,))
        return [d for (d,) in rows]

    def abbreviations(self) -> dict[str, str]:
        """Abbreviations the documents define, first definition first (the order they were ingested)."""
        out: dict[str, str] = {}
        for abbr, expansion in self._read().execute("SELECT abbr, expansion FROM abbreviations ORDER BY seq, rowid"):
            out.setdefault(abbr, expansion)
        return out

    # ------------------------------------------------------------ lookups

    def aliases_among(self, phrases: Iterable[str]) -> dict[str, str]:
        """Of these phrases, those naming exactly one document -> that document."""
        phrases = list(dict.fromkeys(phrases))
        out: dict[str, str] = {}
        for chunk in _chunks(phrases, 500):
            marks = ",".join("?" * len(chunk))
            rows = self._read().execute(
                f"SELECT phrase, min(doc_id), count(*) FROM aliases WHERE phrase IN ({marks}) GROUP BY phrase", chunk
            )
            out.update({p: d for p, d, n in rows if n == 1})
        return out

    def all_aliases(self) -> dict[str, set[str]]:
        """Every phrase naming exactly one document."""
        rows = self._read().execute("SELECT phrase, min(doc_id) FROM aliases GROUP BY phrase HAVING count(*) = 1")
        return {p: {d} for p, d in rows}

    def units_keyed(self, keys: Iterable[str]) -> dict[tuple[str, int], tuple[set[str], UnitRow]]:
        """Unit entries having any of these keys: (doc_id, ord) -> (which keys, the entry), in one query."""
        keys = list(dict.fromkeys(keys))
        out: dict[tuple[str, int], tuple[set[str], UnitRow]] = {}
        for chunk in _chunks(keys, 500):
            marks = ",".join("?" * len(chunk))
            for key, *row in self._read().execute(
                "SELECT k.key, e.doc_id, e.ord, e.section, e.name, e.whole, e.line_text, e.line_start, "
                "e.line_heading, e.has_lines, e.dated FROM unit_keys k JOIN unit_entries e "
                f"ON e.doc_id = k.doc_id AND e.ord = k.ord WHERE k.key IN ({marks})",
                chunk,
            ):
                ref = (row[0], row[1])
                if ref not in out:
                    out[ref] = (set(), _unit_row(row))
                out[ref][0].add(key)
        return out

    def unit_rows(self) -> list[UnitRow]:
        """Every unit entry, in document (id) order then its order in the document."""
        rows = self._read().execute(
            "SELECT doc_id, ord, section, name, whole, line_text, line_start, line_heading, has_lines, dated "
            "FROM unit_entries ORDER BY doc_id, ord"
        )
        return [_unit_row(r) for r in rows]

    def heads(self) -> dict[str, DocHead]:
        """Header fields of every document (no body), by id."""
        cols = "doc_id, kind, doc_type, number, date, year, month, issuer, place, title"
        return {r[0]: DocHead(*r) for r in self._read().execute(f"SELECT {cols} FROM docs")}

    def holders_of(self, section: str, *, kind: str | None = None) -> list[str]:
        """Documents (of one kind) that have a section (or part) with this id, in id order."""
        if kind:
            rows = self._read().execute(
                "SELECT s.doc_id FROM sections s JOIN docs d USING(doc_id) WHERE s.section = ? AND d.kind = ? "
                "ORDER BY s.doc_id",
                (section, kind),
            )
        else:
            rows = self._read().execute("SELECT doc_id FROM sections WHERE section = ? ORDER BY doc_id", (section,))
        return [d for (d,) in rows]

    def defining(self) -> list[str]:
        """Documents that define terms ("“Cơ quan” là …"), in id order."""
        return [d for (d,) in self._read().execute("SELECT doc_id FROM defined ORDER BY doc_id")]

    def by_number(self, number_keys: Iterable[str], type_nums: Iterable[str]) -> str | None:
        """The first document (in id order) whose number has one of these keys, or type and number."""
        keys, nums = list(number_keys), list(type_nums)
        if not keys and not nums:
            return None
        row = (
            self._read()
            .execute(
                f"SELECT doc_id FROM docs WHERE number IS NOT NULL AND number != '' AND "
                f"(number_key IN ({','.join('?' * len(keys))}) OR type_num IN ({','.join('?' * len(nums))})) "
                "ORDER BY doc_id LIMIT 1",
                [*keys, *nums],
            )
            .fetchone()
        )
        return row[0] if row else None

    # ------------------------------------------------------------ registry inputs

    def registry_changes(self, since: int) -> set[str] | None:
        """Citation keys whose registry entry may have changed after generation ``since`` (None: all)."""
        if since <= 0:
            return None
        return {k for (k,) in self._read().execute("SELECT key FROM registry_log WHERE generation > ?", (since,))}

    def citing(self, keys: Iterable[str] | None) -> list[Document]:
        """Light documents (id, number, the citations with these keys; all keys when None), in ingest order,
        plus documents whose own number has one of the keys: what ``build_registry`` needs for those entries."""
        conn = self._read()
        rows: list[Any]
        numbered: Iterable[Any]
        if keys is None:
            rows = conn.execute(
                "SELECT c.doc_id, c.body FROM citations c JOIN docs d USING(doc_id) ORDER BY d.seq, c.rowid"
            ).fetchall()
            numbered = conn.execute("SELECT doc_id, number, seq FROM docs WHERE number_key IS NOT NULL")
        else:
            keys = list(keys)
            rows, numbered_rows = [], []  # a key's mentions all come from one chunk, in ingest order
            for chunk in _chunks(keys, 500):
                marks = ",".join("?" * len(chunk))
                rows += conn.execute(
                    f"SELECT c.doc_id, c.body FROM citations c JOIN docs d USING(doc_id) WHERE c.key IN ({marks}) "
                    "ORDER BY d.seq, c.rowid",
                    chunk,
                ).fetchall()
                numbered_rows += conn.execute(
                    f"SELECT doc_id, number, seq FROM docs WHERE number_key IN ({marks})", chunk
                ).fetchall()
            numbered = iter(numbered_rows)
        by_doc: dict[str, list[LegalCitation]] = {}
        for doc_id, body in rows:
            by_doc.setdefault(doc_id, []).append(LegalCitation.model_validate_json(body))
        seqs = dict(conn.execute("SELECT doc_id, seq FROM docs")) if by_doc else {}
        numbers = {d: (n, s) for d, n, s in numbered}
        order = sorted(set(by_doc) | set(numbers), key=lambda d: seqs.get(d, numbers.get(d, ("", 0))[1]))
        return [
            Document(doc_id=d, number=numbers.get(d, (None, 0))[0], text="", citations=by_doc.get(d, [])) for d in order
        ]

    # ------------------------------------------------------------ statistics

    @property
    def units(self) -> int:
        """Live retrieval units (the N of the IDF)."""
        row = self._read().execute("SELECT value FROM meta WHERE key = 'units'").fetchone()
        return int(row[0]) if row else 0

    # ------------------------------------------------------------ writing

    def commit(self, records: Sequence[DocRecord], *, removed: Sequence[str] = ()) -> None:
        """Switch documents to new versions (and remove some) in one transaction: the commit of ingest.

        The term statistics move by each document's own contribution: the old version's (kept with it) out,
        the new one's in; nothing is recounted.
        """
        conn = self._writer
        df_delta: Counter[int] = Counter()
        units_delta = 0
        with self._write_lock, _translated(self.path):
            try:
                conn.execute("BEGIN IMMEDIATE")
                gen = self._generation(conn) + 1
                seq = int((conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone() or ("0",))[0])
                touched: set[str] = set()
                for doc_id in [*removed, *(r.doc.doc_id for r in records)]:
                    row = conn.execute("SELECT units, body FROM doc_df WHERE doc_id = ?", (doc_id,)).fetchone()
                    if row is not None:
                        df_delta.subtract(unpack_df(row[1]))
                        units_delta -= row[0]
                    touched |= self._forget(conn, doc_id)
                for r in records:
                    df_delta.update(r.df)
                    units_delta += r.units_count
                for r in records:
                    seq += 1
                    touched |= self._insert(conn, r, seq)
                conn.executemany("INSERT INTO registry_log VALUES (?, ?)", [(gen, k) for k in touched])
                if df_delta:
                    self._apply_df(conn, df_delta)
                units = self._meta_int(conn, "units") + units_delta
                conn.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("generation", str(gen)), ("seq", str(seq)), ("units", str(units))],
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            self._seen = gen
        if df_delta:
            self.df._apply(df_delta)

    @staticmethod
    def _meta_int(conn: sqlite3.Connection, key: str) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _apply_df(conn: sqlite3.Connection, delta: Mapping[int, int]) -> None:
        items = [(t, d) for t, d in delta.items() if d]
        conn.executemany(
            "INSERT INTO df(token, n) VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET n = n + excluded.n", items
        )
        gone = [(t,) for t, d in items if d < 0]
        if gone:
            conn.executemany("DELETE FROM df WHERE token = ? AND n <= 0", gone)

    @staticmethod
    def _forget(conn: sqlite3.Connection, doc_id: str) -> set[str]:
        row = conn.execute("SELECT number_key FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return set()
        keys = {k for (k,) in conn.execute("SELECT key FROM citations WHERE doc_id = ?", (doc_id,))}
        if row[0]:
            keys.add(row[0])
        conn.execute("DELETE FROM doc_df WHERE doc_id = ?", (doc_id,))
        for table in (
            "docs",
            "aliases",
            "unit_entries",
            "unit_keys",
            "sections",
            "defined",
            "citations",
            "abbreviations",
            "profile",
        ):
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        return keys

    @staticmethod
    def _insert(conn: sqlite3.Connection, r: DocRecord, seq: int) -> set[str]:
        d = r.doc
        conn.execute(
            f"INSERT INTO docs({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
            (
                d.doc_id, seq, d.content_hash, d.kind, d.doc_type, d.number, r.number_key, r.type_num, d.date,
                d.year, d.month, d.issuer, d.managing_body, d.place, d.title, d.signer, d.signer_title,
                len(d.sections), r.analyzer, d.parser_version, sum(r.profile.values()), json.dumps(r.unit_ids),
                _encode(d),
            ),
        )  # fmt: skip
        conn.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?)", [(p, d.doc_id) for p in r.aliases])
        conn.executemany(
            "INSERT INTO unit_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (d.doc_id, i, sec, name, int(whole), *(line if line else (None, None, None)), int(has), int(dated))
                for i, (sec, name, whole, line, _, has, dated) in enumerate(r.units)
            ],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO unit_keys VALUES (?, ?, ?)",
            [(k, d.doc_id, i) for i, (_, _, _, _, keys, _, _) in enumerate(r.units) for k in keys],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO sections VALUES (?, ?)", [(s.id, d.doc_id) for s in [*d.sections, *d.parts]]
        )
        if r.defines_terms:
            conn.execute("INSERT INTO defined VALUES (?)", (d.doc_id,))
        conn.execute("INSERT INTO doc_df VALUES (?, ?, ?)", (d.doc_id, r.units_count, pack_df(r.df)))
        conn.executemany("INSERT INTO profile VALUES (?, ?, ?)", [(t, d.doc_id, tf) for t, tf in r.profile.items()])
        conn.executemany(
            "INSERT INTO citations VALUES (?, ?, ?)",
            [(d.doc_id, k, c.model_dump_json()) for k, c in zip(r.citation_keys, d.citations)],
        )
        conn.executemany(
            "INSERT INTO abbreviations VALUES (?, ?, ?, ?)", [(seq, d.doc_id, a, e) for a, e in d.abbreviations.items()]
        )
        keys = set(r.citation_keys)
        if r.number_key:
            keys.add(r.number_key)
        return keys

    # ------------------------------------------------------------ pending writes (crash recovery)

    def begin_pending(self, items: Sequence[tuple[str, str, Sequence[str], Sequence[str]]]) -> None:
        """Record (doc_id, new hash or "" for a removal, new unit ids, old unit ids) before the units are
        written, so that a crash before or after the commit can be settled at the next start."""
        with self._write_lock, _translated(self.path):
            self._writer.execute("BEGIN IMMEDIATE")
            self._writer.executemany(
                "INSERT INTO pending VALUES (?, ?, ?, ?)",
                [(d, h, json.dumps(list(new)), json.dumps(list(old))) for d, h, new, old in items],
            )
            self._writer.execute("COMMIT")

    def end_pending(self, doc_ids: Iterable[str]) -> None:
        with self._write_lock, _translated(self.path):
            self._writer.execute("BEGIN IMMEDIATE")
            self._writer.executemany("DELETE FROM pending WHERE doc_id = ?", [(d,) for d in doc_ids])
            self._writer.execute("COMMIT")

    def pending(self) -> list[tuple[str, str, list[str], list[str]]]:
        rows = self._read().execute("SELECT doc_id, content_hash, unit_ids, old_ids FROM pending")
        return [(d, h, json.loads(new), json.loads(old)) for d, h, new, old in rows]

    def close(self) -> None:
        for conn in (self._writer, getattr(self._local, "conn", None)):
            if conn is not None:
                try:
                    conn.close()
                except sqlite3.Error:
                    logger.debug("catalog close failed", exc_info=True)


_COLUMNS = (
    "doc_id", "seq", "content_hash", "kind", "doc_type", "number", "number_key", "type_num", "date", "year",
    "month", "issuer", "managing_body", "place", "title", "signer", "signer_title", "sections", "analyzer",
    "parser", "profile_len", "unit_ids", "body",
)  # fmt: skip
_FIELDS = frozenset(_COLUMNS) - {"body", "unit_ids"}


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """sqlite3's errors on writing as the project's: a full disk says so."""
    try:
        yield
    except sqlite3.Error as exc:
        raise _store_error(path, "cannot write the catalog", exc) from exc


def _store_error(path: Path, what: str, exc: sqlite3.Error) -> StoreError:
    import shutil

    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        free = None
    if "full" in str(exc) or (free is not None and free < 1024 * 1024):
        shown = f"{free / 1048576:.1f} MB free" if free is not None else "no space"
        return StorageFull(f"{what} {path}: the disk holding {path.parent} is full ({shown}; {exc}); free space on it")
    return StoreError(f"{what} {path}: {exc}")


def _unit_row(r: Sequence[Any]) -> UnitRow:
    d, o, sec, n, w, lt, ls, lh, hl, dt = r
    return UnitRow(d, o, sec, n, bool(w), (lt, ls, bool(lh)) if lt is not None else None, bool(hl), bool(dt))


def _encode(doc: Document) -> bytes:
    return zlib.compress(doc.model_dump_json().encode("utf-8"), 1)


def _decode(blob: bytes) -> Document:
    return Document.model_validate_json(zlib.decompress(blob))


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def pack_df(df: Mapping[int, int]) -> bytes:
    """A document's df contribution as compressed arrays (sorted uint32 tokens as gaps, uint32 counts)."""
    import numpy as np

    tokens = np.array(sorted(df), dtype=np.int64)
    counts = np.array([df[t] for t in tokens.tolist()], dtype=np.uint32)
    gaps = np.diff(tokens, prepend=0).astype(np.uint32)
    return zlib.compress(gaps.tobytes() + counts.tobytes(), 1)


def unpack_df(blob: bytes) -> Counter[int]:
    import numpy as np

    raw = np.frombuffer(zlib.decompress(blob), dtype=np.uint32)
    half = len(raw) // 2
    tokens = np.cumsum(raw[:half], dtype=np.int64)
    return Counter(dict(zip(tokens.tolist(), raw[half:].tolist())))


def df_of(token_lists: Iterable[Iterable[int]], sign: int = 1) -> Counter[int]:
    """Document-frequency contribution of some units (each token once per unit)."""
    delta: Counter[int] = Counter()
    for tokens in token_lists:
        for t in set(tokens):
            delta[t] += sign
    return delta
