"""Faults: SIGKILL in the middle of an ingest or an upload, then a restart.

After each kill: the previous index answers as before, no half-written document is visible (every
catalogued document has exactly its own units), no temporary file is left in the corpus folder, and
the next ingest or upload completes. Kill times are staggered so that they land in different phases.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks import synth
from retrieval.engine import build_engine
from tests.builders import make_docx
from tests.conftest import CORPUS, REPO, make_settings

QUESTION = "Phòng Công tác sinh viên trường Cao đẳng Lào Cai phải làm gì?"
PLAN = "kh-ubnd-kienhai-2026"
pytestmark = pytest.mark.slow


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({"CANCU_DATA_DIR": str(data), "CANCU_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1", **extra})
    return env


def _consistent(engine) -> None:
    """Every catalogued document has exactly the units of its current version; nothing else is stored; the term
    statistics count exactly the stored units."""
    from collections import Counter

    stored: dict[tuple[str, str], int] = {}
    for key in engine.store.unit_keys():
        stored[key] = stored.get(key, 0) + 1
    expected = {(d.doc_id, d.content_hash): len(engine.index.unitizer(d)) for d in engine.documents()}
    assert stored == expected
    df: Counter[int] = Counter()
    for _, (indices, _), _ in engine.store.units_with_vectors():
        df.update(set(indices))
    weights = engine.index.term_weights()
    assert weights.n == sum(stored.values()) and len(weights.df) == len(df)
    assert all(weights.df.get(t) == n for t, n in df.items())


def _answer(data: Path, corpus: Path | None = None) -> dict:
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(data, **({"corpus_dir": corpus} if corpus else {})), embedder=None)
    try:
        _consistent(engine)
        a = engine.ask(QUESTION)
        return {
            "answer": a.answer,
            "citations": [(c.doc_id, c.section) for c in a.citations],
            "docs": len(engine.documents()),
        }
    finally:
        engine.close()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid``."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _catalogued(data: Path) -> int:
    """Documents committed to the catalog, read from another process (SQLite, WAL)."""
    db = data / "catalog.sqlite"
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM docs").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("after", [1, 25, 50])
def test_sigkill_during_ingest(tmp_path: Path, after: int) -> None:
    """Kill `cancu ingest` once ``after`` documents of the batch are committed, while it writes the next."""
    from retrieval.engine import build_engine

    data = tmp_path / "data"
    engine = build_engine(make_settings(data), embedder=None)
    engine.ingest([CORPUS])
    before = engine.ask(QUESTION)
    old = engine.document(PLAN)
    engine.close()

    batch = tmp_path / "batch"
    synth.write(CORPUS, batch, 60, seed=1)  # a batch long enough to be killed inside
    (batch / f"{PLAN}.txt").write_text(old.text.replace("camera giám sát", "thiết bị báo cháy"), encoding="utf-8")
    proc = subprocess.Popen(  # chunks of 5 files: the kill lands between commits or inside one
        [sys.executable, "-m", "cli", "ingest", str(batch)],
        cwd=REPO,
        env=_env(data, CANCU_INGEST_CHUNK="5"),
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while _catalogued(data) < 5 + after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    workers = _children(proc.pid)
    assert workers, "the ingest ran without worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10  # its worker processes end with it
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()], "ingest workers outlived the killed ingest"

    restarted = _answer(data)  # restart: consistent, and the plans answer as before
    assert (restarted["answer"], restarted["citations"]) == (
        before.answer,
        [(c.doc_id, c.section) for c in before.citations],
    )
    assert 5 + after <= restarted["docs"] < 5 + 60  # the kill landed inside the batch
    engine = build_engine(make_settings(data), embedder=None)
    try:
        plan = engine.document(PLAN)
        text = plan.text
        assert ("camera giám sát" in text) != ("thiết bị báo cháy" in text)  # one version, never a mix
        report = engine.ingest([batch])  # the next ingest completes
        assert not report.errors
        assert len(engine.documents()) == 5 + 60
        assert "thiết bị báo cháy" in engine.document(PLAN).text
        _consistent(engine)
    finally:
        engine.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(data: Path, corpus: Path, port: int) -> subprocess.Popen:
    env = _env(data, CANCU_CORPUS_DIR=str(corpus), CANCU_ADMIN_TOKEN="fault-admin-token", CANCU_PORT=str(port))
    proc = subprocess.Popen([sys.executable, "-m", "cli", "serve"], cwd=REPO, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("cancu serve did not start")


def _multipart(name: str, data: bytes) -> tuple[bytes, bytes]:
    boundary = b"----cancu-fault-boundary"
    body = (
        b"--" + boundary + b"\r\n"
        b'Content-Disposition: form-data; name="file"; filename="' + name.encode() + b'"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n--" + boundary + b"--\r\n"
    )
    return boundary, body


@pytest.mark.parametrize(("sent", "wait"), [(0.5, 0.3), (1.0, 0.0), (1.0, 0.3)])
def test_sigkill_during_upload(tmp_path: Path, sent: float, wait: float) -> None:
    """Kill the server while an upload's body is arriving, as soon as it has arrived, or a little later."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in CORPUS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    data = tmp_path / "data"
    from retrieval.engine import build_engine

    engine = build_engine(make_settings(data, corpus_dir=corpus), embedder=None)
    engine.ingest([corpus])
    engine.close()
    before = _answer(data, corpus)
    files_before = {p.name: p.read_bytes() for p in corpus.iterdir()}

    new_text = (CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8").replace("camera giám sát", "thiết bị báo cháy")
    boundary, body = _multipart(f"{PLAN}.docx", make_docx(new_text))
    port = _free_port()
    server = _serve(data, corpus, port)
    try:
        with socket.create_connection(("127.0.0.1", port)) as sock:
            head = (
                f"POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer fault-admin-token\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary.decode()}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode()
            cut = int(len(body) * sent)
            sock.sendall(head + body[:cut])
            time.sleep(wait)
            server.send_signal(signal.SIGKILL)
            server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()

    after = _answer(data, corpus)  # restart settles the interrupted upload
    assert not list(corpus.glob(".upload-*")), "no temporary file is left in the corpus folder"
    assert after["citations"] == before["citations"] and after["docs"] == before["docs"]
    files_after = {p.name: p.read_bytes() for p in corpus.iterdir()}
    engine = build_engine(make_settings(data, corpus_dir=corpus), embedder=None)
    try:
        indexed_new = "thiết bị báo cháy" in engine.document(PLAN).text
        if indexed_new:  # the index took the new version: the corpus folder holds it
            assert f"{PLAN}.docx" in files_after and f"{PLAN}.txt" not in files_after
        else:  # it did not: the folder is exactly as before
            assert files_after == files_before
        doc, status = engine.add_upload(f"{PLAN}.docx", make_docx(new_text))  # the next upload completes
        assert status in ("updated", "unchanged") and "thiết bị báo cháy" in doc.text
        assert sorted(p.name for p in corpus.iterdir()) == sorted({*files_before} - {f"{PLAN}.txt"} | {f"{PLAN}.docx"})
        _consistent(engine)
    finally:
        engine.close()


def test_an_upload_interrupted_after_indexing_is_completed_at_restart(tmp_path: Path) -> None:
    """The narrow window: the index switched to the new version, the file had not taken its name yet."""
    from ingest.pipeline import parse_bytes
    from retrieval.engine import build_engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{PLAN}.txt").write_bytes((CORPUS / f"{PLAN}.txt").read_bytes())
    settings = make_settings(tmp_path / "data", corpus_dir=corpus)
    engine = build_engine(settings, embedder=None)
    engine.ingest([corpus])
    new = make_docx((CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8").replace("camera giám sát", "drone"))
    engine.put(parse_bytes(f"{PLAN}.docx", new))
    (corpus / f".upload-{PLAN}.{'0' * 32}.docx.tmp").write_bytes(new)  # as the crash left it
    (corpus / f".upload-other.{'1' * 32}.txt.tmp").write_bytes(b"never indexed")
    engine.close()

    engine = build_engine(settings, embedder=None)
    try:
        assert sorted(p.name for p in corpus.iterdir()) == [f"{PLAN}.docx"]
        assert (corpus / f"{PLAN}.docx").read_bytes() == new and "drone" in engine.document(PLAN).text
    finally:
        engine.close()


def _tmpfs_works(where: Path) -> str | None:
    """Why a private tmpfs cannot be mounted here (root or user namespaces are needed), or None."""
    where.mkdir()
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs {where} && umount {where}"],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if probe.returncode == 0 else f"cannot mount a private tmpfs: {probe.stderr.strip()[:200]}"


def test_a_restart_on_a_full_data_disk_is_one_clear_error_and_keeps_the_store(tmp_path: Path) -> None:
    """Issue 22: with the data folder's disk full, every command that opened the store died of SIGBUS inside
    Qdrant Edge (no message), or moved the healthy store aside as damaged. Now: one line saying how much space
    is needed, the store untouched, and the same command answers once space is freed."""

    disk = tmp_path / "disk"
    why = _tmpfs_works(disk)
    if why:
        pytest.skip(why)
    data = tmp_path / "built"
    engine = build_engine(make_settings(data), embedder=None)
    engine.ingest([CORPUS / "kh-pgddt-mytu-2025.txt"])
    engine.close()
    ask = f"{sys.executable} -m cli ask 'Mỹ Tú phối hợp với ai?'"
    script = f"""
        mount -t tmpfs -o size=300m tmpfs {disk} && cp -r {data} {disk}/data || exit 90
        free=$(df -k --output=avail {disk} | tail -1)
        dd if=/dev/zero of={disk}/fill bs=1k count=$((free - 1024)) 2>/dev/null
        {ask} > {tmp_path}/full.out 2> {tmp_path}/full.err; echo $? > {tmp_path}/full.rc
        ls {disk}/data > {tmp_path}/full.ls
        rm {disk}/fill
        {ask} > {tmp_path}/freed.out 2> {tmp_path}/freed.err; echo $? > {tmp_path}/freed.rc
    """
    run = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        env=_env(disk / "data"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    err = (tmp_path / "full.err").read_text().strip().splitlines()
    assert (tmp_path / "full.rc").read_text().strip() == "1", err
    assert len(err) == 1 and err[0].startswith(f"cancu: error: cannot open the store {disk}/data/edge: its disk has ")
    assert "MB more as they are read and written; free space on that disk" in err[0]
    assert (tmp_path / "full.ls").read_text().split() == ["catalog.sqlite", "edge"]  # nothing moved aside
    assert (tmp_path / "freed.rc").read_text().strip() == "0", (tmp_path / "freed.err").read_text()
    assert "Kế hoạch Mỹ Tú 2025 ·" in (tmp_path / "freed.out").read_text()


def test_a_failed_record_of_writes_in_flight_leaves_the_catalog_writable(tmp_path: Path) -> None:
    """A write of the pending table that fails part-way (a full disk, here a value SQLite cannot store) is
    rolled back: the next write works instead of failing "cannot start a transaction within a transaction"."""
    from core.errors import StoreError
    from retrieval.catalog import Catalog

    catalog = Catalog(tmp_path / "catalog.sqlite")
    try:
        with pytest.raises(StoreError):
            catalog.begin_pending([("a", "h1", ["u1"], []), ({"not": "storable"}, "h2", ["u2"], [])])  # type: ignore[list-item]
        assert catalog.pending() == []  # all or nothing: the first row was not kept either
        catalog.begin_pending([("b", "h3", ["u3"], [])])
        assert catalog.pending() == [("b", "h3", ["u3"], [])]
    finally:
        catalog.close()
