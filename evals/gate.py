"""The regression gate on the test splits: the thresholds the issues set, and the floors of the last measured
figures, for the original gold set (store: the five plans and Thông tư 124) and the wide one (store: every
document at once).

One place for them, read by the gate tests (tests/test_evals.py) and by the report (report.md says
which thresholds are met).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

#: metric -> (comparison, limit); a limit of None is not measured yet.
Limits = dict[str, tuple[str, float | None]]

#: metric -> (comparison, threshold): hit@1/hit@3 from retrieval; the rest from answers; the twin gap
#: (unaccented vs accented hit@1, in points) from retrieval.
THRESHOLDS: Limits = {
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

#: The last measured figures of the default configuration (no model: lexical) on the original gold set's test
#: split, in a store of the five plans and Thông tư 124 (the gate test's store), as a ratchet: CI fails when a
#: change makes any of them worse. Raise them when a change improves the split (measured, never tuned on);
#: never lower them to let a change pass.
#:
#: Re-based once, on 2026-12-02, and only because the layer measured changed: issue 19 removed the answer layer
#: that was tuned question by question on these five plans (rules naming their units and programmes) and put
#: general strategies in its place. The general layer is lower on this split (GOAL_ORIGINAL, the old floor,
#: beside it); issue 19's "no figure below today's" is not met and its note says so. Measured at the final
#: commit of 2026-12-02 (read by CI at d51a6b6 and again at 987c0fc: the same figures).
FLOOR: Limits = {
    "hit@1": (">=", 0.9038),
    "hit@3": (">=", 0.9615),
    "must_include": (">=", 0.9661),
    "abstention_accuracy": (">=", 0.8),
    "false_abstain_rate": ("<=", 0.0385),
    "legal_recall": (">=", 0.9333),
    "legal_precision": (">=", 0.6087),
    "twin_gap_points": ("<=", 0.0),
}

#: The floor before the re-basing (measured 2026-11-22 with the tuned layer, evals/reports/2026-11-22/): issue
#: 19's goal for the original gold set. Shown in the report; the metrics of it not met yet are KNOWN_UNMET.
GOAL_ORIGINAL: Limits = {
    "hit@1": (">=", 0.9808),
    "hit@3": (">=", 0.9808),
    "must_include": (">=", 1.0),
    "abstention_accuracy": (">=", 1.0),
    "false_abstain_rate": ("<=", 0.0),
    "legal_recall": (">=", 1.0),
    "legal_precision": (">=", 1.0),
    "twin_gap_points": ("<=", 0.0),
}

#: The issues' thresholds (THRESHOLDS) the general layer does not meet on the original test split yet, with the
#: figures measured (test split read as a whole, never question by question; the dev split's figure beside it).
#: The gate test expects each to fail, strictly (one that starts passing fails the test until it is removed
#: from here), and holds every other threshold.
#: hit@3 and false_abstain_rate left this list on 2026-12-02 (fourth session), when the strict markers turned CI
#: red on 96b72b2: the gate holds them to THRESHOLDS again. legal_recall left it on 2026-12-06 (thirty-sixth
#: session), when its strict marker turned the gate red on the texts a section cites (``answers/cited_for``) and
#: a number's own year giving its date: the gate holds it to 0.95 again.
KNOWN_UNMET: dict[str, str] = {
    "abstention_accuracy": "test 0.8 < 1.0 (dev 0.833)",
    "legal_precision": "test 0.609 < 0.90 (dev 0.95)",
}

#: Issue 19's "done when" on wide-test (documents never tuned on), every document in one store, default offline
#: mode. Shown in the report, not gated by CI.
THRESHOLDS_WIDE: Limits = {
    "hit@1": (">=", 0.85),
    "hit@3": (">=", 0.93),
    "must_include": (">=", 0.85),
    "abstention_accuracy": (">=", 0.95),
    "false_abstain_rate": ("<=", 0.03),
}

#: The ratchet on wide-test, as FLOOR: the default configuration (no model: lexical), the wide gold set's test
#: split (documents never tuned on), every document (corpus, ../shared/directives, ../shared/wide/docs) in one
#: store. Measured 2026-12-03 at commit f2be50f (`cancu eval`; the README's evaluation section); raised from the
#: 2026-12-02 reading at 987c0fc (hit@1 0.7913, hit@3 0.8783, must_include 0.788); must_include raised from 0.8098
#: by the ninth reading (2026-12-03, fe22758), every other figure the same. Issue 19's
#: targets (THRESHOLDS_WIDE) are above it: not met yet.
FLOOR_WIDE: Limits = {
    "hit@1": (">=", 0.8435),
    "hit@3": (">=", 0.887),
    "must_include": (">=", 0.8207),
    "abstention_accuracy": (">=", 0.6667),
    "false_abstain_rate": ("<=", 0.0435),
    "legal_recall": (">=", 0.6731),
    "legal_precision": (">=", 0.9211),
    "twin_gap_points": ("<=", 0.0),
}


def unset(limits: Limits) -> list[str]:
    """The limits not measured yet (None): a gate with any of them cannot be applied."""
    return [name for name, (_, limit) in limits.items() if limit is None]


def gate(metrics: dict[str, Any], limits: Limits = THRESHOLDS) -> list[tuple[str, str, float | None, Any, bool]]:
    """Each limit with the measured value and whether it is met (a missing value or an unset limit is not met)."""
    values = dict(metrics)
    values["twin_gap_points"] = (metrics.get("twins") or {}).get("gap_points")
    out = []
    for name, (op, limit) in limits.items():
        got = values.get(name)
        out.append((name, op, limit, got, got is not None and limit is not None and _OPS[op](got, limit)))
    return out


def unmet(metrics: dict[str, Any], limits: Limits = THRESHOLDS) -> list[str]:
    """Human-readable list of the limits a run misses: "hit@3 0.904 < 0.97"."""
    flip = {">=": "<", "<=": ">"}
    return [f"{n} {got} {flip[op]} {limit}" for n, op, limit, got, ok in gate(metrics, limits) if not ok]
