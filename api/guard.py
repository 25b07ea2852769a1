"""What a request must pass before the app reads it: the admin token first, a size and a time limit on the body,
and a per-client rate limit. Pure ASGI middleware, so that nothing of a refused request is read or parsed.

- ``AdminFirst``: a request to an admin route (one that depends on ``require_admin``) is refused with 401/403
  from its headers alone; its body is never read (a tokenless upload used to be parsed as multipart first, and
  twenty held uploads kept 200 MB of temporary files open).
- ``BodyGuard``: bodies over the limit get 413 whether declared (Content-Length) or streamed (chunked), and a
  body that stalls (``idle_timeout`` between chunks) or drags on (``total_timeout``) gets 408; either way the
  connection is closed.
- ``RateLimit``: a token bucket per client address (behind a proxy, uvicorn's ``--forwarded-allow-ips`` gives
  the real one): ``per_minute`` requests, bursts of a sixth of that; 429 with ``Retry-After`` beyond. Probes,
  metrics and the Telegram webhook (one address for every chat; the bot limits per user) are not counted.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import errors
from api.deps import admin_refusal

JSON_LIMIT = 256 * 1024
RATE_EXEMPT = ("/healthz", "/readyz", "/metrics", "/telegram/webhook")
MAX_CLIENTS = 10_000  # rate-limit buckets kept (least recently seen dropped: a full bucket is a new one)


def flat_routes(routes: list[Any]) -> list[Any]:
    """The app's routes with included routers opened (FastAPI 0.16x keeps ``include_router`` lazy: an
    ``_IncludedRouter`` in ``app.routes`` stands for the router's routes)."""
    out: list[Any] = []
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is None:
            out.append(route)
        else:
            out.extend(c.original_route for c in contexts())
    return out


async def respond(send: Send, status: int, body: dict[str, str], headers: dict[str, str] | None = None) -> None:
    """Send a JSON error response and close the connection (what is left of the body is not read)."""
    raw = json.dumps(body, ensure_ascii=False).encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]
    head += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": raw})


class AdminFirst:
    """Check the admin token of admin routes before anything reads the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._admin: list[Any] | None = None

    def _admin_routes(self, scope: Scope) -> list[Any]:
        if self._admin is None:
            from api.deps import require_admin

            routes = flat_routes(scope["app"].routes)
            self._admin = [
                r for r in routes if any(d.dependency is require_admin for d in getattr(r, "dependencies", []))
            ]
        return self._admin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and any(r.matches(scope)[0] is Match.FULL for r in self._admin_routes(scope)):
            header = dict(scope.get("headers", [])).get(b"authorization", b"").decode("latin-1")
            refused = admin_refusal(scope["app"].state.settings, header)
            if refused is not None:
                status, message, extra = refused
                body = errors.error_body("http_error", message, errors.http_vi(status, message))
                await respond(send, status, body, {**extra, "connection": "close"})
                return
        await self.app(scope, receive, send)


class BodyGuard:
    """413 for a body over the limit (declared or streamed), 408 for a body that stalls or drags on."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        upload_limit: int,
        total_timeout: float,
        idle_timeout: float,
        json_limit: int = JSON_LIMIT,
    ) -> None:
        self.app = app
        self.upload_limit = upload_limit
        self.json_limit = json_limit
        self.total_timeout = total_timeout
        self.idle_timeout = idle_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        upload = scope["path"] == "/documents"
        limit = self.upload_limit + 1024 * 1024 if upload else self.json_limit  # room for the multipart envelope
        shown = self.upload_limit if upload else self.json_limit
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await respond(send, 413, _too_large(shown), {"connection": "close"})
            return
        deadline = time.monotonic() + self.total_timeout
        seen = 0
        failed: dict[str, Any] = {}  # "status" and "body" once the body broke a limit
        started = False

        async def guarded_receive() -> Message:
            nonlocal seen
            if failed:
                return {"type": "http.disconnect"}
            wait = min(self.idle_timeout, deadline - time.monotonic())
            try:
                message = await asyncio.wait_for(receive(), timeout=max(wait, 0.0))
            except TimeoutError:
                failed.update(status=408, body=_too_slow(self.idle_timeout, self.total_timeout))
                return {"type": "http.disconnect"}
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    failed.update(status=413, body=_too_large(shown))
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if failed:  # whatever the app answers to a body cut short, the client is told why
                if not started and message["type"] == "http.response.start":
                    started = True
                    await respond(send, failed["status"], failed["body"], {"connection": "close"})
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, guarded_receive, guarded_send)
        except Exception:
            if not failed:
                raise
        if failed and not started:
            await respond(send, failed["status"], failed["body"], {"connection": "close"})


def _too_large(limit: int) -> dict[str, str]:
    mb = f"{limit / 1048576:.0f} MB" if limit >= 1048576 else f"{limit // 1024} KB"
    return errors.error_body(
        "payload_too_large", f"request body over the {mb} limit", f"Dữ liệu gửi lên vượt giới hạn {mb}."
    )


def _too_slow(idle: float, total: float) -> dict[str, str]:
    return errors.error_body(
        "request_timeout",
        f"the request body did not arrive in time (a pause over {idle:.0f} s, or over {total:.0f} s in all)",
        "Dữ liệu gửi lên quá chậm; vui lòng gửi lại.",
    )


class RateLimit:
    """A token bucket per client address: ``per_minute`` requests a minute, bursts of a sixth of that."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = MAX_CLIENTS,
    ) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = max(10.0, per_minute / 6)
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0 or scope["path"].startswith(RATE_EXEMPT):
            await self.app(scope, receive, send)
            return
        wait = self.take((scope.get("client") or ("unknown", 0))[0])
        if wait > 0:
            seconds = math.ceil(wait)
            body = errors.error_body(
                "rate_limited",
                f"too many requests from this address; retry in {seconds} s",
                f"Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau {seconds} giây.",
            )
            await respond(send, 429, body, {"retry-after": str(seconds)})
            return
        await self.app(scope, receive, send)

    def take(self, client: str) -> float:
        """Count one request of ``client``: 0 when allowed, else the seconds until one would be."""
        now = self.clock()
        tokens, stamp = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        if tokens < 1.0:
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate
        self._buckets[client] = (tokens - 1.0, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return 0.0
