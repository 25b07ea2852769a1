"""``cancu eval``: answer every gold question through the engine, per configuration, and write the report.

Each configuration gets a fresh index in its own folder (so a running server's
store is never touched and runs are reproducible): ``default`` is the
deployment's own settings, ``lexical``/``dense``/``hybrid`` force a search
mode, ``baseline`` is llama-index's SentenceSplitter defaults with the same
retrieval. Dense and hybrid need CANCU_EMBED_MODEL; without it they are
reported as skipped, with the reason.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.config import Settings
from core.errors import CancuError
from evals.gold import GoldItem
from evals.metrics import QuestionScore, score, summarize, twin_gap

logger = logging.getLogger(__name__)

CONFIGS = ("default", "lexical", "dense", "hybrid", "baseline")


@dataclass
class ConfigResult:
    name: str
    mode: str = ""
    skipped: str | None = None
    scores: list[QuestionScore] = field(default_factory=list)
    ingest_seconds: float = 0.0
    documents: list[str] = field(default_factory=list)

    def summary(self, *, split: str | None = None, kind: str | None = None, tag: str | None = None) -> dict[str, Any]:
        rows = [
            s
            for s in self.scores
            if (split is None or s.split == split)
            and (kind is None or s.kind == kind)
            and (tag is None or tag in s.tags)
        ]
        return summarize(rows)


def expand_configs(config: str) -> list[str]:
    if config == "all":
        return list(CONFIGS)
    if config not in CONFIGS:
        raise CancuError(f"unknown configuration {config!r}; use one of {', '.join((*CONFIGS, 'all'))}")
    return [config]


def _engine_for(name: str, settings: Settings, data_dir: Path, embedder_cache: dict[str, Any]) -> tuple[Any, str]:
    from retrieval.engine import build_engine, load_embedder

    cfg = settings.model_copy(update={"data_dir": data_dir, "qdrant_url": None, "telegram_token": None})
    if name in ("dense", "hybrid"):
        if not settings.embed_model:
            raise _Skip("no embedding model configured (set CANCU_EMBED_MODEL)")
        if "emb" not in embedder_cache:
            emb, reason = load_embedder(cfg.model_copy(update={"search_mode": "hybrid"}))
            if emb is None:
                raise _Skip(reason)
            embedder_cache["emb"] = emb
        engine = build_engine(cfg.model_copy(update={"search_mode": name}), embedder=embedder_cache["emb"])
        return engine, engine.mode
    if name == "lexical":
        engine = build_engine(cfg.model_copy(update={"search_mode": "lexical"}), embedder=None)
        return engine, engine.mode
    if name == "baseline":
        from evals.baseline import BaselineEngine

        return BaselineEngine(cfg), "lexical (SentenceSplitter chunks)"
    engine = build_engine(cfg)
    return engine, engine.mode


class _Skip(Exception):
    pass


def run_config(
    name: str,
    gold: Sequence[GoldItem],
    settings: Settings,
    docs: Sequence[Path],
    workdir: Path,
    embedder_cache: dict[str, Any],
    progress: Callable[[str], None] | None = None,
) -> ConfigResult:
    """Build a fresh index for one configuration and score every gold question."""
    result = ConfigResult(name)
    data_dir = workdir / f"index-{name}"
    shutil.rmtree(data_dir, ignore_errors=True)
    try:
        engine, result.mode = _engine_for(name, settings, data_dir, embedder_cache)
    except _Skip as exc:
        result.skipped = str(exc)
        return result
    try:
        t0 = time.perf_counter()
        report = engine.ingest([p for p in docs if p.exists()])
        result.ingest_seconds = round(time.perf_counter() - t0, 3)
        for r in report.errors:
            logger.warning("eval ingest: %s", r.error)
        indexed = {d.doc_id for d in engine.documents()}
        result.documents = sorted(indexed)
        for item in gold:
            missing = sorted(item.doc_ids - indexed)
            if missing:
                result.scores.append(_skipped(item, f"not indexed: {', '.join(missing)}"))
                continue
            answer = engine.ask(item.question, qid=item.id)
            result.scores.append(score(item, answer))
        if progress:
            progress(name)
    finally:
        engine.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    return result


def _skipped(item: GoldItem, reason: str) -> QuestionScore:
    s = QuestionScore(
        id=item.id, kind=item.kind, split=item.split, tags=list(item.tags), question=item.question, refused=False
    )
    s.skipped = reason
    return s


def run_eval(
    gold: Sequence[GoldItem],
    settings: Settings,
    *,
    configs: Sequence[str],
    docs: Sequence[Path],
    progress: Callable[[str], None] | None = None,
) -> list[ConfigResult]:
    """Run every configuration over the gold set."""
    cache: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cancu-eval-") as tmp:
        return [run_config(name, gold, settings, docs, Path(tmp), cache, progress) for name in configs]


def default_out_dir() -> Path:
    return Path("evals") / "reports" / dt.date.today().isoformat()


def headline(result: ConfigResult, gold: Sequence[GoldItem], split: str | None) -> dict[str, Any]:
    """Summary plus the twin comparison for one configuration and split."""
    rows = [s for s in result.scores if split is None or s.split == split]
    summary = summarize(rows)
    summary["twins"] = twin_gap(rows, [g for g in gold if split is None or g.split == split])
    summary["skipped"] = sum(1 for s in rows if s.skipped)
    return summary
