"""``cancu eval --feedback``: 👎 votes from the bot become candidate gold lines for a person to review."""

from __future__ import annotations

import json
from pathlib import Path

from core.errors import CancuError
from core.feedback import FeedbackStore


def feedback_candidates(db_path: Path, out_dir: Path) -> Path:
    """Write feedback-candidates.jsonl: one line per 👎 answer, in the gold format with review fields."""
    if not db_path.exists():
        raise CancuError(f"no feedback recorded yet ({db_path} does not exist)")
    store = FeedbackStore(db_path)
    try:
        rows = store.rows(vote=-1)
    finally:
        store.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "feedback-candidates.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            line = {
                "id": f"fb-{int(r['created_at'])}-{i}",
                "kind": "TODO",
                "question": r["question"],
                "citations": [],
                "must_include": [],
                "review": {
                    "answer_given": r["answer"],
                    "citations_given": [
                        {"doc_id": c.get("doc_id"), "section": c.get("section")} for c in r["citations"]
                    ],
                    "reason": r["reason"],
                    "note": "set kind, citations and must_include from the documents, then move into evals/gold.jsonl",
                },
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path
