"""The llama-index door: cancu's sections as nodes inside a llama-index pipeline, and its answer as a query engine."""

from __future__ import annotations

from llama_index.core import get_response_synthesizer
from llama_index.core.llms import MockLLM
from llama_index.core.postprocessor import SimilarityPostprocessor
from llama_index.core.query_engine import RetrieverQueryEngine

from integrations.llama_index import CancuQueryEngine, CancuRetriever

QUESTION = "Phòng Công tác sinh viên phải làm gì?"


def test_sections_are_nodes_with_their_document_fields(corpus_engine) -> None:
    nodes = CancuRetriever(corpus_engine, k=3).retrieve(QUESTION)
    assert len(nodes) == 3
    first = nodes[0]
    assert first.node.node_id == "kh-08-cdcd-soctrang-2026#III.2"
    assert first.node.metadata == {
        "doc_id": "kh-08-cdcd-soctrang-2026",
        "section": "III.2",
        "heading": "Phòng Công tác sinh viên, sinh viên",
        "doc_label": "08/KH-CĐCĐ",
        "doc_number": "08/KH-CĐCĐ",
        "doc_type": "Kế hoạch",
        "doc_title": "Đảm bảo an ninh, trật tự và xây dựng phong trào “Toàn dân bảo vệ An ninh Tổ quốc” năm 2026",
        "issuer": "Trường Cao đẳng Cộng đồng Sóc Trăng",
        "place": "Cần Thơ",
        "date": "2026-01-06",
    }
    assert "Kiện toàn Ban Quản lý Ký túc xá" in first.node.get_content()
    assert first.score is not None and first.score >= nodes[1].score  # type: ignore[operator]
    scoped = CancuRetriever(corpus_engine, k=3, doc_ids=["KH-CDLC Lào Cai 2025"]).retrieve(QUESTION)
    assert {n.node.metadata["doc_id"] for n in scoped} == {"kh-cdlc-laocai-2026"}


def test_the_retriever_runs_inside_a_llama_index_pipeline(corpus_engine) -> None:
    """llama-index's own RetrieverQueryEngine: cancu's nodes, a postprocessor, a synthesizer over an LLM."""
    llm = MockLLM()  # echoes its prompt: what llama-index put before the LLM is visible in the response
    pipeline = RetrieverQueryEngine(
        retriever=CancuRetriever(corpus_engine, k=4),
        response_synthesizer=get_response_synthesizer(llm=llm, response_mode="compact"),
        node_postprocessors=[SimilarityPostprocessor(similarity_cutoff=0.0)],
    )
    response = pipeline.query(QUESTION)
    assert [n.node.metadata["section"] for n in response.source_nodes][:2] == ["III.2", "IV.2"]
    assert "Kiện toàn Ban Quản lý Ký túc xá" in str(response)  # the section reached the LLM's context
    assert "doc_label: 08/KH-CĐCĐ" in str(response)  # and so did its document fields


def test_the_query_engine_gives_cancus_cited_answer(corpus_engine) -> None:
    response = CancuQueryEngine(engine=corpus_engine).query(QUESTION)
    answer = corpus_engine.ask(QUESTION)
    assert response.response == answer.answer
    assert [
        (n.node.metadata["doc_id"], n.node.metadata["section"], n.node.metadata["n"]) for n in response.source_nodes
    ] == [(c.doc_id, c.section, c.n) for c in answer.citations]
    assert all(n.node.get_content() == c.quote for n, c in zip(response.source_nodes, answer.citations))
    assert response.metadata is not None and response.metadata["answer"]["found"] is True
    refused = CancuQueryEngine(engine=corpus_engine).query("Giá vàng hôm nay bao nhiêu?")
    assert refused.source_nodes == [] and refused.response.startswith("Không tìm thấy")
