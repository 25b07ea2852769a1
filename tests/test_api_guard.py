"""What a hostile client meets before the app reads its request (api/guard.py, api/openapi.py): the admin token
is checked first, bodies are capped and timed, each address is rate-limited, and the OpenAPI document says so.

The real app over ASGI (httpx's ASGITransport, or the raw ASGI callable where a test must see what was read).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx

from api.app import create_app
from tests.conftest import make_settings

TOKEN = "guard-admin-token-123"
ADMIN = {"Authorization": f"Bearer {TOKEN}"}


def make_app(engine: Any, tmp_path: Path, **overrides: object) -> Any:
    """The real app over the shared engine, with this test's limits."""
    settings = make_settings(tmp_path / "data", admin_token=TOKEN, **overrides)
    return create_app(engine, settings)


async def call(app: Any, method: str, path: str, *, client: tuple[str, int] = ("10.0.0.1", 5000), **kw: Any):
    """One request through the ASGI app, as httpx sends it (a generator body is sent chunked)."""
    transport = httpx.ASGITransport(app=app, client=client)
    async with httpx.AsyncClient(transport=transport, base_url="http://cancu.test", timeout=30) as http:
        return await http.request(method, path, **kw)


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, timeout=20))


# ---------------------------------------------------------------- the admin token before the body


def test_a_tokenless_broken_upload_is_401_not_400(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path)
    broken = b'--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno closing boundary'
    headers = {"Content-Type": "multipart/form-data; boundary=xyz"}
    r = run(call(app, "POST", "/documents", content=broken, headers=headers))
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json() == {
        "error": "http_error",
        "message": "missing or wrong admin token",
        "message_vi": "Cần đăng nhập bằng mã quản trị.",
    }
    wrong = run(call(app, "POST", "/documents", content=broken, headers={**headers, "Authorization": "Bearer nope"}))
    assert wrong.status_code == 401
    # with the token, the same body is a client error about the body, not a 500
    right = run(call(app, "POST", "/documents", content=broken, headers={**headers, **ADMIN}))
    assert right.status_code in (400, 422) and right.json()["error"]


def test_a_tokenless_upload_is_refused_without_reading_a_byte_of_it(corpus_engine: Any, tmp_path: Path) -> None:
    """The attack of issue 22: uploads held one byte short. The 401 comes while the body is still 'arriving'."""
    app = make_app(corpus_engine, tmp_path)
    reads = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        await asyncio.sleep(3600)  # a body that never finishes
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/documents",
        "raw_path": b"/documents",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"cancu.test"),
            (b"content-type", b"multipart/form-data; boundary=xyz"),
            (b"content-length", str(10 * 1024 * 1024).encode()),
        ],
        "client": ("10.0.0.2", 5000),
        "server": ("cancu.test", 80),
        "app": app,
    }
    asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=10))
    assert reads == 0
    assert sent[0]["status"] == 401
    assert (b"connection", b"close") in sent[0]["headers"]
    assert json.loads(sent[1]["body"])["error"] == "http_error"


# ---------------------------------------------------------------- body size and time


async def chunks(size: int, count: int, pause: float = 0.0) -> AsyncIterator[bytes]:
    for _ in range(count):
        if pause:
            await asyncio.sleep(pause)
        yield b"a" * size


async def multipart(size: int, count: int, pause: float = 0.0) -> AsyncIterator[bytes]:
    """A well-formed upload of a .txt file whose content is streamed in ``count`` chunks of ``size`` bytes."""
    yield b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
    yield b"Content-Type: text/plain\r\n\r\n"
    async for part in chunks(size, count, pause):
        yield part
    yield b"\r\n--xyz--\r\n"


def test_a_chunked_upload_over_the_limit_is_413(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path, max_file_mb=1.0)
    headers = {**ADMIN, "Content-Type": "multipart/form-data; boundary=xyz"}
    r = run(call(app, "POST", "/documents", content=multipart(256 * 1024, 16), headers=headers))  # 4 MB, no length
    assert r.status_code == 413
    assert r.json() == {
        "error": "payload_too_large",
        "message": "request body over the 1 MB limit",
        "message_vi": "Dữ liệu gửi lên vượt giới hạn 1 MB.",
    }
    assert r.headers["connection"] == "close"


def test_a_chunked_question_over_the_limit_is_413(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path)

    async def body() -> AsyncIterator[bytes]:
        yield b'{"question": "'
        async for part in chunks(64 * 1024, 8):  # 512 KB against the 256 KB limit of JSON bodies
            yield part
        yield b'"}'

    r = run(call(app, "POST", "/ask", content=body(), headers={"Content-Type": "application/json"}))
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large" and r.json()["message"] == "request body over the 256 KB limit"


def test_a_body_that_stalls_is_408(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path, http_idle_timeout_s=0.5)

    async def stalled() -> AsyncIterator[bytes]:
        yield b'{"question": "Ph'
        await asyncio.sleep(5)  # ten times the pause allowed between chunks
        yield b'ong?"}'

    r = run(call(app, "POST", "/ask", content=stalled(), headers={"Content-Type": "application/json"}))
    assert r.status_code == 408
    assert r.json()["error"] == "request_timeout"
    assert r.json()["message_vi"] == "Dữ liệu gửi lên quá chậm; vui lòng gửi lại."


def test_a_body_that_drags_on_is_408(corpus_engine: Any, tmp_path: Path) -> None:
    """No single pause is long, but the whole body takes longer than the total allowed."""
    app = make_app(corpus_engine, tmp_path, http_idle_timeout_s=1.0, http_body_timeout_s=1.0)
    headers = {**ADMIN, "Content-Type": "multipart/form-data; boundary=xyz"}
    r = run(call(app, "POST", "/documents", content=multipart(1, 40, pause=0.1), headers=headers))  # 4 s, 0.1 s apart
    assert r.status_code == 408 and r.json()["error"] == "request_timeout"


def test_a_slow_but_steady_question_is_answered(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path, http_idle_timeout_s=1.0)

    async def steady() -> AsyncIterator[bytes]:
        for part in ('{"question": ', '"Giá vàng ', 'hôm nay?"}'):
            await asyncio.sleep(0.3)
            yield part.encode()

    r = run(call(app, "POST", "/ask", content=steady(), headers={"Content-Type": "application/json"}))
    assert r.status_code == 200 and r.json()["found"] is False


# ---------------------------------------------------------------- rate limit


def test_more_requests_than_the_limit_in_a_minute_get_429_with_retry_after(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path, http_rate_limit=10)

    async def burst() -> tuple[list[int], httpx.Response, httpx.Response, httpx.Response]:
        statuses = [(await call(app, "GET", "/search", params={"q": "camera"})).status_code for _ in range(10)]
        refused = await call(app, "GET", "/search", params={"q": "camera"})
        other = await call(app, "GET", "/search", params={"q": "camera"}, client=("10.0.0.9", 5000))
        probe = await call(app, "GET", "/healthz")
        return statuses, refused, other, probe

    statuses, refused, other, probe = run(burst())
    assert statuses == [200] * 10
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "6"  # one request every 6 s at 10 a minute
    assert refused.json()["error"] == "rate_limited"
    assert refused.json()["message_vi"] == "Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau 6 giây."
    assert other.status_code == 200  # another address has its own bucket
    assert probe.status_code == 200  # probes are not counted


def test_an_admin_token_guesser_is_rate_limited_too(corpus_engine: Any, tmp_path: Path) -> None:
    app = make_app(corpus_engine, tmp_path, http_rate_limit=10)

    async def guesses() -> list[int]:
        return [
            (await call(app, "POST", "/reindex", headers={"Authorization": f"Bearer guess-{i}"})).status_code
            for i in range(12)
        ]

    assert run(guesses()) == [401] * 10 + [429] * 2


# ---------------------------------------------------------------- the OpenAPI document


def test_the_openapi_document_lists_every_error_with_the_error_schema(corpus_engine: Any, tmp_path: Path) -> None:
    spec = make_app(corpus_engine, tmp_path).openapi()
    error_ref = {"$ref": "#/components/schemas/ErrorBody"}
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {"error", "message", "message_vi"}

    def schema_of(path: str, method: str, status: str) -> dict[str, Any]:
        return spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]

    upload = spec["paths"]["/documents"]["post"]["responses"]
    assert {"401", "403", "408", "413", "415", "429", "507"} <= set(upload)
    for status in ("401", "413", "415"):
        assert schema_of("/documents", "post", status) == error_ref
    ask = spec["paths"]["/ask"]["post"]["responses"]
    assert {"200", "408", "413", "422", "429", "503"} <= set(ask)
    for status in ("422", "503"):
        assert schema_of("/ask", "post", status) == error_ref
    assert "401" not in ask  # asking needs no token
    assert ask["429"]["headers"]["Retry-After"]["schema"] == {"type": "integer"}
    assert "429" not in spec["paths"]["/healthz"]["get"]["responses"]


def test_routes_with_a_path_parameter_list_their_errors_too(corpus_engine: Any, tmp_path: Path) -> None:
    """A route declared with "{doc_id:path}" is "{doc_id}" in the document; its errors were left out (schemathesis
    status_code_conformance: a tokenless DELETE got 401, an unknown legal basis 404, neither documented)."""
    app = make_app(corpus_engine, tmp_path)
    spec = app.openapi()
    error_ref = {"$ref": "#/components/schemas/ErrorBody"}
    delete = spec["paths"]["/documents/{doc_id}"]["delete"]["responses"]
    assert set(delete) == {"204", "401", "403", "404", "422", "429", "500", "503", "507"}
    assert delete["401"]["content"]["application/json"]["schema"] == error_ref
    legal = spec["paths"]["/legal-bases/{legal_id}"]["get"]["responses"]
    assert {"404", "429", "503"} <= set(legal)
    assert {"404", "429"} <= set(spec["paths"]["/documents/{doc_id}/sections/{section}"]["get"]["responses"])
    assert not [p for p in spec["paths"] if ":" in p]

    tokenless = run(call(app, "DELETE", "/documents/kh-cdlc-laocai-2026"))
    assert tokenless.status_code == 401 and set(tokenless.json()) == {"error", "message", "message_vi"}
    unknown = run(call(app, "GET", "/legal-bases/999/2099/NĐ-CP"))
    assert unknown.status_code == 404 and set(unknown.json()) == {"error", "message", "message_vi"}
