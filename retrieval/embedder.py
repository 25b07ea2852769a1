"""Optional dense embeddings with sentence-transformers, imported lazily (the lexical path never imports torch).

The model comes from CANCU_EMBED_MODEL: a hub id already in the local cache
or a local path. Nothing is downloaded: the hub is switched to offline mode
before loading. E5-style models get their "query: " / "passage: " prefixes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from core.errors import EmbedderUnavailable

logger = logging.getLogger(__name__)


class SentenceEmbedder:
    """A sentence-transformers model on the CPU."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable(
                f"sentence-transformers is not installed (pip install '.[dense]'): {exc}"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:  # missing files, no network, bad config
            raise EmbedderUnavailable(
                f"cannot load embedding model {model!r} offline: {type(exc).__name__}: {exc}"
            ) from exc
        self.name = model
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if not dim:
            raise EmbedderUnavailable(f"embedding model {model!r} does not report its dimension")
        self.dim = int(dim)
        self._e5 = "e5" in model.lower()

    def _embed(self, texts: Sequence[str]) -> list[list[float]]:
        try:
            vectors = self._model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        except Exception as exc:
            raise EmbedderUnavailable(f"embedding failed: {type(exc).__name__}: {exc}") from exc
        return [v.tolist() for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self._embed([("query: " if self._e5 else "") + text])[0]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        prefix = "passage: " if self._e5 else ""
        return self._embed([prefix + t for t in texts])
