"""Passage embeddings by content, so unchanged text is never embedded twice.

Embedding is the slow part of a dense ingest on a CPU (about 50 ms per
256-token unit with the test model on this 2-core machine), and plans repeat
themselves: the same paragraphs of a provincial template recur across schools,
and re-ingesting after a parser change or `/reindex` sees the same units
again. Vectors are kept in SQLite beside the store, keyed by a hash of the
model name and the exact text; llama-index's IngestionCache does the same for
its pipelines.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from core.ports import Embedder


class EmbeddingCache:
    """(model, text) -> float32 vector, in one SQLite file."""

    def __init__(self, path: Path, model: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._model = model
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB) WITHOUT ROWID")
        self._conn.commit()

    def _key(self, text: str) -> bytes:
        return hashlib.sha256(f"{self._model}\0{text}".encode()).digest()

    def get_many(self, texts: Sequence[str], dim: int) -> list[list[float] | None]:
        keys = [self._key(t) for t in texts]
        found: dict[bytes, bytes] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(self._conn.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", chunk))
        out: list[list[float] | None] = []
        for k in keys:
            blob = found.get(k)
            vec = np.frombuffer(blob, dtype=np.float32) if blob is not None else None
            out.append(vec.tolist() if vec is not None and len(vec) == dim else None)
        return out

    def put_many(self, texts: Sequence[str], vectors: Sequence[Sequence[float]]) -> None:
        rows = [(self._key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)]
        with self._lock, self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class CachedEmbedder:
    """An embedder whose passage vectors go through an EmbeddingCache; queries are embedded directly."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.dim = inner.dim
        self.hits = 0
        self.misses = 0

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        got = self.cache.get_many(texts, self.dim)
        missing = sorted({t for t, v in zip(texts, got) if v is None})
        self.hits += sum(1 for v in got if v is not None)
        self.misses += len(missing)
        if not missing:
            return [v for v in got if v is not None]
        fresh = dict(zip(missing, self.inner.embed_passages(missing)))
        self.cache.put_many(missing, [fresh[t] for t in missing])
        return [v if v is not None else fresh[t] for t, v in zip(texts, got)]

    def close(self) -> None:
        self.cache.close()
