"""Write an evaluation run: metrics.json, report.md and a PNG chart comparing configurations."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.gate import THRESHOLDS, Limits, gate
from evals.gold import KINDS, SPLIT_RULE_TEXT, GoldItem
from evals.run import ConfigResult, headline

SPLIT_RULE = SPLIT_RULE_TEXT["id"]
HEADLINE = ("hit@1", "hit@3", "mrr", "citation_precision", "must_include", "abstention_accuracy", "false_abstain_rate",
            "legal_precision", "legal_recall", "latency_p50_ms", "latency_p95_ms")  # fmt: skip
CHART = ("hit@1", "hit@3", "mrr", "citation_precision", "must_include", "abstention_accuracy", "legal_recall")


def build_metrics(
    results: Sequence[ConfigResult],
    gold: Sequence[GoldItem],
    gold_path: Path,
    *,
    set_name: str | None = None,
    split_rule: str = SPLIT_RULE,
) -> dict[str, Any]:
    """Everything measured on one gold set, per configuration, split, kind and tag, plus every question's outcome."""
    tags = sorted({t for g in gold for t in g.tags})
    out: dict[str, Any] = {
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "gold": str(gold_path),
        "questions": len(gold),
        "split_rule": split_rule,
        "split_sizes": {s: sum(1 for g in gold if g.split == s) for s in ("dev", "test")},
        "configs": {},
        "per_question": {},
    }
    for r in results:
        if r.skipped:
            out["configs"][r.name] = {"skipped": r.skipped}
            continue
        entry: dict[str, Any] = {
            "mode": r.mode,
            "ingest_seconds": r.ingest_seconds,
            "ask_seconds": r.ask_seconds,
            "documents": r.documents,
            "splits": {},
            "by_kind": {},
            "by_tag": {},
        }
        for split in ("all", "dev", "test"):
            key = None if split == "all" else split
            entry["splits"][split] = headline(r, gold, key, set_name)
            entry["by_kind"][split] = {k: r.summary(split=key, kind=k, set_name=set_name) for k in KINDS}
            entry["by_tag"][split] = {t: r.summary(split=key, tag=t, set_name=set_name) for t in tags}
        out["configs"][r.name] = entry
        out["per_question"][r.name] = [s.to_dict() for s in r.rows(set_name)]
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if v <= 1.0 else f"{v:.1f}"
    return str(v)


def md_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_fmt(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(
    metrics: dict[str, Any],
    gold: Sequence[GoldItem],
    chart_name: str | None,
    *,
    title: str = "cancu evaluation report",
    depth: int = 1,
    headlines: bool = True,
    limits: Limits | None = THRESHOLDS,
    limits_title: str = "Regression gate",
) -> str:
    """One gold set's report: headline tables (optional), gate on ``limits``, by kind and tag, dev failures.

    ``depth`` is the level of the title heading (2 inside the suite's report). Failures are listed for the dev
    split only: test questions are reported in aggregate, never read one by one.
    """
    by_id = {g.id: g for g in gold}
    configs = metrics["configs"]
    h1, h2 = "#" * depth, "#" * (depth + 1)
    lines = [
        f"{h1} {title}",
        "",
        f"Generated {metrics['generated']} from `{metrics['gold']}` ({metrics['questions']} questions; "
        f"dev {metrics['split_sizes']['dev']}, test {metrics['split_sizes']['test']}; split rule: {metrics['split_rule']}).",
        "",
    ]
    for split in ("test", "dev", "all") if headlines else ():
        lines += [f"{h2} Headline metrics — {split} split", ""]
        rows = []
        for name, c in configs.items():
            if "skipped" in c:
                rows.append([name, f"skipped: {c['skipped']}"] + [None] * (len(HEADLINE) - 1))
                continue
            s = c["splits"][split]
            rows.append([f"{name} ({c['mode']})", *[s.get(k) for k in HEADLINE]])
        lines += md_table(["config", *HEADLINE], rows)
        twins = [(n, c["splits"][split]["twins"]) for n, c in configs.items() if "skipped" not in c]
        if any(t["pairs"] for _, t in twins):
            lines += [
                "",
                "Unaccented twins (hit@1 of questions typed without diacritics vs their accented originals):",
                "",
            ]
            lines += md_table(["config", "pairs", "accented", "unaccented", "gap (points)"],
                            [[n, t["pairs"], t["accented_hit@1"], t["unaccented_hit@1"], t["gap_points"]] for n, t in twins])  # fmt: skip
        lines.append("")
    if chart_name:
        lines += [f"![configurations compared]({chart_name})", ""]
    main = (
        "default"
        if "default" in configs and "skipped" not in configs["default"]
        else next((n for n, c in configs.items() if "skipped" not in c), None)
    )
    # CI gates the offline default (no model: lexical); with a model configured, "default" is another mode
    gated = [main] if main else []
    offline = configs.get("lexical", {})
    if main and configs[main]["mode"] != "lexical" and offline and "skipped" not in offline:
        gated.append("lexical")
    for name in gated if limits is not None else ():
        c = configs[name]
        ci = c["mode"] == "lexical" and limits is THRESHOLDS  # the offline default, gated by CI on THRESHOLDS
        label = f"{name} ({c['mode']})" + (", the offline default CI gates" if ci else "")
        lines += [f"{h2} {limits_title} — {label}, test split", ""]
        lines += md_table(["metric", "threshold", "measured", "met"],
                        [[n, f"{op} {limit}", got, "yes" if ok else "**no**"] for n, op, limit, got, ok in gate(c["splits"]["test"], limits or {})])  # fmt: skip
        lines.append("")
    if main:
        c = configs[main]
        lines += [f"{h2} By kind — {main}, dev split", ""]
        lines += md_table(["kind", "n", "hit@1", "hit@3", "must_include", "abstention", "false abstain", "legal P", "legal R"],
                        [[k, v["questions"], v["hit@1"], v["hit@3"], v["must_include"], v["abstention_accuracy"], v["false_abstain_rate"],
                          v["legal_precision"], v["legal_recall"]] for k, v in c["by_kind"].get("dev", {}).items() if v["questions"]])  # fmt: skip
        lines += ["", f"{h2} By tag — {main}, all questions", ""]
        lines += md_table(["tag", "n", "hit@1", "hit@3", "must_include", "false abstain"],
                        [[t, v["questions"], v["hit@1"], v["hit@3"], v["must_include"], v["false_abstain_rate"]] for t, v in c["by_tag"]["all"].items()])  # fmt: skip
        failures = [
            q for q in metrics["per_question"][main] if q["failed"] and not q["skipped"] and q["split"] == "dev"
        ]
        hidden = sum(
            1 for q in metrics["per_question"][main] if q["failed"] and not q["skipped"] and q["split"] == "test"
        )
        lines += ["", f"{h2} Failures — {main}, dev split ({len(failures)})", ""]
        if hidden:
            lines += [f"The test split's {hidden} failures are not listed: test questions are not read one by one.", ""]
        for q in failures:
            g = by_id[q["id"]]
            expected = ", ".join(f"{c.doc_id} {c.section}" for c in g.citations) or "refusal"
            got = ", ".join(f"{c['doc_id']} {c['section']}" for c in q["citations"][:3]) or (
                "refusal" if q["refused"] else "no citation"
            )
            lines += [f"- **{q['id']}** ({q['kind']}, {q['split']}) {q['question']}",
                      f"  - expected: {expected}" + (f"; must include: {', '.join(g.must_include)}" if g.must_include else "")
                      + (f"; legal bases: {', '.join(g.legal_bases)}" if g.legal_bases else ""),
                      f"  - got: {got}" + (f"; legal bases: {', '.join(q['legal_bases'])}" if q["legal_bases"] else ""),
                      f"  - failed: {'; '.join(q['failed'])}"]  # fmt: skip
        skipped = [q for q in metrics["per_question"][main] if q["skipped"]]
        if skipped:
            lines += [
                "",
                f"Skipped ({len(skipped)}): " + ", ".join(f"{q['id']} ({q['skipped']})" for q in skipped[:20]),
            ]
    return "\n".join(lines) + "\n"


def draw_chart(metrics: dict[str, Any], path: Path, split: str = "test") -> bool:
    """Grouped bars: each configuration (baseline included) on the chart metrics of one split."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    configs = [(n, c) for n, c in metrics["configs"].items() if "skipped" not in c]
    if not configs:
        return False
    fig, ax = plt.subplots(figsize=(11, 4.8), dpi=110)
    width = 0.8 / len(configs)
    for i, (name, c) in enumerate(configs):
        values = [c["splits"][split].get(k) or 0.0 for k in CHART]
        xs = [j + i * width for j in range(len(CHART))]
        bars = ax.bar(xs, values, width, label=name)
        for x, v in zip(xs, values):
            ax.text(x, v + 0.01, f"{v:.2f}", ha="center", va="bottom", fontsize=7, rotation=90)
        _ = bars
    ax.set_xticks([j + width * (len(configs) - 1) / 2 for j in range(len(CHART))], CHART, fontsize=9)
    ax.set_ylim(0, 1.15)
    ax.set_ylabel("score")
    ax.set_title(
        f"cancu evaluation, {split} split ({metrics['split_sizes'].get(split, metrics['questions'])} questions)"
    )
    ax.legend(loc="upper center", ncol=len(configs), fontsize=8, bbox_to_anchor=(0.5, -0.08))
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def write_report(
    results: Sequence[ConfigResult], gold: Sequence[GoldItem], gold_path: Path, out_dir: Path
) -> dict[str, Path]:
    """Write metrics.json, report.md and chart.png into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    metrics = build_metrics(results, gold, gold_path)
    paths = {"metrics": out_dir / "metrics.json", "report": out_dir / "report.md", "chart": out_dir / "chart.png"}
    paths["metrics"].write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
    has_chart = draw_chart(metrics, paths["chart"])
    paths["report"].write_text(render_markdown(metrics, gold, "chart.png" if has_chart else None), encoding="utf-8")
    if not has_chart:
        paths.pop("chart")
    return paths
