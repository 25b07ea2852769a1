"""Secrets stay secret: tokens never reach a log line or an error body, even at DEBUG and in tracebacks."""

from __future__ import annotations

import io
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from core.logsafe import RedactSecrets, redact_logs
from tests.conftest import CORPUS, REPO, make_settings
from tests.fakes import FakeTelegram

BOT_TOKEN = "424242:AAH-secret-bot-token-value"
ADMIN_TOKEN = "admin-token-never-logged"


def test_the_filter_masks_messages_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets([BOT_TOKEN, ADMIN_TOKEN]))
    log = logging.getLogger("cancu.test.redact")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("GET https://api.telegram.org/bot%s/getMe", BOT_TOKEN)
        log.warning(f"compared with {ADMIN_TOKEN}")
        try:
            raise ConnectionError(f"cannot reach https://api.telegram.org/bot{BOT_TOKEN}/getUpdates")
        except ConnectionError:
            log.exception("polling failed")
    finally:
        log.removeHandler(handler)
    out = stream.getvalue()
    assert BOT_TOKEN not in out and ADMIN_TOKEN not in out
    assert out.count("***") == 3 and "ConnectionError: cannot reach https://api.telegram.org/bot***/getUpdates" in out


@pytest.mark.parametrize("field", ["admin_token", "telegram_secret"])
def test_an_admin_token_or_webhook_secret_needs_16_characters(tmp_path: Path, field: str) -> None:
    with pytest.raises(ValidationError, match=r"must be at least 16 characters \(e\.g\. `openssl rand -hex 24`\)"):
        make_settings(tmp_path, **{field: "x" * 15})
    assert make_settings(tmp_path, **{field: "x" * 16}).secret_values() == ["x" * 16]


def test_a_three_character_secret_is_masked_in_a_log_line(tmp_path: Path) -> None:
    """Secrets that may be short (an LLM or Qdrant key, a bot token) are masked whatever their length."""
    settings = make_settings(tmp_path, llm_api_key="k3y", qdrant_api_key="q-api")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    log = logging.getLogger("cancu.test.short")
    log.addHandler(handler)
    log.propagate = False
    try:
        redact_logs(settings.secret_values(), log)
        log.warning("POST /v1/chat/completions with key %s, then Qdrant with %s", "k3y", "q-api")
    finally:
        log.removeHandler(handler)
    assert stream.getvalue() == "POST /v1/chat/completions with key ***, then Qdrant with ***\n"


@pytest.mark.slow
def test_the_running_bot_and_server_never_log_their_tokens(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({"CANCU_DATA_DIR": str(data), "CANCU_LOG_LEVEL": "DEBUG", "HF_HUB_OFFLINE": "1"})
    subprocess.run(
        [sys.executable, "-m", "cli", "ingest", str(CORPUS)], cwd=REPO, env=env, check=True, capture_output=True
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with FakeTelegram.serve() as tg:
        env.update({
            "CANCU_TELEGRAM_TOKEN": BOT_TOKEN, "CANCU_TELEGRAM_API_BASE": tg.base_url,
            "CANCU_ADMIN_TOKEN": ADMIN_TOKEN, "CANCU_PORT": str(port),
        })  # fmt: skip
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli", "serve"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            tg.push_message(chat_id=5, user_id=9, text="Phòng Công tác sinh viên phải làm gì?")
            tg.wait_for("sendMessage", chat_id=5, timeout=60)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                for _ in range(100):
                    try:
                        http.get("/healthz")
                        break
                    except httpx.TransportError:
                        time.sleep(0.2)
                wrong = http.post("/reindex", headers={"Authorization": "Bearer guess"})
                assert wrong.status_code == 401
                assert ADMIN_TOKEN not in wrong.text and "guess" not in wrong.text
                missing = http.delete("/documents/kh-ubnd-kienhai-2026")
                assert missing.status_code == 401 and ADMIN_TOKEN not in missing.text
        finally:
            proc.send_signal(signal.SIGTERM)
            out, _ = proc.communicate(timeout=30)
    log = out.decode("utf-8", "replace")
    assert "getUpdates" in log or "sendMessage" in log or "DEBUG" in log  # DEBUG logging was really on
    assert BOT_TOKEN not in log and BOT_TOKEN.split(":")[1] not in log
    assert ADMIN_TOKEN not in log
