"""The header match's reads of the catalog: the ``profile`` table (each document's header-field tokens) and the
statistics a BM25 over documents needs, kept per catalog version (``retrieval.targeting``)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from retrieval.catalog_rows import chunks

#: Tokens whose header document frequency is kept in memory (per catalog version).
PROFILE_DF_CACHE = 200_000
#: Postings entries of the header match kept in memory (per catalog version; 16 bytes each).
POSTINGS_CACHE = 2_000_000
#: Documents whose header tokens are kept in memory (per catalog version).
HEADERS_CACHE = 4_096


@dataclass
class ProfileStats:
    """The header match's statistics for one version of the catalog, and what it has read of the profile
    table: document frequencies, and postings as arrays over the documents' positions in ``ids``."""

    generation: int
    n: int  # documents
    avg_len: float  # mean length of their header fields
    df: dict[int, int] = field(default_factory=dict)  # token -> documents whose header fields hold it
    ids: list[str] = field(default_factory=list)  # every document, by position
    where: dict[str, int] = field(default_factory=dict)  # document -> position
    lengths: Any = None  # numpy float64: each document's header length (0 read as the mean)
    postings: dict[int, tuple[Any, Any]] = field(default_factory=dict)  # token -> (positions, counts)
    held: int = 0  # postings entries in memory
    headers: dict[str, Mapping[int, float]] = field(default_factory=dict)  # document -> its header's tokens


@dataclass
class ProfilePostings:
    """What a BM25 over documents' header fields needs for a question's tokens (``retrieval.targeting``)."""

    ids: list[str]
    lengths: Any  # numpy float64 by position
    avg_len: float
    n: int
    postings: dict[int, tuple[Any, Any]]  # token -> (numpy int positions, numpy float64 counts), tokens ascending


class ProfileReads:
    """Mixed into ``Catalog``: reads of the header fields' tokens, for a question's tokens only."""

    _docs_lock: threading.Lock
    _profile: ProfileStats | None

    def _read(self) -> sqlite3.Connection:
        raise NotImplementedError

    @property
    def generation(self) -> int:
        raise NotImplementedError

    def profile_postings(self, tokens: Sequence[int]) -> ProfilePostings:
        """The documents whose header fields hold each token, with counts, read for a question's tokens only
        and kept for the catalog version (a token's postings are read once, not per question)."""
        import numpy as np

        stats = self._profile_stats()
        if stats.lengths is None:
            rows = self._read().execute("SELECT doc_id, profile_len FROM docs").fetchall()
            stats.ids = [d for d, _ in rows]
            stats.where = {d: i for i, d in enumerate(stats.ids)}
            stats.lengths = np.array([n or stats.avg_len for _, n in rows], dtype=np.float64)
        if stats.held > POSTINGS_CACHE:
            stats.postings.clear()
            stats.held = 0
        missing = sorted(t for t in set(tokens) if t not in stats.postings)
        if missing:
            got: dict[int, tuple[list[int], list[float]]] = {t: ([], []) for t in missing}
            for chunk in chunks(missing, 500):
                marks = ",".join("?" * len(chunk))
                for token, doc_id, tf in self._read().execute(
                    f"SELECT token, doc_id, tf FROM profile WHERE token IN ({marks})", chunk
                ):
                    position = stats.where.get(doc_id)
                    if position is not None:  # None: written since this version's documents were read
                        got[token][0].append(position)
                        got[token][1].append(tf)
            for t, (positions, counts) in got.items():
                stats.postings[t] = (np.array(positions, dtype=np.int64), np.array(counts, dtype=np.float64))
                stats.held += len(positions)
        postings = {t: stats.postings[t] for t in sorted(set(tokens)) if len(stats.postings[t][0])}
        return ProfilePostings(stats.ids, stats.lengths, stats.avg_len, stats.n, postings)

    def profile_df(self, tokens: Sequence[int]) -> tuple[dict[int, int], int]:
        """How many documents' header fields hold each token, and the number of documents (counted on the
        profile table's primary key: no posting is read)."""
        stats = self._profile_stats()
        if len(stats.df) > PROFILE_DF_CACHE:  # questions' tokens are unbounded: start again
            stats.df.clear()
        missing = [t for t in dict.fromkeys(tokens) if t not in stats.df]
        for chunk in chunks(missing, 500):
            marks = ",".join("?" * len(chunk))
            stats.df.update(dict.fromkeys(chunk, 0))
            stats.df.update(
                self._read().execute(
                    f"SELECT token, COUNT(*) FROM profile WHERE token IN ({marks}) GROUP BY token", chunk
                )
            )
        return {t: stats.df[t] for t in tokens if stats.df[t]}, stats.n

    def _profile_stats(self) -> ProfileStats:
        """The header match's statistics for the catalog in view: counted once per version, not per question
        (the mean header length is a scan of every document row: 15 ms at 10,000 plans)."""
        gen = self.generation
        with self._docs_lock:
            if self._profile is None or self._profile.generation != gen:
                n, avg = self._read().execute("SELECT COUNT(*), AVG(profile_len) FROM docs").fetchone()
                self._profile = ProfileStats(gen, int(n or 0), float(avg or 1.0))
            return self._profile

    def profile_of(self, doc_id: str) -> Mapping[int, float]:
        """Tokens of one document's header fields (type, number, title, issuer, place, year) with counts, kept
        for the catalog version (the second pass reads the chosen documents' for every question)."""
        stats = self._profile_stats()
        got = stats.headers.get(doc_id)
        if got is None:
            if len(stats.headers) >= HEADERS_CACHE:
                stats.headers.clear()
            rows = self._read().execute("SELECT token, tf FROM profile WHERE doc_id = ?", (doc_id,))
            got = stats.headers[doc_id] = MappingProxyType(dict(rows))
        return got
