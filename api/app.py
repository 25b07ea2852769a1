"""The FastAPI application: ``create_app(engine=None)`` serves the API, the page and (optionally) the bot's webhook.

app = create_app(engine)          # tests: an engine built by the test
app = create_app()                # `cancu serve`: builds the engine at start-up from settings
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import errors, jobs, routes
from api.client import announce, withdraw
from api.conversations import Conversations
from api.metrics import Metrics, MetricsMiddleware
from core.config import Settings, get_settings
from core.feedback import FeedbackStore

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
JSON_LIMIT = 256 * 1024


class BodyLimit:
    """Refuse request bodies over the limit with 413, counting bytes as they arrive (chunked bodies too)."""

    def __init__(self, app: ASGIApp, upload_limit: int) -> None:
        self.app = app
        self.upload_limit = upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        upload = scope["path"] == "/documents"
        limit = self.upload_limit + 1024 * 1024 if upload else JSON_LIMIT  # room for the multipart envelope
        shown = self.upload_limit if upload else JSON_LIMIT
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send, shown)
            return
        seen = 0
        responded = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal responded
            responded = True
            await send(message)

        try:
            await self.app(scope, counted, guarded_send)
        except _TooLarge:
            if not responded:
                await _too_large(send, shown)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    mb = f"{limit / 1048576:.0f} MB" if limit >= 1048576 else f"{limit // 1024} KB"
    message = f"request body over the {mb} limit"
    body = json.dumps(
        errors.error_body("payload_too_large", message, f"Dữ liệu gửi lên vượt giới hạn {mb}."), ensure_ascii=False
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _LazyFeedback:
    """The feedback store, opened at the first vote cast on the page (an app that takes none writes no file)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store: FeedbackStore | None = None

    def __call__(self) -> FeedbackStore:
        if self.store is None:
            self.store = FeedbackStore(self.settings.feedback_path)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def create_app(engine: Any = None, settings: Settings | None = None, *, bot: Any = None) -> FastAPI:
    """The app; with ``engine=None`` the engine is built (and closed) by the app's lifespan."""
    settings = settings or (engine.settings if engine is not None else get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = None
        if app.state.engine is None:
            from retrieval.engine import build_engine

            owned = await run_in_threadpool(build_engine, settings)
            await run_in_threadpool(owned.warm)
            app.state.engine = owned
            announce(settings)  # this process holds the store: CLI reads come here (api/client.py)
            logger.info("index loaded: %d documents, %s mode", owned.document_count(), owned.mode)
        runner = bot
        if runner is None and settings.telegram_token is not None:
            from bot.app import BotRunner

            runner = BotRunner(settings, app.state.engine)
        if runner is not None:
            await runner.start(app)
        try:
            yield
        finally:
            if runner is not None:
                await runner.stop()
            feedback.close()
            if owned is not None:
                withdraw(settings)
                owned.close()

    app = FastAPI(
        title="cancu",
        version="0.1.0",
        description="Hỏi đáp kế hoạch và văn bản căn cứ, trích dẫn đến từng mục.",
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.telegram_webhook = None
    app.state.conversations = Conversations()
    feedback = _LazyFeedback(settings)
    app.state.feedback = feedback
    errors.install(app)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(BodyLimit, upload_limit=settings.max_file_bytes)
    app.include_router(routes.router)
    app.include_router(jobs.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return app
