"""The regression gate on the test split: the thresholds the retrieval and answer issues set, and the
floor of the last measured figures.

One place for them, read by the gate tests (tests/test_evals.py) and by the report (report.md says
which thresholds are met).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

#: metric -> (comparison, threshold): hit@1/hit@3 from retrieval; the rest from answers; the twin gap
#: (unaccented vs accented hit@1, in points) from retrieval.
THRESHOLDS: dict[str, tuple[str, float]] = {
    "hit@1": (">=", 0.90),
    "hit@3": (">=", 0.97),
    "must_include": (">=", 0.90),
    "abstention_accuracy": (">=", 1.0),
    "false_abstain_rate": ("<=", 0.02),
    "legal_recall": (">=", 0.95),
    "legal_precision": (">=", 0.90),
    "twin_gap_points": ("<=", 3.0),
}
_OPS: dict[str, Callable[[float, float], bool]] = {">=": operator.ge, "<=": operator.le}

#: The last measured figures of the default configuration (no model: lexical) on the test split, as a
#: ratchet: CI fails when a change makes any of them worse. Raise them when a change improves the split
#: (measured by `cancu eval --split test`, never tuned on); never lower them to let a change pass.
#: Measured 2026-11-22 at the final commit of that day (evals/reports/2026-11-22/).
FLOOR: dict[str, tuple[str, float]] = {
    "hit@1": (">=", 0.9808),
    "hit@3": (">=", 0.9808),
    "must_include": (">=", 1.0),
    "abstention_accuracy": (">=", 1.0),
    "false_abstain_rate": ("<=", 0.0),
    "legal_recall": (">=", 1.0),
    "legal_precision": (">=", 1.0),
    "twin_gap_points": ("<=", 0.0),
}


def gate(
    metrics: dict[str, Any], limits: dict[str, tuple[str, float]] = THRESHOLDS
) -> list[tuple[str, str, float, float | None, bool]]:
    """Each limit with the measured value and whether it is met (a missing value is not met)."""
    values = dict(metrics)
    values["twin_gap_points"] = (metrics.get("twins") or {}).get("gap_points")
    out = []
    for name, (op, limit) in limits.items():
        got = values.get(name)
        out.append((name, op, limit, got, got is not None and _OPS[op](got, limit)))
    return out


def unmet(metrics: dict[str, Any], limits: dict[str, tuple[str, float]] = THRESHOLDS) -> list[str]:
    """Human-readable list of the limits a run misses: "hit@3 0.904 < 0.97"."""
    flip = {">=": "<", "<=": ">"}
    return [f"{n} {got} {flip[op]} {limit}" for n, op, limit, got, ok in gate(metrics, limits) if not ok]
