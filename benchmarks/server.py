"""A `cancu serve` process on a free loopback port, for the benchmark, the soak script and fault tests."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(data_dir: Path | None = None, **settings: str) -> dict[str, str]:
    """The environment without the caller's CANCU_* settings, plus the given ones (``port="8001"``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({"HF_HUB_OFFLINE": "1", "CANCU_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO)})
    if data_dir is not None:
        env["CANCU_DATA_DIR"] = str(data_dir)
    env.update({f"CANCU_{k.upper()}": v for k, v in settings.items()})
    return env


def _status(pid: int, field: str) -> float | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    m = re.search(rf"{field}:\s+(\d+) kB", text)
    return round(int(m.group(1)) / 1024, 1) if m else None


@dataclass
class Server:
    url: str
    proc: subprocess.Popen[bytes]

    def rss_mb(self) -> float | None:
        """Resident memory now."""
        return _status(self.proc.pid, "VmRSS")

    def peak_rss_mb(self) -> float | None:
        """Peak resident memory so far."""
        return _status(self.proc.pid, "VmHWM")


@contextmanager
def serve(data_dir: Path, *, timeout: float = 180, log: Path | None = None, **settings: str) -> Iterator[Server]:
    """Start `cancu serve` on loopback and wait until it accepts connections; stop it on exit.

    ``log``: where the server's stderr goes (default: discarded).
    """
    port = free_port()
    # every load client comes from loopback, one address: the per-client limit (held by tests/test_api_guard.py)
    # would measure itself, not the server
    settings = {"http_rate_limit": "0", **settings}
    env = clean_env(data_dir, port=str(port), host="127.0.0.1", **settings)
    sink = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=sink
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"cancu serve exited with {proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("cancu serve did not start in time") from None
                time.sleep(0.2)
        yield Server(f"http://127.0.0.1:{port}", proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            sink.close()  # type: ignore[union-attr]
