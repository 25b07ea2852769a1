"""The Telegram application: ``build_application(settings, engine)`` is what `cancu bot` and `cancu serve` run.

app = build_application(settings, engine)   # long polling: app.run_polling()
runner = BotRunner(settings, engine)        # inside `cancu serve`: webhook or polling beside the API
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, TypeHandler, filters

from bot import chat, handlers
from bot.inbox import Inbox
from bot.limits import UserLimits
from core.config import Settings
from core.errors import ConfigError
from core.feedback import FeedbackStore

logger = logging.getLogger(__name__)


def build_application(settings: Settings, engine: Any, store: FeedbackStore | None = None) -> Application:  # type: ignore[type-arg]
    """The bot with all its handlers; talks to CANCU_TELEGRAM_API_BASE."""
    if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
        raise ConfigError("CANCU_TELEGRAM_TOKEN is not set; create a bot with @BotFather and put its token there")
    application = (
        Application.builder()
        .token(settings.telegram_token.get_secret_value())
        .base_url(settings.telegram_api_base)
        .base_file_url(settings.telegram_api_base.replace("/bot", "/file/bot"))
        .concurrent_updates(True)
        .build()
    )
    application.bot_data["deps"] = handlers.BotDeps(
        engine=engine,
        settings=settings,
        store=store
        or FeedbackStore(
            settings.feedback_path,
            retention_days=settings.feedback_retention_days,
            max_rows=settings.feedback_max_rows,
        ),
        limits=UserLimits(settings.telegram_rate_limit),
        allowed=settings.allowed_chats(),
        inbox=Inbox(handlers.answer_batch, chat.looks_whole, handlers.on_batch_error),
    )
    application.add_handler(TypeHandler(Update, handlers.gate), group=-1)  # one rate limit before any handler
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("vanban", handlers.vanban))
    application.add_handler(CommandHandler("cancu", handlers.cancu))
    application.add_handler(CommandHandler("hoi", handlers.hoi))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.on_text))
    # a photo, voice note, file, sticker…: one line saying what the bot reads (not joins, leaves, pins)
    application.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL, handlers.on_other
        )
    )
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_error_handler(handlers.on_error)
    return application


class BotRunner:
    """Runs the bot inside `cancu serve` on the API's engine: webhook on /telegram/webhook, or polling."""

    def __init__(self, settings: Settings, engine: Any) -> None:
        self.settings = settings
        self.application = build_application(settings, engine)
        self.webhook = bool(settings.telegram_webhook_url)
        if self.webhook and (settings.telegram_secret is None or not settings.telegram_secret.get_secret_value()):
            raise ConfigError(
                "webhook mode needs CANCU_TELEGRAM_SECRET (a random string Telegram sends back with every update)"
            )

    async def start(self, app: Any) -> None:
        await self.application.initialize()
        await self.application.start()
        if self.webhook:
            secret = self.settings.telegram_secret.get_secret_value()  # type: ignore[union-attr]
            await self.application.bot.set_webhook(
                url=str(self.settings.telegram_webhook_url), secret_token=secret, allowed_updates=Update.ALL_TYPES
            )
            app.state.telegram_webhook = self.handle_webhook
            logger.info("telegram bot: webhook mode")
        else:
            assert self.application.updater is not None
            await self.application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            logger.info("telegram bot: polling beside the API")

    async def handle_webhook(self, request: Any) -> Any:
        """Queue an update from Telegram after checking its secret header (constant-time)."""
        from fastapi.responses import JSONResponse

        secret = self.settings.telegram_secret.get_secret_value().encode()  # type: ignore[union-attr]
        given = request.headers.get("x-telegram-bot-api-secret-token", "").encode()
        if not hmac.compare_digest(given, secret):
            return JSONResponse(
                {"error": "forbidden", "message": "wrong webhook secret", "message_vi": "Sai mã bí mật webhook."},
                status_code=403,
            )
        try:
            data = await request.json()
            update = Update.de_json(data, self.application.bot)
        except Exception:
            return JSONResponse(
                {
                    "error": "bad_update",
                    "message": "not a Telegram update",
                    "message_vi": "Dữ liệu không phải cập nhật Telegram.",
                },
                status_code=400,
            )
        await self.application.update_queue.put(update)
        return JSONResponse({"ok": True})

    async def stop(self) -> None:
        if not self.webhook and self.application.updater is not None and self.application.updater.running:
            await self.application.updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        self.application.bot_data["deps"].store.close()


def main(settings: Settings) -> int:
    """`cancu bot`: long polling, for a school without a public address."""
    from retrieval.engine import build_engine

    if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
        raise ConfigError("CANCU_TELEGRAM_TOKEN is not set; create a bot with @BotFather and put its token there")
    engine = build_engine(settings)
    try:
        engine.warm()
        application = build_application(settings, engine)
        logger.info("telegram bot: long polling with %d documents", engine.document_count())
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    finally:
        engine.close()
    return 0
