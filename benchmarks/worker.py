"""One benchmark phase in a fresh process, so its peak memory and start-up are its own.

    python -m benchmarks.worker '{"phase": "ingest", "data_dir": "...", "paths": [...], "embed_model": null}'

Prints one JSON object (the phase's figures, with ``rss_mb``, the process's peak resident memory) as
its last line. `cancu bench` runs the phases; see benchmarks/bench.py.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def percentiles(values: list[float]) -> dict[str, float]:
    """p50/p95/p99 in milliseconds."""
    if len(values) < 2:
        v = round(values[0], 2) if values else 0.0
        return {"p50": v, "p95": v, "p99": v}
    q = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": round(q[49], 2), "p95": round(q[94], 2), "p99": round(q[98], 2)}


def _timed(fn: Callable[[str], Any], questions: list[str]) -> tuple[list[float], list[Any]]:
    times, results = [], []
    for q in questions:
        start = time.perf_counter()
        results.append(fn(q))
        times.append((time.perf_counter() - start) * 1000)
    return times, results


def _settings(cfg: dict[str, Any]) -> Any:
    from core.config import Settings

    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=Path(cfg["data_dir"]),
        embed_model=cfg.get("embed_model"),
        search_mode="hybrid" if cfg.get("embed_model") else "lexical",
        qdrant_url=None,
        llm_base_url=None,
        llm_model=None,
        telegram_token=None,
    )


def phase_ingest(cfg: dict[str, Any]) -> dict[str, Any]:
    """Ingest the paths into a fresh data folder."""
    from retrieval.engine import build_engine

    start = time.perf_counter()
    engine = build_engine(_settings(cfg))
    ready = time.perf_counter() - start
    try:
        begin = time.perf_counter()
        report = engine.ingest([Path(p) for p in cfg["paths"]])
        seconds = time.perf_counter() - begin
        out = {
            "documents": report.count("added", "updated"),
            "failed": len(report.errors),
            "sections": report.sections,
            "units": engine.store.count_units(),
            "seconds": round(seconds, 2),
            "sections_per_s": round(report.sections / seconds, 1) if seconds else None,
            "engine_start_s": round(ready, 2),
        }
        if engine.embedder is not None:
            out["embedded"] = engine.embedder.misses
            out["embedding_cache_hits"] = engine.embedder.hits
        return out
    finally:
        engine.close()


def phase_latency(cfg: dict[str, Any]) -> dict[str, Any]:
    """Ask and search each question once, after one warm-up question; score the answers against the gold set."""
    from evals.gold import load_gold
    from evals.metrics import score, summarize
    from retrieval.engine import build_engine

    gold = load_gold(Path(cfg["gold"]))[: cfg.get("limit") or None]
    questions = [g.question for g in gold]
    start = time.perf_counter()
    engine = build_engine(_settings(cfg))
    engine.warm()
    load_s = time.perf_counter() - start
    try:
        engine.ask(questions[0])
        ask_ms, answers = _timed(engine.ask, questions)
        search_ms, _ = _timed(lambda q: engine.search(q, k=5), questions)
        scores = [score(g, a) for g, a in zip(gold, answers)]
        quality = summarize(scores)
        # synthetic plans repeat the real sections under other names: a question that names no plan has many
        # right answers, so at scale the telling figure is for questions that name their plan
        named = [s for g, s in zip(gold, scores) if g.doc_ids & set(engine.index.names_in(g.question)[0])]
        return {
            "questions": len(questions),
            "engine_start_s": round(load_s, 2),
            "ask_ms": percentiles(ask_ms),
            "search_ms": percentiles(search_ms),
            "hit@1": quality["hit@1"],
            "hit@3": quality["hit@3"],
            "abstention_accuracy": quality["abstention_accuracy"],
            "named_questions": len(named),
            "hit@1_named": summarize(named)["hit@1"],
        }
    finally:
        engine.close()


def phase_baseline(cfg: dict[str, Any]) -> dict[str, Any]:
    """llama-index defaults: SimpleDirectoryReader, SentenceSplitter chunks, VectorStoreIndex, top-2 retriever."""
    from benchmarks.baseline import build_index, retrieve

    gold_questions = [json.loads(line)["question"] for line in Path(cfg["gold"]).read_text().splitlines() if line]
    questions = gold_questions[: cfg.get("limit") or None]
    start = time.perf_counter()
    index, chunks, embed_s = build_index([Path(p) for p in cfg["paths"]], cfg["embed_model"])
    seconds = time.perf_counter() - start
    retrieve(index, questions[0])
    ask_ms, _ = _timed(lambda q: retrieve(index, q), questions)
    return {
        "chunks": chunks,
        "seconds": round(seconds, 2),
        "embedding_s": round(embed_s, 2),
        "questions": len(questions),
        "ask_ms": percentiles(ask_ms),
    }


def phase_baseline_cold(cfg: dict[str, Any]) -> dict[str, Any]:
    """Process start to first answer for the baseline: it has no store, so it rebuilds its index first."""
    from benchmarks.baseline import build_index, retrieve

    index, _, _ = build_index([Path(p) for p in cfg["paths"]], cfg["embed_model"])
    nodes = retrieve(index, cfg["question"])
    print(nodes[0].get_content()[:80] if nodes else "", flush=True)
    return {}


def _questions(cfg: dict[str, Any]) -> list[str]:
    gold = [json.loads(line)["question"] for line in Path(cfg["gold"]).read_text().splitlines() if line]
    return gold[: cfg.get("limit") or None]


def phase_bm25(cfg: dict[str, Any]) -> dict[str, Any]:
    """llama-index's BM25Retriever with its defaults: build (and persist), then retrieve every gold question."""
    from benchmarks.alternatives import build_bm25, timed

    questions = _questions(cfg)
    (retriever, chunks), seconds = timed(build_bm25, [Path(p) for p in cfg["paths"]], Path(cfg["folder"]))
    retriever.retrieve(questions[0])
    ask_ms, _ = _timed(retriever.retrieve, questions)
    return {"chunks": chunks, "seconds": round(seconds, 2), "questions": len(questions), "ask_ms": percentiles(ask_ms)}


def phase_bm25_cold(cfg: dict[str, Any]) -> dict[str, Any]:
    """Process start to first answer: load the persisted BM25 index, retrieve one question."""
    from benchmarks.alternatives import load_bm25

    nodes = load_bm25(Path(cfg["folder"])).retrieve(cfg["question"])
    print(nodes[0].get_content()[:80].replace("\n", " ") if nodes else "-", flush=True)
    return {}


def phase_llama_hybrid(cfg: dict[str, Any]) -> dict[str, Any]:
    """llama-index + Qdrant hybrid (dense + Qdrant BM25, the store's fusion): build, then retrieve each question."""
    from benchmarks.alternatives import build_hybrid, retrieve_hybrid, timed

    questions = _questions(cfg)
    (index, chunks, embed_s), seconds = timed(
        build_hybrid, [Path(p) for p in cfg["paths"]], Path(cfg["folder"]), cfg["embed_model"]
    )
    retrieve_hybrid(index, questions[0])
    ask_ms, _ = _timed(lambda q: retrieve_hybrid(index, q), questions)
    return {
        "chunks": chunks,
        "seconds": round(seconds, 2),
        "embedding_s": round(embed_s, 2),
        "questions": len(questions),
        "ask_ms": percentiles(ask_ms),
    }


def phase_llama_hybrid_cold(cfg: dict[str, Any]) -> dict[str, Any]:
    """Process start to first answer: open the stored collection, load the model, retrieve one question."""
    from benchmarks.alternatives import load_hybrid, retrieve_hybrid

    nodes = retrieve_hybrid(load_hybrid(Path(cfg["folder"]), cfg["embed_model"]), cfg["question"])
    print(nodes[0].get_content()[:80].replace("\n", " ") if nodes else "-", flush=True)
    return {}


PHASES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "ingest": phase_ingest,
    "latency": phase_latency,
    "baseline": phase_baseline,
    "baseline_cold": phase_baseline_cold,
    "bm25": phase_bm25,
    "bm25_cold": phase_bm25_cold,
    "llama_hybrid": phase_llama_hybrid,
    "llama_hybrid_cold": phase_llama_hybrid_cold,
}


def main() -> None:
    cfg = json.loads(sys.argv[1])
    result = PHASES[cfg["phase"]](cfg)
    result["rss_mb"] = peak_rss_mb()
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
