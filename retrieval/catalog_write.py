"""The catalog's write path: one document's rows in and out, the df table moved, sqlite3's errors named.

``Catalog.commit`` calls ``write`` under its write lock inside ``translated``; the row helpers take the writing
connection and run inside the transaction that ``write`` opens and commits.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.errors import StorageFull, StoreError
from retrieval.catalog_rows import (
    COLUMNS,
    TERMS_SEP,
    DocRecord,
    chunks,
    encode_doc,
    pack_df,
    summed_df,
    unpack_df,
)


def write(conn: sqlite3.Connection, records: Sequence[DocRecord], removed: Sequence[str]) -> tuple[int, Counter[int]]:
    """Switch documents to new versions (and remove some) in one transaction on the writing connection;
    returns the new generation and the change of the df table (each document's own contribution out and in)."""
    df_delta = summed_df([r.df for r in records])
    units_delta = sum(r.units_count for r in records)
    try:
        conn.execute("BEGIN IMMEDIATE")
        gen = meta_int(conn, "generation") + 1
        seq = int((conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone() or ("0",))[0])
        touched: set[str] = set()
        for doc_id in [*removed, *(r.doc.doc_id for r in records)]:
            row = conn.execute("SELECT units, body FROM doc_df WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is not None:
                df_delta.subtract(unpack_df(row[1]))
                units_delta -= row[0]
            touched |= forget(conn, doc_id)
        for r in records:
            seq += 1
            touched |= insert(conn, r, seq)
        conn.executemany("INSERT INTO registry_log VALUES (?, ?)", [(gen, k) for k in touched])
        if df_delta:
            apply_df(conn, df_delta)
        units = meta_int(conn, "units") + units_delta
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("generation", str(gen)), ("seq", str(seq)), ("units", str(units))],
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return gen, df_delta


def upgrade(
    conn: sqlite3.Connection,
    hits: Iterable[tuple[str, Mapping[str, Any]]] | None,
    replacing: Iterable[tuple[str, str]],
    version: int,
) -> int:
    """Bring a catalog an earlier version wrote up to ``version`` in one transaction: each unit's hit fields of
    a current document version from its point's payload in the units store (``hits``; None: already there), and
    the citations saying the document they cite is replaced (doc_id, citation JSON). Returns the units filled."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        current = dict(conn.execute("SELECT doc_id, content_hash FROM docs"))
        n = 0
        for batch in chunks(hits or (), 2048):
            got = [
                (i, p["doc_id"], p["content_hash"], p.get("section"), p.get("heading"), p.get("start"), p.get("end"))
                for i, p in batch
                if current.get(p.get("doc_id", "")) == p.get("content_hash")
            ]
            conn.executemany("INSERT OR REPLACE INTO unit_hits VALUES (?, ?, ?, ?, ?, ?, ?)", got)
            n += len(got)
        conn.execute("DELETE FROM replacing")
        conn.executemany("INSERT INTO replacing VALUES (?, ?)", replacing)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(version),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return n


def meta_int(conn: sqlite3.Connection, key: str) -> int:
    """An integer kept in the meta table (0 when absent)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def apply_df(conn: sqlite3.Connection, delta: Mapping[int, int]) -> None:
    """Move the df table by a change of document frequencies (tokens left at zero are deleted)."""
    items = [(t, d) for t, d in delta.items() if d]
    conn.executemany(
        "INSERT INTO df(token, n) VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET n = n + excluded.n", items
    )
    gone = [(t,) for t, d in items if d < 0]
    if gone:
        conn.executemany("DELETE FROM df WHERE token = ? AND n <= 0", gone)


def forget(conn: sqlite3.Connection, doc_id: str) -> set[str]:
    """Delete one document's rows; returns the citation keys whose registry entry they touched."""
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
        "unit_hits",
        "replacing",
        "head_terms",
    ):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    return keys


def insert(conn: sqlite3.Connection, r: DocRecord, seq: int) -> set[str]:
    """Insert one document version's rows; returns the citation keys whose registry entry they touch."""
    d = r.doc
    conn.execute(
        f"INSERT INTO docs({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        (
            d.doc_id, seq, d.content_hash, d.kind, d.doc_type, d.number, r.number_key, r.type_num, d.date,
            d.year, d.month, d.issuer, d.managing_body, d.place, d.title, d.signer, d.signer_title,
            len(d.sections), r.analyzer, d.parser_version, sum(r.profile.values()), json.dumps(r.unit_ids),
            encode_doc(d),
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
    conn.executemany(
        "INSERT OR REPLACE INTO unit_hits VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, d.doc_id, d.content_hash, sec, head, a, b) for i, sec, head, a, b in r.hits],
    )
    conn.executemany("INSERT INTO replacing VALUES (?, ?)", [(d.doc_id, c.model_dump_json()) for c in r.replacing])
    if r.head_terms:
        conn.execute("INSERT INTO head_terms VALUES (?, ?)", (d.doc_id, TERMS_SEP.join(sorted(r.head_terms))))
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


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """sqlite3's errors on writing as the project's: a full disk says so."""
    try:
        yield
    except sqlite3.Error as exc:
        raise store_error(path, "cannot write the catalog", exc) from exc


def store_error(path: Path, what: str, exc: sqlite3.Error) -> StoreError:
    """A sqlite3 error as the project's: StorageFull when the disk is full, else StoreError."""
    import shutil

    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        free = None
    if "full" in str(exc) or (free is not None and free < 1024 * 1024):
        shown = f"{free / 1048576:.1f} MB free" if free is not None else "no space"
        return StorageFull(f"{what} {path}: the disk holding {path.parent} is full ({shown}; {exc}); free space on it")
    return StoreError(f"{what} {path}: {exc}")


class PendingWrites:
    """Mixed into ``Catalog``: writes in flight, recorded so that a crash before or after a commit can be settled
    at the next start (``Index.settle_pending``)."""

    path: Path
    _writer: sqlite3.Connection
    _write_lock: threading.Lock

    def _read(self) -> sqlite3.Connection:
        raise NotImplementedError

    def begin_pending(self, items: Sequence[tuple[str, str, Sequence[str], Sequence[str]]]) -> None:
        """Record (doc_id, new hash or "" for a removal, new unit ids, old unit ids) before the units are
        written, so that a crash before or after the commit can be settled at the next start."""
        rows = [(d, h, json.dumps(list(new)), json.dumps(list(old))) for d, h, new, old in items]
        self._all_or_nothing("INSERT INTO pending VALUES (?, ?, ?, ?)", rows)

    def end_pending(self, doc_ids: Iterable[str]) -> None:
        self._all_or_nothing("DELETE FROM pending WHERE doc_id = ?", [(d,) for d in doc_ids])

    def _all_or_nothing(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        with self._write_lock, translated(self.path):
            try:
                self._writer.execute("BEGIN IMMEDIATE")
                self._writer.executemany(sql, rows)
                self._writer.execute("COMMIT")
            except BaseException:  # a full disk: the connection must not stay inside the failed transaction
                if self._writer.in_transaction:
                    self._writer.execute("ROLLBACK")
                raise

    def pending(self) -> list[tuple[str, str, list[str], list[str]]]:
        rows = self._read().execute("SELECT doc_id, content_hash, unit_ids, old_ids FROM pending")
        return [(d, h, json.loads(new), json.loads(old)) for d, h, new, old in rows]
