"""Secrets never reach the logs: a handler filter that masks them in messages, arguments and tracebacks.

The bot token sits inside every Bot API URL (``/bot<token>/getUpdates``), and HTTP libraries put URLs in
their log lines and exception messages; an admin token could be echoed by a careless log call. Every
handler of the root logger gets this filter, and uvicorn logs through the root logger (``log_config=None``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

MASK = "***"


class RedactSecrets(logging.Filter):
    """Replace each secret by ``***`` in the rendered message and in any formatted traceback."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # every secret, however short (Settings refuses an admin token or webhook secret under 16 characters)
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def _mask(self, text: str) -> str:
        for s in self.secrets:
            text = text.replace(s, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg = self._mask(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self._mask(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self._mask(record.stack_info)
        return True


def redact_logs(secrets: Iterable[str], logger: logging.Logger | None = None) -> RedactSecrets:
    """Install the filter on every handler of ``logger`` (default: the root logger)."""
    flt = RedactSecrets(secrets)
    for handler in (logger or logging.getLogger()).handlers:
        handler.addFilter(flt)
    return flt
