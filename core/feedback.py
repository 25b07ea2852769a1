"""Feedback on answers (👍/👎 from the bot), and the answers the bot sent, in an SQLite file in the data folder.

The last vote of a user on a message wins. ``cancu eval --feedback`` reads the
👎 votes back as candidate gold lines for a person to review.

Both tables are bounded: rows older than ``retention_days`` go, and each table keeps at most ``max_rows``
(the newest), checked at open and every ``PRUNE_EVERY`` writes. An answer pruned away makes its buttons say
"this answer is old".
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    citations   TEXT NOT NULL,
    reason      TEXT,
    created_at  REAL NOT NULL,
    PRIMARY KEY (chat_id, message_id, user_id)
);
CREATE TABLE IF NOT EXISTS answers (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    answer      TEXT NOT NULL,
    created_at  REAL NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX IF NOT EXISTS answers_created ON answers (created_at);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at)
"""
TABLES = ("answers", "feedback")
PRUNE_EVERY = 100  # writes between two prunings
RETENTION_DAYS = 180.0
MAX_ROWS = 100_000


class FeedbackStore:
    """Votes on answers; one row per (chat, message, user), the last vote wins."""

    def __init__(
        self,
        path: Path,
        *,
        retention_days: float = RETENTION_DAYS,
        max_rows: int = MAX_ROWS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.retention_s = retention_days * 86400
        self.max_rows = max_rows
        self.clock = clock
        self._writes = 0
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._db.commit()
        self.prune()

    def prune(self) -> None:
        """Drop rows past the retention, then all but the newest ``max_rows`` of each table."""
        cutoff = self.clock() - self.retention_s
        with self._lock:
            for table in TABLES:  # names from the constant above, never from input
                self._db.execute(f"DELETE FROM {table} WHERE created_at < ?", (cutoff,))
                self._db.execute(
                    f"DELETE FROM {table} WHERE rowid NOT IN "
                    f"(SELECT rowid FROM {table} ORDER BY created_at DESC, rowid DESC LIMIT ?)",
                    (self.max_rows,),
                )
            self._db.commit()

    def count(self, table: str) -> int:
        """Rows in ``answers`` or ``feedback``."""
        if table not in TABLES:
            raise ValueError(table)
        with self._lock:
            return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def _wrote(self) -> None:
        self._writes += 1
        if self._writes % PRUNE_EVERY == 0:
            self.prune()

    def remember(self, chat_id: int, message_id: int, answer: dict[str, Any]) -> None:
        """Keep an answer sent to a chat, so its source buttons and votes work after a restart."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO answers (chat_id, message_id, answer, created_at) VALUES (?, ?, ?, ?)",
                (chat_id, message_id, json.dumps(answer, ensure_ascii=False), self.clock()),
            )
            self._db.commit()
        self._wrote()

    def recall(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT answer FROM answers WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def record(
        self,
        *,
        chat_id: int,
        message_id: int,
        user_id: int,
        vote: int,
        question: str,
        answer: str,
        citations: list[dict[str, Any]],
        reason: str | None = None,
    ) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO feedback (chat_id, message_id, user_id, vote, question, answer, citations, reason, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (chat_id, message_id, user_id) DO UPDATE SET vote = excluded.vote, "
                "reason = COALESCE(excluded.reason, feedback.reason), created_at = excluded.created_at",
                (
                    chat_id,
                    message_id,
                    user_id,
                    vote,
                    question,
                    answer,
                    json.dumps(citations, ensure_ascii=False),
                    reason,
                    self.clock(),
                ),
            )
            self._db.commit()
        self._wrote()

    def set_reason(self, *, chat_id: int, message_id: int, user_id: int, reason: str) -> bool:
        with self._lock:
            cur = self._db.execute(
                "UPDATE feedback SET reason = ? WHERE chat_id = ? AND message_id = ? AND user_id = ?",
                (reason, chat_id, message_id, user_id),
            )
            self._db.commit()
            return cur.rowcount > 0

    def rows(self, vote: int | None = None) -> list[dict[str, Any]]:
        query = (
            "SELECT chat_id, message_id, user_id, vote, question, answer, citations, reason, created_at FROM feedback"
        )
        args: tuple[Any, ...] = ()
        if vote is not None:
            query += " WHERE vote = ?"
            args = (vote,)
        with self._lock:
            cur = self._db.execute(query + " ORDER BY created_at", args)
            cols = [d[0] for d in cur.description]
            out = [dict(zip(cols, r)) for r in cur.fetchall()]
        for r in out:
            r["citations"] = json.loads(r["citations"])
        return out

    def close(self) -> None:
        with self._lock:
            self._db.close()
