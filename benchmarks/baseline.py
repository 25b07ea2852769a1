"""The generic pipeline the benchmark compares against: llama-index with its defaults.

SimpleDirectoryReader reads the files, ``VectorStoreIndex.from_documents`` cuts them with the default
SentenceSplitter (1,024 tokens, 200 overlap) and embeds every chunk into the default in-memory vector
store, and the default retriever returns the top 2 chunks. No LLM is configured (none is reachable
offline), so its "answer" is the retrieved chunks, as in the evaluation's baseline. The embedding
model is the same sentence-transformers model the hybrid configuration uses, through a small adapter
(llama-index's HuggingFace integration is another package and would try the hub).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr


class SentenceTransformerEmbedding(BaseEmbedding):
    """llama-index embedding over cancu's offline SentenceEmbedder; counts the time spent embedding."""

    _inner: Any = PrivateAttr()
    _seconds: float = PrivateAttr(default=0.0)

    def __init__(self, model: str, **kwargs: Any) -> None:
        from retrieval.embedder import SentenceEmbedder

        super().__init__(model_name=model, embed_batch_size=32, **kwargs)
        self._inner = SentenceEmbedder(model)

    @property
    def seconds(self) -> float:
        return self._seconds

    def _timed(self, texts: Sequence[str]) -> list[list[float]]:
        start = time.perf_counter()
        out = self._inner.embed_passages(texts)
        self._seconds += time.perf_counter() - start
        return out  # type: ignore[no-any-return]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._inner.embed_query(query)  # type: ignore[no-any-return]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._timed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._timed(texts)


def _files(paths: Sequence[Path]) -> list[str]:
    out: list[str] = []
    for p in paths:
        out.extend(str(f) for f in sorted(p.rglob("*.txt"))) if p.is_dir() else out.append(str(p))
    return [f for f in out if Path(f).stem.upper() != "README"]


def build_index(paths: Sequence[Path], model: str) -> tuple[Any, int, float]:
    """The default index over the files; returns (index, number of chunks, seconds spent embedding)."""
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex

    embed = SentenceTransformerEmbedding(model)
    documents = SimpleDirectoryReader(input_files=_files(paths)).load_data()
    index = VectorStoreIndex.from_documents(documents, embed_model=embed)
    return index, len(index.docstore.docs), embed.seconds


def retrieve(index: Any, question: str) -> list[Any]:
    """The default retriever (top 2 chunks by cosine similarity)."""
    return index.as_retriever().retrieve(question)  # type: ignore[no-any-return]
