"""Write a suite run: metrics.json, report.md (one table per set, configurations side by side) and a chart with
the sets side by side; and the terminal table (one row per configuration, set and split, within 80 columns)."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.gate import FLOOR, FLOOR_WIDE, THRESHOLDS, THRESHOLDS_WIDE, Limits, gate, unset
from evals.report import build_metrics, md_table, render_markdown
from evals.run import ConfigResult
from evals.suite import HELD_OUT_LABEL, HELD_OUT_SET, SuitePlan

SPLITS = ("dev", "test")
#: terminal heading -> metric, narrow enough for 80 columns
TERMINAL = (("h@1", "hit@1"), ("h@3", "hit@3"), ("must", "must_include"), ("oos", "abstention_accuracy"),
            ("FA", "false_abstain_rate"), ("legP", "legal_precision"), ("legR", "legal_recall"),
            ("p50", "latency_p50_ms"))  # fmt: skip
LEGEND = "oos: out of scope, refused; FA: false refusals; leg: legal bases; p50: ms"
#: report.md heading -> metric
COLUMNS = (("hit@1", "hit@1"), ("hit@3", "hit@3"), ("MRR", "mrr"), ("must_include", "must_include"),
           ("OOS refused", "abstention_accuracy"), ("false refusals", "false_abstain_rate"),
           ("legal P", "legal_precision"), ("legal R", "legal_recall"), ("p50 ms", "latency_p50_ms"))  # fmt: skip
CHART = (("hit@1", "hit@1"), ("hit@3", "hit@3"), ("must", "must_include"), ("OOS refused", "abstention_accuracy"),
         ("legal R", "legal_recall"))  # fmt: skip
#: per set: the issue's thresholds shown in its details (with their heading), and the floor CI keeps on its test split
LIMITS: dict[str, tuple[Limits, str, Limits]] = {
    "original": (THRESHOLDS, "Regression gate", FLOOR),
    "wide": (THRESHOLDS_WIDE, "Issue 19's targets (shown, not gated)", FLOOR_WIDE),
}
READING = "each such run is a reading of the test split; read them rarely"


def build_suite_metrics(results: Sequence[ConfigResult], plan: SuitePlan) -> dict[str, Any]:
    """The whole run: configurations, store, each set's metrics (as a one-set report), the held-out figure."""
    out: dict[str, Any] = {
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "test_split_figures_shown": plan.shows_test,
        "split_filter": plan.split,
        "store": {"paths": [str(p) for p in plan.docs], "missing": [str(p) for p in plan.missing_docs]},
        "configs": {},
        "sets": {},
        "skipped_sets": dict(plan.skipped_sets),
    }
    for r in results:
        out["configs"][r.name] = (
            {"skipped": r.skipped}
            if r.skipped
            else {"mode": r.mode, "ingest_seconds": r.ingest_seconds, "ask_seconds": r.ask_seconds,
                  "documents": len(r.documents)}
        )  # fmt: skip
    for s in plan.sets:
        if s.name in plan.gold:
            m = build_metrics(results, plan.gold[s.name], s.path, set_name=s.name, split_rule=s.split_rule)
            out["sets"][s.name] = {"about": s.about, "split_by": s.split_by, **m}
    held = out["sets"].get(HELD_OUT_SET)
    if held and plan.shows_test and held["split_sizes"]["test"]:
        figures = {n: c["splits"]["test"] for n, c in held["configs"].items() if "skipped" not in c}
        out["leave_documents_out"] = {"label": HELD_OUT_LABEL, "set": HELD_OUT_SET, "split": "test",
                                      "configs": figures, "hit@3_points_over_bm25": _points_over(figures, "hit@3")}  # fmt: skip
    return out


def _points_over(figures: dict[str, Any], metric: str) -> float | None:
    a, b = (figures.get(n, {}).get(metric) for n in ("default", "bm25"))
    return round((a - b) * 100, 1) if a is not None and b is not None else None


# ---------------------------------------------------------------- terminal


def _short(v: Any, key: str) -> str:
    if v is None:
        return "–"
    if key == "latency_p50_ms":
        return f"{v:.1f}" if v < 100 else f"{v:.0f}"
    text = f"{v:.3f}"
    return text[1:] if text.startswith("0.") else text[:4]  # ".981", "1.00"


def terminal_table(metrics: dict[str, Any], width: int = 80) -> list[str]:
    """One row per (configuration, set, split) with a question in it; a skipped configuration is one row."""
    header = ["config", "set", "split", "n", *[h for h, _ in TERMINAL]]
    rows: list[list[str]] = []
    for name, c in metrics["configs"].items():
        if "skipped" in c:
            rows.append([name[:8], f"skipped: {c['skipped']}"])
            continue
        for set_name, s in metrics["sets"].items():
            for split in SPLITS:
                if not s["split_sizes"][split]:
                    continue
                f = s["configs"][name]["splits"][split]
                rows.append([name[:8], set_name[:8], split, str(f["questions"]), *[_short(f.get(k), k) for _, k in TERMINAL]])  # fmt: skip
    full = [r for r in rows if len(r) == len(header)]
    widths = [max(len(r[i]) for r in [header, *full]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        if len(r) < len(header):  # a skipped configuration: its reason, cut to the width
            lines.append(f"{r[0]:<{widths[0]}}  {r[1]}"[:width])
            continue
        cells = [f"{v:<{w}}" if i < 3 else f"{v:>{w}}" for i, (v, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return lines


def terminal_notes(metrics: dict[str, Any]) -> list[str]:
    """The lines under the table: legend, the held-out figure against BM25, skipped sets, test readings."""
    lines = [LEGEND]
    lod = metrics.get("leave_documents_out")
    if lod:
        d, b = (lod["configs"].get(n, {}).get("hit@3") for n in ("default", "bm25"))
        pts = lod["hit@3_points_over_bm25"]
        lines.append(f"{lod['label']}: default h@3 {_short(d, 'hit@3')}, bm25 {_short(b, 'hit@3')}"
                     + (f" ({pts:+.1f} pts)" if pts is not None else ""))  # fmt: skip
    lines += [f"set {n}: skipped, {why}" for n, why in metrics["skipped_sets"].items()]
    lines += [f"documents: {p} not found, skipped" for p in metrics["store"]["missing"]]
    if metrics["test_split_figures_shown"]:
        lines.append(f"test split figures shown ({READING})")
    return [w for line in lines for w in textwrap.wrap(line, 80, subsequent_indent="  ", break_long_words=False)]


# ---------------------------------------------------------------- report.md


def _set_table(s: dict[str, Any]) -> list[str]:
    rows = []
    for name, c in s["configs"].items():
        if "skipped" in c:
            rows.append([name, f"skipped: {c['skipped']}", *[None] * (len(COLUMNS) + 1)])
            continue
        for split in SPLITS:
            if s["split_sizes"][split]:
                f = c["splits"][split]
                rows.append([f"{name} ({c['mode']})", split, f["questions"], *[f.get(k) for _, k in COLUMNS]])
    return md_table(["config", "split", "n", *[h for h, _ in COLUMNS]], rows)


def _floor_lines(name: str, floor: Limits, measured: dict[str, Any] | None) -> list[str]:
    label = "FLOOR" if floor is FLOOR else "FLOOR_WIDE"
    lines = [f"`evals/gate.py` `{label}`, set {name}, test split, default configuration:", ""]
    if floor is FLOOR:  # the gate test's own store is smaller than this run's
        lines += ["CI measures this floor in a store of the five plans and Thông tư 124; this run's store holds "
                  "every document, so a figure here may differ from the gate's without either being wrong.", ""]  # fmt: skip
    if measured is None:
        return [*lines, "not measured in this run.", ""]
    if unset(floor):
        lines += ["Not set yet (set from the first measured run at the final commit); CI skips this gate.", ""]
    rows = [[n, "not set" if limit is None else f"{op} {limit}", got, "–" if limit is None else ("yes" if ok else "**no**")]
            for n, op, limit, got, ok in gate(measured, floor)]  # fmt: skip
    return [*lines, *md_table(["metric", "floor", "measured", "met"], rows), ""]


def render_suite_markdown(metrics: dict[str, Any], plan: SuitePlan, chart_name: str | None) -> str:
    """The suite's report: what was run, the held-out figure, one table per set, floors, then each set's details."""
    store = metrics["store"]
    lines = ["# cancu evaluation report", "", f"Generated {metrics['generated']}. One store per configuration, "
             f"holding every document at once ({', '.join(f'`{p}`' for p in store['paths'])}), as a deployment would."]  # fmt: skip
    lines += [f"`{p}` was not found and is not in the store." for p in store["missing"]]
    lines += ["", *md_table(
        ["config", "mode", "documents", "ingest s", "answering s"],
        [[n, c.get("mode", f"skipped: {c.get('skipped')}"), c.get("documents"), c.get("ingest_seconds"),
          c.get("ask_seconds")] for n, c in metrics["configs"].items()],
    )]  # fmt: skip
    shown = "yes" if metrics["test_split_figures_shown"] else "no"
    lines += ["", f"**Test split figures shown: {shown}** (`--split {metrics['split_filter']}`; {READING}).", ""]
    lines += [f"Set {n} skipped: {why}." for n, why in metrics["skipped_sets"].items()]
    lod = metrics.get("leave_documents_out")
    if lod:
        lines += ["", f"## Leave-documents-out: {lod['label']}", "",
                  f"The {lod['set']} set is split by document, so its test split holds only questions about "
                  "documents never used for tuning.", ""]  # fmt: skip
        lines += md_table(["config", "n", *[h for h, _ in COLUMNS]],
                        [[n, f["questions"], *[f.get(k) for _, k in COLUMNS]] for n, f in lod["configs"].items()])  # fmt: skip
        if lod["hit@3_points_over_bm25"] is not None:
            lines += ["", f"hit@3, default minus bm25: {lod['hit@3_points_over_bm25']:+.1f} points."]
    for name, s in metrics["sets"].items():
        lines += ["", f"## Set {name}: {s['about']}", "",
                  f"`{s['gold']}`: {s['questions']} questions (dev {s['split_sizes']['dev']}, test "
                  f"{s['split_sizes']['test']}). Split rule: {s['split_rule']}.", ""]  # fmt: skip
        lines += _set_table(s)
        twins = [(n, c["splits"]["all"]["twins"]) for n, c in s["configs"].items() if "skipped" not in c]
        if any(t["pairs"] for _, t in twins):
            lines += [
                "",
                "Unaccented twins, both splits (hit@1 typed without diacritics vs the accented original):",
                "",
            ]
            lines += md_table(["config", "pairs", "accented", "unaccented", "gap (points)"],
                            [[n, t["pairs"], t["accented_hit@1"], t["unaccented_hit@1"], t["gap_points"]] for n, t in twins])  # fmt: skip
    if chart_name:
        lines += ["", f"![the sets side by side]({chart_name})"]
    floors = [(n, LIMITS[n][2]) for n in metrics["sets"] if n in LIMITS]
    if floors and metrics["test_split_figures_shown"] and "default" in metrics["configs"]:
        lines += ["", "## CI gate floors", "",
                  "CI measures the original set in a store of the five plans and Thông tư 124; this run's store holds "
                  "every document, so its original figures can differ from CI's.", ""]  # fmt: skip
        for name, floor in floors:
            measured = metrics["sets"][name]["configs"].get("default", {}).get("splits", {}).get("test")
            lines += _floor_lines(name, floor, measured)
    for name, s in metrics["sets"].items():
        limits, title, _ = LIMITS.get(name, (None, "", None))
        detail = render_markdown(s, plan.gold[name], None, title=f"Details: {name}", depth=2, headlines=False,
                                 limits=limits if metrics["test_split_figures_shown"] else None, limits_title=title)  # fmt: skip
        lines += ["", detail.rstrip()]
    return "\n".join(lines) + "\n"


def draw_suite_chart(metrics: dict[str, Any], path: Path) -> bool:
    """A grid: one column per set, one row per split, grouped bars per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sets = list(metrics["sets"].items())
    configs = [n for n, c in metrics["configs"].items() if "skipped" not in c]
    splits = [sp for sp in SPLITS if any(s["split_sizes"][sp] for _, s in sets)]
    if not sets or not configs or not splits:
        return False
    fig, axes = plt.subplots(len(splits), len(sets), figsize=(4.6 * len(sets), 3.4 * len(splits)), dpi=110,
                             squeeze=False, sharey=True)  # fmt: skip
    width = 0.8 / len(configs)
    for row, split in enumerate(splits):
        for col, (set_name, s) in enumerate(sets):
            ax = axes[row][col]
            label = HELD_OUT_LABEL if (set_name, split) == (HELD_OUT_SET, "test") else f"{set_name}-{split}"
            ax.set_title(f"{label}, {s['split_sizes'][split]} questions", fontsize=9)
            for i, name in enumerate(configs):
                f = s["configs"][name]["splits"][split]
                values = [float("nan") if f.get(k) is None else f[k] for _, k in CHART]  # not measured: no bar
                ax.bar([j + i * width for j in range(len(CHART))], values, width, label=name)
            ax.set_xticks([j + width * (len(configs) - 1) / 2 for j in range(len(CHART))], [h for h, _ in CHART],
                          fontsize=7)  # fmt: skip
            ax.set_ylim(0, 1.05)
    axes[0][0].legend(fontsize=7, loc="lower left")
    fig.suptitle("cancu evaluation: the sets side by side (bars: configurations)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def write_suite_report(
    results: Sequence[ConfigResult], plan: SuitePlan, out_dir: Path
) -> tuple[dict[str, Path], dict[str, Any]]:
    """Write metrics.json, report.md and chart.png into ``out_dir``; return their paths and the metrics."""
    out_dir.mkdir(parents=True, exist_ok=True)
    metrics = build_suite_metrics(results, plan)
    paths = {"metrics": out_dir / "metrics.json", "report": out_dir / "report.md", "chart": out_dir / "chart.png"}
    paths["metrics"].write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
    has_chart = draw_suite_chart(metrics, paths["chart"])
    paths["report"].write_text(
        render_suite_markdown(metrics, plan, "chart.png" if has_chart else None), encoding="utf-8"
    )
    if not has_chart:
        paths.pop("chart")
    return paths, metrics
