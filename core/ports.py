"""The roles components play for each other, as small Protocols (each has an in-memory twin in tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from core.types import Document


class DocumentIndex(Protocol):
    """Where ingest puts parsed documents: the catalog plus the retrieval index."""

    def content_hash(self, doc_id: str) -> str | None:
        """Hash of the indexed version of a document, or None when it is not indexed."""
        ...

    def get(self, doc_id: str) -> Document:
        """The indexed document (its ``source`` is the name of the file it was read from)."""
        ...

    def put(self, doc: Document) -> None:
        """Index a document, replacing any previous version atomically."""
        ...

    def put_documents(self, docs: Sequence[Document], staged: Sequence[Any] | None = None) -> None:
        """Index a batch of documents (in order), each replacing its previous version atomically; ``staged``:
        what ``worker_stage`` computed for each in a worker process (None where it did not run)."""
        ...

    def worker_stage(self) -> Callable[[Document], Any] | None:
        """A picklable function a worker process applies to each parsed document of the next chunk, or None."""
        ...

    def remove(self, doc_id: str) -> bool:
        """Remove a document and all its retrieval units; False when it was not there."""
        ...


class Embedder(Protocol):
    """A dense embedding model: the sentence-transformers one, or the same behind a cache."""

    name: str
    dim: int

    def embed_query(self, text: str) -> list[float]: ...

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...
