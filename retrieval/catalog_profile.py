"""The header match's reads of the catalog: the ``profile`` table (each document's header-field tokens) and the
statistics a BM25 over documents needs, kept per catalog version (``retrieval.targeting``)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from retrieval.catalog_rows import chunks

#: Tokens whose header document frequency is kept in memory (per catalog version).
PROFILE_DF_CACHE = 200_000


@dataclass
class ProfileStats:
    """The header match's statistics for one version of the catalog."""

    generation: int
    n: int  # documents
    avg_len: float  # mean length of their header fields
    df: dict[int, int] = field(default_factory=dict)  # token -> documents whose header fields hold it


class ProfileReads:
    """Mixed into ``Catalog``: reads of the header fields' tokens, for a question's tokens only."""

    _docs_lock: threading.Lock
    _profile: ProfileStats | None

    def _read(self) -> sqlite3.Connection:
        raise NotImplementedError

    @property
    def generation(self) -> int:
        raise NotImplementedError

    def profile_postings(self, tokens: Sequence[int]) -> tuple[dict[int, list[tuple[str, float]]], int, float]:
        """Documents whose header fields hold each token (with counts), the number of documents and the mean
        length of their header fields: what a BM25 over documents needs, read for a question's tokens only."""
        conn = self._read()
        postings: dict[int, list[tuple[str, float]]] = {}
        for chunk in chunks(list(tokens), 500):
            marks = ",".join("?" * len(chunk))
            for token, doc_id, tf in conn.execute(
                f"SELECT token, doc_id, tf FROM profile WHERE token IN ({marks})", chunk
            ):
                postings.setdefault(token, []).append((doc_id, tf))
        stats = self._profile_stats()
        return postings, stats.n, stats.avg_len

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

    def profile_of(self, doc_id: str) -> dict[int, float]:
        """Tokens of one document's header fields (type, number, title, issuer, place, year) with counts."""
        return dict(self._read().execute("SELECT token, tf FROM profile WHERE doc_id = ?", (doc_id,)))

    def profile_lengths(self, doc_ids: Sequence[str]) -> dict[str, int]:
        marks = ",".join("?" * len(doc_ids))
        return dict(
            self._read().execute(f"SELECT doc_id, profile_len FROM docs WHERE doc_id IN ({marks})", list(doc_ids))
        )
