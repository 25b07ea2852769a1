"""How `cancu serve` runs the app: uvicorn with a header timeout, a bounded graceful shutdown, and the engine
built before the server starts (so a store in use by another process is one line on the terminal).

uvicorn times out idle keep-alive connections but not a request whose headers never finish: a client sending
one header byte every few seconds held a connection (and a task) forever. ``GuardedHttpTools`` closes a
connection whose request headers are not complete ``header_timeout`` seconds after its first byte (or after
the connection opened). Bodies are bounded in ``api.guard.BodyGuard``.

    serve(settings)   # blocks until SIGINT/SIGTERM
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from core.config import Settings

logger = logging.getLogger(__name__)

#: Seconds SIGTERM waits for requests in flight before they are cancelled (a file being read is then stopped).
GRACEFUL_SHUTDOWN_S = 10
#: Files still being read this long before that are stopped, so that their requests end with 503 (ServiceStopping)
#: rather than being cancelled, which uvicorn answers with a 500.
STOP_READING_BEFORE_S = 2


def guarded_protocol(header_timeout: float) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol, closing connections whose request headers take over ``header_timeout``."""

    class GuardedHttpTools(HttpToolsProtocol):
        _header_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            if self._header_timer is None:
                self._header_timer = self.loop.call_later(header_timeout, self._headers_too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_too_slow(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing():
                logger.info("closed a connection whose request headers took over %.0f s", header_timeout)
                self.transport.close()

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return GuardedHttpTools


def graceful_server(config: Any, stop_reading: Callable[[], None]) -> Any:
    """A uvicorn server that, once shutting down, calls ``stop_reading`` STOP_READING_BEFORE_S before the
    graceful shutdown runs out: an upload whose file is still being read is answered 503, not cancelled."""
    import uvicorn

    class GracefulServer(uvicorn.Server):
        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            delay = max(0.0, self.config.timeout_graceful_shutdown - STOP_READING_BEFORE_S)
            timer = threading.Timer(delay, stop_reading)
            timer.daemon = True
            timer.start()
            try:
                await super().shutdown(sockets)
            finally:
                timer.cancel()

    return GracefulServer(config)


def serve(settings: Settings) -> None:
    """Build the engine, then serve the API (and the bot) until stopped; the engine is closed on the way out."""
    import uvicorn

    from api.app import create_app
    from retrieval.engine import build_engine

    engine = build_engine(settings)  # a locked or damaged store: a CancuError, printed by the CLI as one line
    try:
        engine.warm()
        logger.info("index loaded: %d documents, %s mode", engine.document_count(), engine.mode)
        logger.info("serving on http://%s:%d", settings.host, settings.port)
        config = uvicorn.Config(  # log_config=None: uvicorn logs through the root handler, which masks secrets
            create_app(engine, settings, holds_store=True),
            host=settings.host,
            port=settings.port,
            http=guarded_protocol(settings.http_header_timeout_s),
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
            log_level=settings.log_level.lower(),
            access_log=False,
            log_config=None,
        )
        server = graceful_server(config, engine.reader.close)
        server.run()
        if not server.started:  # the port is taken, say (uvicorn has logged why): as uvicorn.run exits
            raise SystemExit(3)
    finally:
        engine.close()
