"""The alternatives a user would pick instead of cancu, built with their defaults, for `cancu bench`.

- **BM25Retriever** (llama-index-retrievers-bm25): SimpleDirectoryReader, the default SentenceSplitter
  (1,024 tokens, 200 overlap), ``BM25Retriever.from_defaults`` (bm25s, English stemmer and stopwords: the
  defaults), top 2 chunks; persisted to a folder and loaded from it for the cold start.
- **llama-index + Qdrant hybrid** (llama-index-vector-stores-qdrant): the same chunks in a
  ``QdrantVectorStore(enable_hybrid=True)`` on qdrant-client's embedded folder, dense vectors from the
  same sentence-transformers model cancu's hybrid mode uses, sparse vectors from Qdrant's own BM25 with the
  IDF modifier (FastEmbed's "Qdrant/bm25", its documented default, is fetched from a hub and cannot be
  here), the store's default fusion, top 2 chunks.

Neither has an LLM (none is reachable offline): what is timed is retrieval, as for the llama-index
baseline in benchmarks/baseline.py.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.baseline import SentenceTransformerEmbedding, _files


def _nodes(paths: Sequence[Path]) -> list[Any]:
    from llama_index.core import SimpleDirectoryReader
    from llama_index.core.node_parser import SentenceSplitter

    documents = SimpleDirectoryReader(input_files=_files(paths)).load_data()
    return SentenceSplitter().get_nodes_from_documents(documents)  # type: ignore[no-any-return]


def build_bm25(paths: Sequence[Path], folder: Path) -> tuple[Any, int]:
    """BM25Retriever over the default chunks, persisted to ``folder``; returns (retriever, chunks)."""
    from llama_index.retrievers.bm25 import BM25Retriever

    nodes = _nodes(paths)
    retriever = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=2)
    retriever.persist(str(folder))
    return retriever, len(nodes)


def load_bm25(folder: Path) -> Any:
    from llama_index.retrievers.bm25 import BM25Retriever

    return BM25Retriever.from_persist_dir(str(folder))


def _vector_store(folder: Path) -> Any:
    from llama_index.vector_stores.qdrant import QdrantVectorStore
    from qdrant_client import QdrantClient, models

    from retrieval.edge_store import qdrant_bm25

    doc_fn, query_fn = qdrant_bm25()
    return QdrantVectorStore(
        client=QdrantClient(path=str(folder)),
        collection_name="llama",
        enable_hybrid=True,
        sparse_doc_fn=doc_fn,
        sparse_query_fn=query_fn,
        sparse_config=models.SparseVectorParams(modifier=models.Modifier.IDF),
    )


def build_hybrid(paths: Sequence[Path], folder: Path, model: str) -> tuple[Any, int, float]:
    """The hybrid pipeline over the default chunks; returns (index, chunks, seconds spent embedding)."""
    from llama_index.core import StorageContext, VectorStoreIndex

    embed = SentenceTransformerEmbedding(model)
    nodes = _nodes(paths)
    store = _vector_store(folder)
    index = VectorStoreIndex(nodes, storage_context=StorageContext.from_defaults(vector_store=store), embed_model=embed)
    return index, len(nodes), embed.seconds


def load_hybrid(folder: Path, model: str) -> Any:
    from llama_index.core import VectorStoreIndex

    return VectorStoreIndex.from_vector_store(_vector_store(folder), embed_model=SentenceTransformerEmbedding(model))


def retrieve_hybrid(index: Any, question: str) -> list[Any]:
    retriever = index.as_retriever(vector_store_query_mode="hybrid", similarity_top_k=2, sparse_top_k=2)
    return retriever.retrieve(question)  # type: ignore[no-any-return]


def timed(fn: Any, *args: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start
