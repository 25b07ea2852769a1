"""``cancu eval``: answer every gold question through the engine, per configuration.

Each configuration gets a fresh index in its own folder (so a running server's
store is never touched and runs are reproducible), holding every document at
once, and answers the questions of every gold set from it: ``default`` is the
deployment's own settings, ``lexical``/``dense``/``hybrid`` force a search
mode, ``baseline`` is llama-index's SentenceSplitter defaults with the same
retrieval, ``bm25`` is plain BM25 (bm25s) over cancu's own sections, the
baseline to beat. Dense and hybrid need CANCU_EMBED_MODEL; without it they are
reported as skipped, with the reason.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.config import Settings
from core.errors import CancuError
from evals.gold import GoldItem
from evals.metrics import QuestionScore, score, summarize, twin_gap

logger = logging.getLogger(__name__)

CONFIGS = ("default", "lexical", "dense", "hybrid", "baseline", "bm25")
#: What `cancu eval` runs unless told: the deployment's engine beside the baseline it must beat.
DEFAULT_CONFIGS = ("default", "bm25")


@dataclass
class ConfigResult:
    """One configuration's run: its store, and every gold set's scored questions (by set name)."""

    name: str
    mode: str = ""
    skipped: str | None = None
    sets: dict[str, list[QuestionScore]] = field(default_factory=dict)
    ingest_seconds: float = 0.0
    ask_seconds: float = 0.0
    documents: list[str] = field(default_factory=list)

    @property
    def scores(self) -> list[QuestionScore]:
        """Every scored question of every set."""
        return [s for rows in self.sets.values() for s in rows]

    def rows(self, set_name: str | None = None) -> list[QuestionScore]:
        """The scored questions of one set (all sets when None)."""
        return self.scores if set_name is None else self.sets.get(set_name, [])

    def summary(
        self,
        *,
        split: str | None = None,
        kind: str | None = None,
        tag: str | None = None,
        set_name: str | None = None,
    ) -> dict[str, Any]:
        rows = [
            s
            for s in self.rows(set_name)
            if (split is None or s.split == split)
            and (kind is None or s.kind == kind)
            and (tag is None or tag in s.tags)
        ]
        return summarize(rows)


def expand_configs(config: str) -> list[str]:
    """Configuration names from "default", "default,bm25" or "all", in the order given, each once."""
    names: list[str] = []
    for part in (p.strip() for p in config.split(",")):
        if part == "all":
            names += CONFIGS
        elif part in CONFIGS:
            names.append(part)
        else:
            raise CancuError(f"unknown configuration {part!r}; use one of {', '.join((*CONFIGS, 'all'))}")
    return list(dict.fromkeys(names))


def _engine_for(name: str, settings: Settings, data_dir: Path, embedder_cache: dict[str, Any]) -> tuple[Any, str]:
    from retrieval.engine import build_engine
    from retrieval.wiring import load_embedder

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
    if name == "bm25":
        from evals.bm25 import BM25Engine

        return BM25Engine(cfg), "bm25s over cancu's sections"
    engine = build_engine(cfg)
    return engine, engine.mode


class _Skip(Exception):
    pass


def run_config(
    name: str,
    sets: Mapping[str, Sequence[GoldItem]],
    settings: Settings,
    docs: Sequence[Path],
    workdir: Path,
    embedder_cache: dict[str, Any],
    progress: Callable[[str], object] | None = None,
) -> ConfigResult:
    """Build one fresh index of every document for one configuration and score every set's questions."""
    result = ConfigResult(name)
    data_dir = workdir / f"index-{name}"
    shutil.rmtree(data_dir, ignore_errors=True)
    try:
        engine, result.mode = _engine_for(name, settings, data_dir, embedder_cache)
    except _Skip as exc:
        result.skipped = str(exc)
        if progress:
            progress(f"{name}: skipped ({exc})")
        return result
    try:
        t0 = time.perf_counter()
        report = engine.ingest([p for p in docs if p.exists()])
        result.ingest_seconds = round(time.perf_counter() - t0, 3)
        for r in report.errors:
            logger.warning("eval ingest: %s", r.error)
        indexed = {d.doc_id for d in engine.documents()}
        result.documents = sorted(indexed)
        t0 = time.perf_counter()
        for set_name, gold in sets.items():
            rows = result.sets.setdefault(set_name, [])
            for item in gold:
                missing = sorted(item.doc_ids - indexed)
                if missing:
                    rows.append(_skipped(item, f"not indexed: {', '.join(missing)}"))
                    continue
                rows.append(score(item, engine.ask(item.question, qid=item.id)))
        result.ask_seconds = round(time.perf_counter() - t0, 3)
        if progress:
            progress(
                f"{name}: {len(result.documents)} documents indexed in {result.ingest_seconds:.0f} s, "
                f"{len(result.scores)} questions answered in {result.ask_seconds:.0f} s"
            )
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


def run_suite(
    sets: Mapping[str, Sequence[GoldItem]],
    settings: Settings,
    *,
    configs: Sequence[str],
    docs: Sequence[Path],
    progress: Callable[[str], object] | None = None,
) -> list[ConfigResult]:
    """Run every configuration over every gold set, one store per configuration holding all ``docs``."""
    cache: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cancu-eval-") as tmp:
        return [run_config(name, sets, settings, docs, Path(tmp), cache, progress) for name in configs]


def run_eval(
    gold: Sequence[GoldItem],
    settings: Settings,
    *,
    configs: Sequence[str],
    docs: Sequence[Path],
    progress: Callable[[str], object] | None = None,
) -> list[ConfigResult]:
    """Run every configuration over one gold set."""
    return run_suite({"gold": gold}, settings, configs=configs, docs=docs, progress=progress)


def default_out_dir(settings: Settings) -> Path:
    """Where reports go unless told: the data folder, never the checkout."""
    return settings.data_dir / "eval-reports" / dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")


def headline(
    result: ConfigResult, gold: Sequence[GoldItem], split: str | None, set_name: str | None = None
) -> dict[str, Any]:
    """Summary plus the twin comparison for one configuration, split and (optionally) set."""
    rows = [s for s in result.rows(set_name) if split is None or s.split == split]
    summary: dict[str, Any] = dict(summarize(rows))
    summary["twins"] = twin_gap(rows, [g for g in gold if split is None or g.split == split])
    summary["skipped"] = sum(1 for s in rows if s.skipped)
    return summary
