"""A llama-index door onto the engine: cancu's sections as nodes, and its cited answers as a query engine.

A llama-index application gets cancu's retrieval (its own parser, Vietnamese analyzer and index) as a
``BaseRetriever`` that can sit in any pipeline, and cancu's extractive, cited answer as a query engine::

    from integrations.llama_index import CancuQueryEngine, CancuRetriever

    retriever = CancuRetriever(engine, k=5)
    nodes = retriever.retrieve("Phòng Công tác sinh viên phải làm gì?")
    nodes[0].node.metadata      # {"doc_id": …, "section": "III.2", "heading": …, "doc_label": "08/KH-CĐCĐ", …}
    RetrieverQueryEngine.from_args(retriever, llm=my_llm)       # llama-index's own synthesis over cancu's nodes
    CancuQueryEngine(engine=engine).query("…").response          # cancu's answer, citations as source nodes

Each node is one section (a retrieval unit merged back to its section); its id is ``doc_id#section``, stable
across runs, and its metadata holds the section (doc_id, section, heading) and the document's header fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.response.schema import Response
from llama_index.core.callbacks import CallbackManager
from llama_index.core.query_engine import CustomQueryEngine
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from pydantic import Field

from core.types import Answer, Document, Hit

#: Header fields of a node's document, as metadata keys (the LLM sees them; embeddings skip them).
DOCUMENT_FIELDS = ("doc_label", "doc_number", "doc_type", "doc_title", "issuer", "place", "date")


def document_metadata(doc: Document, label: str) -> dict[str, Any]:
    """The document fields every node of it carries."""
    values = (label, doc.number, doc.doc_type, doc.title, doc.issuer, doc.place, doc.date)
    return {k: v for k, v in zip(DOCUMENT_FIELDS, values) if v is not None}


def section_node(doc_id: str, section: str, heading: str, text: str, document: dict[str, Any]) -> TextNode:
    node = TextNode(
        id_=f"{doc_id}#{section}",
        text=text,
        metadata={"doc_id": doc_id, "section": section, "heading": heading, **document},
    )
    node.excluded_embed_metadata_keys = list(node.metadata)  # the section's text is what embeds
    return node


class _Documents:
    """Header fields of the documents a query meets, each read once per query."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self._seen: dict[str, dict[str, Any]] = {}

    def __call__(self, doc_id: str) -> dict[str, Any]:
        if doc_id not in self._seen:
            self._seen[doc_id] = document_metadata(self.engine.document(doc_id), self.engine.label(doc_id))
        return self._seen[doc_id]


class CancuRetriever(BaseRetriever):
    """Sections found by the engine's search, as llama-index nodes scored by the engine."""

    def __init__(
        self,
        engine: Any,
        *,
        k: int = 5,
        doc_ids: Sequence[str] | None = None,
        callback_manager: CallbackManager | None = None,
    ) -> None:
        super().__init__(callback_manager=callback_manager)
        self.engine = engine
        self.k = k
        self.doc_ids = list(doc_ids) if doc_ids else None  # labels, ids or numbers

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits: list[Hit] = self.engine.search(query_bundle.query_str, k=self.k, doc_ids=self.doc_ids)
        documents = _Documents(self.engine)
        return [
            NodeWithScore(node=section_node(h.doc_id, h.section, h.heading, h.text, documents(h.doc_id)), score=h.score)
            for h in hits
        ]


class CancuQueryEngine(CustomQueryEngine):
    """cancu's cited answer as a llama-index Response: the answer text, each citation a source node (its quote
    as text), and the whole Answer object in the metadata."""

    engine: Any = Field(exclude=True)
    doc_ids: list[str] | None = None

    def custom_query(self, query_str: str) -> Response:
        answer: Answer = self.engine.ask(query_str, doc_ids=self.doc_ids)
        documents = _Documents(self.engine)
        nodes = [
            NodeWithScore(
                node=section_node(c.doc_id, c.section, c.heading, c.quote, {**documents(c.doc_id), "n": c.n}),
                score=c.score,
            )
            for c in answer.citations
        ]
        return Response(response=answer.answer, source_nodes=nodes, metadata={"answer": answer.model_dump(mode="json")})
