"""`cancu serve` as a real process on a loopback port, spoken to over real HTTP; and the page in headless Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from tests.builders import make_docx
from tests.conftest import CORPUS, REPO

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("serve")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update(
        {
            "CANCU_DATA_DIR": str(root / "data"),
            "CANCU_CORPUS_DIR": str(corpus),
            "CANCU_ADMIN_TOKEN": "e2e-admin-token-1",
            "CANCU_LOG_LEVEL": "WARNING",
            "CANCU_HTTP_HEADER_TIMEOUT_S": "2",
        }
    )
    subprocess.run(
        [sys.executable, "-m", "cli", "ingest"], cwd=REPO, env=env, check=True, capture_output=True, timeout=120
    )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise AssertionError(f"server did not become ready: {proc.stderr.read().decode() if proc.stderr else ''}")
    yield base
    proc.send_signal(signal.SIGTERM)  # a graceful stop: uvicorn shuts down, then re-raises the signal
    try:
        assert proc.wait(timeout=20) in (0, -signal.SIGTERM)
    finally:
        if proc.poll() is None:
            proc.kill()
    # the lifespan closed the engine: the embedded store is free for the next process
    from retrieval.edge_store import EdgeStore

    EdgeStore(root / "data" / "edge", dense_dim=None).close()


@pytest.mark.slow
def test_the_real_server_over_http(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as http:
        assert http.get("/healthz").json() == {"status": "ok", "documents": 5, "mode": "lexical"}
        answer = http.post("/ask", json={"question": "bao cao so ket 6 thang nop truoc ngay nao"}).json()
        assert answer["found"] and answer["citations"][0]["section"] == "III.2"
        assert "15/6/2026" in answer["answer"]
        assert http.get("/search", params={"q": "Văn phòng Lào Cai"}).json()["hits"]
        raw = (CORPUS / "kh-pgddt-camranh-2023.txt").read_text(encoding="utf-8").replace("Cam Ranh", "Nha Trang")
        up = http.post(
            "/documents",
            files={"file": ("kh-nha-trang.docx", make_docx(raw))},
            headers={"Authorization": "Bearer e2e-admin-token-1"},
        )
        assert up.status_code == 201 and up.json()["place"] == "Nha Trang"
        assert http.get("/documents").json()[-1]["doc_id"] in {"kh-nha-trang", "kh-ubnd-kienhai-2026"}
        assert (
            http.delete("/documents/kh-nha-trang", headers={"Authorization": "Bearer e2e-admin-token-1"}).status_code
            == 204
        )
        assert 'route="/ask"' in http.get("/metrics").text


@pytest.mark.slow
def test_hostile_uploads_over_real_http(server: str) -> None:
    """Issue 22 over a real socket: a tokenless upload held one byte short is refused at once (its body unread),
    and a chunked upload over the 10 MB limit is 413, not 400."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
            b"Content-Length: 10485760\r\n\r\n" + b"a" * 1024
        )
        reply = b""
        while chunk := sock.recv(4096):  # the server closes the connection after its answer
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 401 ")
    assert b'"error": "http_error"' in reply and b"connection: close" in reply.lower()

    def body() -> Iterator[bytes]:
        yield b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        for _ in range(12):
            yield b"a" * (1024 * 1024)
        yield b"\r\n--xyz--\r\n"

    headers = {"Authorization": "Bearer e2e-admin-token-1", "Content-Type": "multipart/form-data; boundary=xyz"}
    try:
        r = httpx.post(f"{server}/documents", content=body(), headers=headers, timeout=30)
    except httpx.HTTPError as exc:  # the server may close while the client is still sending
        raise AssertionError(f"no answer to an oversized chunked upload: {exc!r}") from exc
    assert r.status_code == 413 and r.json()["message"] == "request body over the 10 MB limit"
    assert httpx.get(f"{server}/readyz").status_code == 200


@pytest.mark.slow
def test_request_headers_that_never_finish_are_cut_off(server: str) -> None:
    """A client sending its headers one byte at a time loses the connection after the header timeout (2 s
    here), instead of holding it, and a task, for ever."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(b"POST /ask HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        sock.settimeout(0.5)
        started = time.monotonic()
        closed = False
        while not closed and time.monotonic() - started < 15:
            try:
                sock.sendall(b"a")
                closed = sock.recv(1) == b""
            except TimeoutError:
                continue
            except OSError:  # reset or broken pipe: closed too
                closed = True
        assert closed and time.monotonic() - started < 10
    assert httpx.get(f"{server}/readyz").status_code == 200


@contextmanager
def chromium_page() -> Iterator[Any]:
    """A page in headless Chromium (the system binary, driven by Playwright)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser.new_page(viewport={"width": 1100, "height": 1400}, locale="vi-VN")
        finally:
            browser.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium); .ci/run installs it"
)
def test_the_page_in_headless_chromium(server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium_page() as page:
        page.goto(server, wait_until="domcontentloaded")
        page.fill("#question", "Phòng Công tác sinh viên phải làm gì?")
        page.click("#ask-button")
        page.wait_for_selector("#sources li", timeout=15000)
        assert "Kiện toàn Ban Quản lý Ký túc xá" in page.inner_text("#answer-text")
        summaries = page.locator("#sources summary")
        assert summaries.nth(0).inner_text() == "[1] 08/KH-CĐCĐ · mục III.2 Phòng Công tác sinh viên, sinh viên"
        page.click("#answer-text a.marker >> nth=0")  # the [1] marker opens its source
        page.wait_for_function("document.querySelector('#cite-1 .full').dataset.loaded === '1'", timeout=15000)
        full = page.inner_text("#cite-1 .full")
        assert full.startswith("2. Phòng Công tác sinh viên, sinh viên\n- Tham mưu cho Đảng ủy")
        page.screenshot(path=str(ARTIFACTS / "page-answer.png"), full_page=True)
        page.click("button[data-tab=documents]")
        page.wait_for_selector("#document-list li")
        assert page.locator("#document-list > li").count() == 5
        assert "Kế hoạch KH-CDLC (chưa ghi số) — Trường Cao đẳng Lào Cai" in page.inner_text("#document-list")
        page.click("button[data-tab=bases]")
        page.wait_for_selector("#bases-list li")
        page.fill("#bases-filter", "09-CT")
        assert "Lưu ý: các văn bản ghi ngày ban hành khác nhau" in page.inner_text("#bases-list")
    assert (ARTIFACTS / "page-answer.png").stat().st_size > 10_000


HOSTILE = """UBND HUYỆN THỬ NGHIỆM
TRƯỜNG THCS THỬ NGHIỆM
Số: 01/KH-THCS
KẾ HOẠCH
Kiểm tra phương tiện phòng cháy năm 2026
I. MỤC ĐÍCH
1. Rà soát toàn bộ <b>bình bọt</b> của trường.
II. TỔ CHỨC THỰC HIỆN
1. Tổ bảo vệ <img src=x onerror="window.pwned=1">
- Kiểm tra bình bọt và vòi rồng <script>window.pwned=2</script> vào thứ Hai hằng tuần.
"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium); .ci/run installs it"
)
def test_markup_in_a_document_is_shown_literally_on_the_page(server: str) -> None:
    admin = {"Authorization": "Bearer e2e-admin-token-1"}
    up = httpx.post(f"{server}/documents", files={"file": ("kh-thu-nghiem.txt", HOSTILE.encode())}, headers=admin)
    assert up.status_code == 201, up.text
    try:
        with chromium_page() as page:
            page.goto(server, wait_until="domcontentloaded")
            page.fill("#question", "Kiểm tra bình bọt và vòi rồng vào ngày nào?")
            page.click("#ask-button")
            page.wait_for_selector("#sources li", timeout=15000)
            answer = page.inner_text("#answer-text")
            assert answer.startswith("Theo Kế hoạch 01/KH-THCS của Trường THCS Thử Nghiệm")
            assert "<script>window.pwned=2</script> vào thứ Hai" in answer
            page.click("#answer-text a.marker >> nth=0")
            page.wait_for_function("document.querySelector('#cite-1 .full').dataset.loaded === '1'", timeout=15000)
            assert '1. Tổ bảo vệ <img src=x onerror="window.pwned=1">' in page.inner_text("#cite-1 .full")
            page.click("button[data-tab=documents]")
            page.wait_for_selector("#document-list li")
            page.click("#document-list summary:has-text('01/KH-THCS')")
            page.wait_for_selector("#document-list ul.outline[data-loaded='1']")
            assert "I.1 Rà soát toàn bộ <b>bình bọt</b> của trường\n" in page.inner_text("#document-list")
            assert page.evaluate("window.pwned") is None
            assert page.locator("main img, main script, main b").count() == 0
    finally:
        assert httpx.delete(f"{server}/documents/kh-thu-nghiem", headers=admin).status_code == 204
