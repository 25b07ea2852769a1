"""The FastAPI application: ``create_app(engine=None)`` serves the API, the page and (optionally) the bot's webhook.

app = create_app(engine)          # tests: an engine built by the test
app = create_app()                # `cancu serve`: builds the engine at start-up from settings
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api import errors, jobs, openapi, routes
from api.client import announce, withdraw
from api.conversations import Conversations
from api.guard import AdminFirst, BodyGuard, RateLimit
from api.metrics import Metrics, MetricsMiddleware
from core.config import Settings, get_settings
from core.feedback import FeedbackStore

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


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


def create_app(
    engine: Any = None, settings: Settings | None = None, *, bot: Any = None, holds_store: bool = False
) -> FastAPI:
    """The app; with ``engine=None`` the engine is built (and closed) by the app's lifespan. An app that holds
    the store (its own engine, or ``holds_store``: `cancu serve`'s) records its address for the CLI's reads."""
    settings = settings or (engine.settings if engine is not None else get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = None
        if app.state.engine is None:
            from retrieval.engine import build_engine

            owned = await run_in_threadpool(build_engine, settings)
            await run_in_threadpool(owned.warm)
            app.state.engine = owned
            logger.info("index loaded: %d documents, %s mode", owned.document_count(), owned.mode)
        announcing = owned is not None or holds_store
        if announcing:
            announce(settings)  # this process holds the store: CLI reads come here (api/client.py)
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
            if announcing:
                withdraw(settings)
            if owned is not None:
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
    # the last added runs first: count everything, limit the rate, check the token, then read the body
    app.add_middleware(
        BodyGuard,
        upload_limit=settings.max_file_bytes,
        total_timeout=settings.http_body_timeout_s,
        idle_timeout=settings.http_idle_timeout_s,
    )
    app.add_middleware(AdminFirst)
    app.add_middleware(RateLimit, per_minute=settings.http_rate_limit)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.include_router(routes.router)
    app.include_router(jobs.router)
    openapi.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return app
