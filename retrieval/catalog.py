"""The only module that imports sqlite3 for the catalog: documents, what questions look up, and term statistics.

The parsed documents no longer live in RAM (707 MB at 10,000 plans) nor in the vector store (Qdrant Edge
keeps no payload-only points). One SQLite file in WAL mode holds, per document, its header fields in
columns, its body as compressed JSON (read on demand, a small LRU in front), and what questions look up
in indexed tables: alias phrases that name a plan, unit names and their keys, section ids, defined terms,
cited documents by key. Term statistics (document frequency of every sparse token over the live units,
and their number) are a table updated on every put and delete, never recomputed from all units.

Reads inside ``with catalog.snapshot():`` share one SQLite read transaction, so a question sees one version
of every document however many writes land meanwhile; a write is one transaction (the commit of ingest).
The schema, record types and encodings are in ``retrieval.catalog_rows``, the write path's rows in
``retrieval.catalog_write``.

    catalog = Catalog(Path("data/catalog.sqlite"))
    with catalog.snapshot():
        doc = catalog.get("kh-cdlc-laocai-2026")
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.errors import StoreError
from core.types import Document, LegalCitation
from retrieval.catalog_hits import HitCache
from retrieval.catalog_profile import ProfileReads, ProfileStats
from retrieval.catalog_rows import (
    FIELDS,
    SCHEMA,
    SCHEMA_VERSION,
    UPGRADABLE,
    DocFrequencies,
    DocHead,
    DocRecord,
    UnitRow,
    chunks,
    citing_documents,
    decode_doc,
    unit_row,
)
from retrieval.catalog_write import PendingWrites, store_error, translated, upgrade, write
from retrieval.points import HIT_FIELDS

logger = logging.getLogger(__name__)

MMAP_BYTES = 1 << 30  # the catalog file mapped for reading, up to 1 GB (285 MB at 10,000 plans)
CACHE_KIB = 4_000  # each connection's own page cache (written and temporary pages)
DOC_CACHE = 512  # parsed Documents kept in memory (a plan is 10–30 kB of text)
MAX_NGRAM = 16  # longest alias phrase or unit key looked up, in words


class Catalog(ProfileReads, PendingWrites):
    """Documents and their lookup tables in one SQLite file (WAL): read lazily, written in transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._docs: OrderedDict[tuple[str, str], Document] = OrderedDict()
        self._docs_lock = threading.Lock()
        self._profile: ProfileStats | None = None
        self._hits = HitCache()
        self.df = DocFrequencies(self._read)
        try:
            conn = self._connect()
            conn.executescript(SCHEMA)
            have = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if have is None:
                conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(have[0]) != SCHEMA_VERSION and int(have[0]) not in UPGRADABLE:
                raise StoreError(f"the catalog {path} has schema {have[0]}, this version reads {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise store_error(path, "cannot open the catalog", exc) from exc
        self._writer = conn
        self._seen = self._generation(conn)
        #: the schema an earlier version wrote it in (``Index.upgrade`` brings it up to date at start), else None
        self.upgrading = int(have[0]) if have is not None and int(have[0]) != SCHEMA_VERSION else None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # a killed process loses nothing committed
        # Pages are read through a shared memory map, not copied into each connection's cache: every thread of
        # the API has its own connection, and 40 caches of 32 MB grew the server's memory for the whole of a
        # soak (docs/reliability.md); mapped pages are the file's, counted once however many threads read them.
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
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
        self._local.gen = self._generation(conn)  # the version this read sees throughout (its first read)
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
        if getattr(self._local, "depth", 0):
            return int(self._local.gen)  # inside a snapshot: fixed, not read again
        return self._generation(self._read())

    def refresh(self) -> None:
        """Drop cached statistics when another process wrote (a shared catalog)."""
        gen = self.generation
        if gen != self._seen:
            self.df.written()
            self._seen = gen

    # ------------------------------------------------------------ documents

    def __len__(self) -> int:
        return int(self._read().execute("SELECT count(*) FROM docs").fetchone()[0])

    def __contains__(self, doc_id: object) -> bool:
        return self._read().execute("SELECT 1 FROM docs WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def content_hash(self, doc_id: str) -> str | None:
        row = self._read().execute("SELECT content_hash FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def hits(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """What a search shows of these units (``HIT_FIELDS``), by point id: those of current document versions
        only (a unit of a version being replaced or abandoned is not found). Those read before for the catalog
        version in view are kept (``retrieval.catalog_hits``); the rest are one query."""
        # kept only inside a snapshot: outside one, the generation and the rows are two reads a write may fall between
        inside = bool(getattr(self._local, "depth", 0))
        return self._hits.read(self.generation if inside else None, ids, self._unit_hits)

    def _unit_hits(self, ids: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        rows = self._read().execute(
            "SELECT id, doc_id, content_hash, section, heading, span_start, span_end FROM unit_hits"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return ((r[0], dict(zip(HIT_FIELDS, r[1:]))) for r in rows)

    def hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every document."""
        return dict(self._read().execute("SELECT doc_id, content_hash FROM docs"))

    def unit_ids(self, doc_id: str) -> list[str] | None:
        row = self._read().execute("SELECT unit_ids FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else None

    def get(self, doc_id: str) -> Document | None:
        """The document, parsed from its stored body (cached by id and content hash)."""
        conn = self._read()
        row = conn.execute("SELECT content_hash FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        key = (doc_id, row[0])
        with self._docs_lock:
            doc = self._docs.get(key)
            if doc is not None:
                self._docs.move_to_end(key)
                return doc
        # the body of that version (the connection reads one snapshot, or the hash is checked again)
        body = conn.execute("SELECT body FROM docs WHERE doc_id = ? AND content_hash = ?", key).fetchone()
        if body is None:
            return self.get(doc_id)  # replaced between the two reads: read the new version
        doc = decode_doc(body[0])
        with self._docs_lock:
            self._docs[key] = doc
            while len(self._docs) > DOC_CACHE:
                self._docs.popitem(last=False)
        return doc

    def ids(self, *, kind: str | None = None) -> list[str]:
        """Document ids in id order (of one kind)."""
        where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        return [d for (d,) in self._read().execute(f"SELECT doc_id FROM docs {where} ORDER BY doc_id", args)]

    def fields(self, columns: Sequence[str], *, kind: str | None = None) -> list[tuple[Any, ...]]:
        """Header columns of every document (of one kind), in id order; no body is read."""
        cols = ", ".join(c for c in columns if c in FIELDS)
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
        for chunk in chunks(phrases, 500):
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

    def units_keyed(
        self, keys: Iterable[str], doc_ids: Sequence[str] | None = None
    ) -> dict[tuple[str, int], tuple[set[str], UnitRow]]:
        """Unit entries having any of these keys (in ``doc_ids``, or any document): (doc_id, ord) -> (which keys,
        the entry), in one query."""
        keys = list(dict.fromkeys(keys))
        docs = list(dict.fromkeys(doc_ids or []))
        if len(docs) > 400:  # past SQLite's comfortable number of parameters: filtered below
            return {ref: got for ref, got in self.units_keyed(keys).items() if ref[0] in set(docs)}
        within = f" AND k.doc_id IN ({','.join('?' * len(docs))})" if docs else ""
        out: dict[tuple[str, int], tuple[set[str], UnitRow]] = {}
        for chunk in chunks(keys, 400):
            marks = ",".join("?" * len(chunk))
            for key, *row in self._read().execute(
                "SELECT k.key, e.doc_id, e.ord, e.section, e.name, e.whole, e.line_text, e.line_start, "
                "e.line_heading, e.has_lines, e.dated FROM unit_keys k JOIN unit_entries e "
                f"ON e.doc_id = k.doc_id AND e.ord = k.ord WHERE k.key IN ({marks}){within}",
                [*chunk, *docs],
            ):
                ref = (row[0], row[1])
                if ref not in out:
                    out[ref] = (set(), unit_row(row))
                out[ref][0].add(key)
        return out

    def unit_rows(self) -> list[UnitRow]:
        """Every unit entry, in document (id) order then its order in the document."""
        rows = self._read().execute(
            "SELECT doc_id, ord, section, name, whole, line_text, line_start, line_heading, has_lines, dated "
            "FROM unit_entries ORDER BY doc_id, ord"
        )
        return [unit_row(r) for r in rows]

    def heads(self) -> dict[str, DocHead]:
        """Header fields of every document (no body), by id."""
        cols = (
            "doc_id, kind, doc_type, number, date, year, month, issuer, place, title, terms, signer, signer_title, "
            "managing_body"
        )
        rows = self._read().execute(f"SELECT {cols} FROM docs LEFT JOIN head_terms USING (doc_id)")
        return {r[0]: DocHead(*r) for r in rows}

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
        found = self.numbered(number_keys, type_nums, limit=1)
        return found[0] if found else None

    def numbered(self, number_keys: Iterable[str], type_nums: Iterable[str], *, limit: int = 2) -> list[str]:
        """Documents (in id order, at most ``limit``) whose number has one of these keys, or type and number."""
        keys, nums = list(number_keys), list(type_nums)
        if not keys and not nums:
            return []
        rows = self._read().execute(
            f"SELECT doc_id FROM docs WHERE number IS NOT NULL AND number != '' AND "
            f"(number_key IN ({','.join('?' * len(keys))}) OR type_num IN ({','.join('?' * len(nums))})) "
            f"ORDER BY doc_id LIMIT {int(limit)}",
            [*keys, *nums],
        )
        return [d for (d,) in rows]

    # ------------------------------------------------------------ registry inputs

    def registry_changes(self, since: int) -> set[str] | None:
        """Citation keys whose registry entry may have changed after generation ``since`` (None: all)."""
        if since <= 0:
            return None
        return {k for (k,) in self._read().execute("SELECT key FROM registry_log WHERE generation > ?", (since,))}

    def citing(self, keys: Iterable[str] | None) -> list[Document]:
        """Light documents (id, number, the citations with these keys; all keys when None), in ingest order,
        plus documents whose own number has one of the keys: what ``build_registry`` needs for those entries."""
        return citing_documents(self._read(), keys)

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
        with self._write_lock, translated(self.path):
            gen, df_delta = write(self._writer, records, removed)
            self._seen = gen
        if df_delta:
            self.df.written()

    def upgrade(self, hits: Iterable[tuple[str, dict[str, Any]]] | None, replacing: Iterable[tuple[str, str]]) -> int:
        """An earlier version's catalog brought up to date (``catalog_write.upgrade``)."""
        with self._write_lock, translated(self.path):
            n = upgrade(self._writer, hits, replacing, SCHEMA_VERSION)
        self.upgrading = None
        self.df.written()
        return n

    def replacing(self) -> list[tuple[str, LegalCitation]]:
        """Each citation saying the document it cites is replaced, with the document saying it."""
        rows = self._read().execute("SELECT doc_id, body FROM replacing")
        return [(d, LegalCitation.model_validate_json(b)) for d, b in rows]

    def close(self) -> None:
        for conn in (self._writer, getattr(self._local, "conn", None)):
            if conn is not None:
                try:
                    conn.close()
                except sqlite3.Error:
                    logger.debug("catalog close failed", exc_info=True)
