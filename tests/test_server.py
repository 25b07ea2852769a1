"""`cancu serve` as a real process on a loopback port, spoken to over real HTTP; and the page in headless Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.feedback import FeedbackStore
from tests.builders import make_docx, make_pdf_with_one_huge_stream
from tests.conftest import CORPUS, REPO

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def serve_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment `cancu serve` runs with (its own data and corpus folders)."""
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
    return env


@pytest.fixture(scope="module")
def server(serve_env: dict[str, str]) -> Iterator[str]:
    env = serve_env
    data = Path(env["CANCU_DATA_DIR"])
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

    EdgeStore(data / "edge", dense_dim=None).close()
    assert not (data / "serve.json").exists()  # the server withdrew its address


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
def test_cli_read_commands_work_beside_the_running_server(server: str, serve_env: dict[str, str]) -> None:
    """The server holds the embedded store; the CLI's read commands answer through its HTTP API."""

    def cancu(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cli", *args], cwd=REPO, env=serve_env, capture_output=True, text=True, timeout=120)  # fmt: skip

    docs = cancu("documents", "--json")
    assert docs.returncode == 0, docs.stderr
    labels = {d["doc_id"]: d["label"] for d in json.loads(docs.stdout)}
    assert labels["kh-08-cdcd-soctrang-2026"] == "08/KH-CĐCĐ" and len(labels) == 5
    outline = cancu("outline", "08/KH-CĐCĐ", "--json")
    assert outline.returncode == 0, outline.stderr
    assert ("III.2", "Phòng Công tác sinh viên, sinh viên") in [
        (o["section"], o["heading"]) for o in json.loads(outline.stdout)
    ]
    answer = json.loads(cancu("ask", "bao cao so ket 6 thang nop truoc ngay nao?", "--json").stdout)
    assert answer["found"] and "15/6/2026" in answer["answer"]
    assert "conversation_id" not in answer  # the same Answer object as without a server
    hits = json.loads(cancu("search", "camera giám sát", "--k", "1", "--doc", "KH-UBND Kiên Hải 2026", "--json").stdout)
    assert [h["doc_id"] for h in hits["hits"]] == ["kh-ubnd-kienhai-2026"]
    bases = json.loads(cancu("legal-bases", "--doc", "KH-CDLC", "--json").stdout)
    assert {e["id"] for e in bases} == {"2447/QĐ-TTg", "195/KH-UBND", "124/2021/TT-BCA"}
    doctor = cancu("doctor")
    assert doctor.returncode == 0, doctor.stderr
    assert doctor.stdout.startswith("store:      held by `cancu serve` (pid ") and f"at {server};" in doctor.stdout
    assert "documents:  5 (74 sections)" in doctor.stdout
    missing = cancu("outline", "nope")
    assert missing.returncode == 1 and missing.stderr.strip() == "cancu: error: unknown document: nope"


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
def chromium_page(width: int = 1100, height: int = 1400) -> Iterator[Any]:
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
            yield browser.new_page(viewport={"width": width, "height": height}, locale="vi-VN")
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
        page.wait_for_selector("#cite-1 .source-body[data-loaded='1']", timeout=15000)
        full = page.inner_text("#cite-1 .full")
        assert full.startswith("2. Phòng Công tác sinh viên, sinh viên\n- Tham mưu cho Đảng ủy")
        page.screenshot(path=str(ARTIFACTS / "page-answer.png"), full_page=True)
        page.click("button[data-tab=documents]")
        page.wait_for_selector("#document-list li")
        assert page.locator("#document-list > li").count() == 5
        assert "KH-CDLC Lào Cai 2025 — Kế hoạch (chưa ghi số), Trường Cao đẳng Lào Cai" in page.inner_text(
            "#document-list"
        )
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
            page.wait_for_selector("#cite-1 .source-body[data-loaded='1']", timeout=15000)
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


SCREENSHOTS = REPO / "docs" / "screenshots"


def _shot(page: Any, name: str) -> None:
    """A screenshot in test-artifacts/, and in docs/screenshots/ when CANCU_UPDATE_SCREENSHOTS=1 (to commit)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)
    if os.environ.get("CANCU_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=False)


def _ask(page: Any, question: str) -> None:
    page.fill("#question", question)
    page.click("#ask-button")
    page.wait_for_function("!document.querySelector('#ask-button').disabled", timeout=15000)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium); .ci/run installs it"
)
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_page_on_a_phone_and_a_desktop(server: str, serve_env: dict[str, str], width: int, height: int) -> None:
    """Follow-ups, the quote inside its section, the section in the outline, votes, tabs, errors in Vietnamese."""
    size = f"{width}x{height}"
    with chromium_page(width, height) as page:
        page.goto(server, wait_until="domcontentloaded")
        # tabs are tabs to assistive technology too
        assert page.get_attribute("nav", "role") == "tablist"
        assert page.locator("[role=tab]").count() == 3 and page.locator("[role=tabpanel]").count() == 3
        assert page.get_attribute("#tab-ask", "aria-selected") == "true"
        # a question, then a follow-up in the same conversation
        _ask(page, "Phòng Công tác sinh viên trường CĐ Lào Cai làm gì?")
        assert page.is_visible("#conversation")
        _ask(page, "còn Văn phòng thì sao?")
        summaries = page.locator("#sources summary").all_inner_texts()
        assert summaries and all("KH-CDLC Lào Cai 2025" in s for s in summaries), summaries
        assert (
            "[2] KH-CDLC Lào Cai 2025 · mục IV.1 Văn phòng" in summaries
            or "[1] KH-CDLC Lào Cai 2025 · mục IV.1 Văn phòng" in summaries
        )
        # the quote, marked inside its full section
        n = next(i for i, s in enumerate(summaries, 1) if "IV.1" in s)
        page.click(f"#cite-{n} summary")
        page.wait_for_selector(f"#cite-{n} .source-body[data-loaded='1']", timeout=15000)
        assert page.inner_text(f"#cite-{n} .source-label") == "Toàn văn mục (đoạn trích được tô vàng)"
        full = page.inner_text(f"#cite-{n} .full")
        marked = page.inner_text(f"#cite-{n} mark")
        assert full.startswith("1. Văn phòng") and marked and marked in full and len(marked) < len(full)
        # a vote, stored beside the bot's
        page.click("#vote button[data-vote='1']")
        page.wait_for_function("document.querySelector('#vote-status').textContent.length > 0")
        assert page.inner_text("#vote-status") == "Cảm ơn bạn đã góp ý!"
        assert page.get_attribute("#vote button[data-vote='1']", "aria-pressed") == "true"
        page.locator("#vote").evaluate("e => e.scrollIntoView({block: 'start'})")
        _shot(page, f"page-answer-{size}.png")
        # the section chosen from its source, highlighted in the document's outline
        page.click(f"#cite-{n} button.link")
        page.wait_for_selector("#document-list li.chosen", timeout=15000)
        assert page.get_attribute("#tab-documents", "aria-selected") == "true"
        chosen = page.locator("#document-list li.chosen")
        assert chosen.count() == 1 and chosen.get_attribute("data-section") == "IV.1"
        assert chosen.locator("button").get_attribute("aria-current") == "true"
        _shot(page, f"page-outline-{size}.png")
        # arrows move between tabs
        page.focus("#tab-documents")
        page.keyboard.press("ArrowRight")
        assert page.get_attribute("#tab-bases", "aria-selected") == "true" and page.is_visible("#bases")
        page.wait_for_selector("#bases-list li")
        page.fill("#bases-filter", "09-CT")
        assert "khác nhau: 01/12/2011 / 01/12/2012" in page.inner_text("#bases-list")
        assert "Kế hoạch Mỹ Tú 2025 (căn cứ)" in page.inner_text("#bases-list")
        # the network fails: the old answer goes, the reason is given in Vietnamese
        page.click("#tab-ask")
        page.route("**/ask", lambda route: route.abort())
        _ask(page, "Kiên Hải dùng phần mềm gì?")
        assert page.inner_text("#status") == "Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại."
        assert page.is_hidden("#answer") and page.inner_text("#sources") == ""
        _shot(page, f"page-error-{size}.png")
    with chromium_page(width, height) as page:  # the Documents tab when its list cannot be loaded, then can
        page.goto(server, wait_until="domcontentloaded")
        page.route("**/documents", lambda route: route.abort())
        page.click("#tab-documents")
        page.wait_for_selector("#documents-status button")
        assert page.inner_text("#documents-status").startswith("Không kết nối được máy chủ.")
        page.unroute("**/documents")
        page.click("#documents-status button")
        page.wait_for_selector("#document-list li")
        assert page.locator("#document-list > li").count() >= 5 and page.inner_text("#documents-status") == ""
    store = FeedbackStore(Path(serve_env["CANCU_DATA_DIR"]) / "feedback.sqlite")
    try:
        assert ("còn Văn phòng thì sao?", 1) in [(r["question"], r["vote"]) for r in store.rows()]
    finally:
        store.close()


# ---------------------------------------------------------------- the README's HTTP examples


def readme_examples() -> list[tuple[str, str, Any, int, Any]]:
    """(method, path, request body, status, response body) of each request/response pair of ```http blocks."""
    blocks = re.findall(r"```http\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    out = []
    for request, response in zip(blocks[::2], blocks[1::2]):
        head, _, body = request.partition("\n\n")
        method, path = head.splitlines()[0].split(" ", 1)
        status_line, _, answer = response.partition("\n\n")
        assert status_line.startswith("HTTP/1.1 "), status_line
        out.append(
            (method, path, json.loads(body) if body.strip() else None, int(status_line.split()[1]), json.loads(answer))
        )
    return out


def _operation(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """The OpenAPI operation a concrete path is served by (a document reference may hold slashes)."""
    templates = sorted(spec["paths"], key=lambda t: len(re.sub(r"\{[^}]+\}", "", t)), reverse=True)
    for template in templates:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", ".+", re.escape(template)) + "$"
        if re.match(pattern, path) and method.lower() in spec["paths"][template]:
            return spec["paths"][template][method.lower()]  # type: ignore[no-any-return]
    raise AssertionError(f"{method} {path} is not in the OpenAPI document")


def _valid(spec: dict[str, Any], schema: dict[str, Any], value: Any, what: str) -> None:
    import jsonschema_rs

    validator = jsonschema_rs.validator_for({**schema, "components": spec["components"]})
    errors = [e.message for e in validator.iter_errors(value)]
    assert not errors, f"{what}: {errors}"


def _shape(value: Any) -> Any:
    """Field names all the way down (lists by their first item): what a reader of the example relies on."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__ if value is not None else None


def _comparable(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_comparable(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return not a or not b or _comparable(a[0], b[0])
    return a is None or b is None or a == b or {a, b} <= {"int", "float"}


@pytest.mark.slow
def test_the_readme_examples_match_the_openapi_document_and_the_server(server: str) -> None:
    examples = readme_examples()
    assert len(examples) >= 5
    spec = httpx.get(f"{server}/openapi.json").json()
    given: dict[str, str] = {}  # an id the README shows -> the one the server gave
    with httpx.Client(base_url=server, timeout=30) as http:
        for method, path, body, status, expected in examples:
            if isinstance(body, dict):
                body = {k: given.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
            op = _operation(spec, method, path)
            if body is not None and status < 300:
                _valid(spec, op["requestBody"]["content"]["application/json"]["schema"], body, f"README request {path}")
            schema = op["responses"][str(status)]["content"]["application/json"]["schema"]
            _valid(spec, schema, expected, f"README response {method} {path}")
            r = http.request(method, path, json=body) if body is not None else http.request(method, path)
            assert r.status_code == status, (method, path, r.text)
            real = r.json()
            _valid(spec, schema, real, f"server response {method} {path}")
            if status >= 300:
                assert real == expected, (path, real)  # errors are exact
            else:
                assert _comparable(_shape(real), _shape(expected)), (path, _shape(real), _shape(expected))
            for key in ("conversation_id", "answer_id"):
                if isinstance(expected, dict) and key in expected:
                    given[expected[key]] = real[key]


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            with contextlib.suppress(OSError):
                kids = {int(k) for k in (task / "children").read_text().split()}
                todo.extend(kids - found)
                found |= kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status is left for its (test) parent


@pytest.mark.slow
def test_sigterm_while_a_file_is_being_read_stops_the_server_and_its_reader(tmp_path: Path) -> None:
    """Issue 22: SIGTERM to `cancu serve` while an upload's PDF (one 1.9M-token content stream, about 40 s of
    pypdf) is being read. The server gives requests GRACEFUL_SHUTDOWN_S (10 s), then stops the reading process:
    it exits within that and a margin, the upload is answered 503 (it was cancelled: a 500), no reading process
    is left."""
    from api.server import GRACEFUL_SHUTDOWN_S

    (tmp_path / "corpus").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANCU_")}
    env.update({
        "CANCU_DATA_DIR": str(tmp_path / "data"), "CANCU_CORPUS_DIR": str(tmp_path / "corpus"),
        "CANCU_ADMIN_TOKEN": "e2e-admin-token-1", "CANCU_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1",
    })  # fmt: skip
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", str(port)], cwd=REPO, env=env, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            time.sleep(0.2)
        answer: dict[str, Any] = {}

        def upload() -> None:
            try:
                r = httpx.post(
                    f"{base}/documents",
                    files={"file": ("kh-one-stream.pdf", make_pdf_with_one_huge_stream(1_900_000))},
                    headers={"Authorization": "Bearer e2e-admin-token-1"},
                    timeout=120,
                )
                answer["status"], answer["body"] = r.status_code, r.json()
            except httpx.HTTPError as exc:
                answer["cut"] = repr(exc)

        client = threading.Thread(target=upload, daemon=True)
        client.start()
        while time.monotonic() < deadline and not _descendants(proc.pid):
            time.sleep(0.2)
        time.sleep(5)  # the reading process has started and is inside pypdf (the file takes about 40 s)
        readers = _descendants(proc.pid)
        assert readers and all(_alive(p) for p in readers) and client.is_alive()
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=GRACEFUL_SHUTDOWN_S + 20)
        stopped = time.monotonic() - started
        client.join(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    time.sleep(1.5)  # a reader left behind notices its parent is gone within a second
    assert code in (0, -signal.SIGTERM), proc.stderr.read().decode() if proc.stderr else ""
    assert stopped < GRACEFUL_SHUTDOWN_S + 5
    assert [p for p in readers if _alive(p)] == []
    assert answer.get("status") == 503, (answer, proc.stderr.read().decode() if proc.stderr else "")
    assert answer["body"]["error"] == "ServiceStopping" and answer["body"]["message"] == (
        "kh-one-stream.pdf: reading was stopped: the process is shutting down"
    )
    print(f"SIGTERM to exit: {stopped:.2f} s")
