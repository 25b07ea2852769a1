"""Hand-written fakes: small real servers on loopback that play a scripted part."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeOpenAI:
    """An OpenAI-compatible /v1/chat/completions that answers from a queue; ``history`` keeps the requests.

    with FakeOpenAI.serve() as llm:
        llm.enqueue("Phòng Công tác sinh viên kiện toàn Ban Quản lý Ký túc xá [1].")
        ...
    """

    def __init__(self) -> None:
        self.replies: list[tuple[str, float, int]] = []
        self.history: list[dict[str, Any]] = []
        self.url = ""

    def enqueue(self, content: str, *, delay: float = 0.0, status: int = 200) -> None:
        self.replies.append((content, delay, status))

    @classmethod
    @contextmanager
    def serve(cls) -> Iterator[FakeOpenAI]:
        fake = cls()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                fake.history.append({"path": self.path, "body": body})
                content, delay, status = fake.replies.pop(0) if fake.replies else ("", 0.0, 500)
                time.sleep(delay)
                payload = {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", "fake"),
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode() if status == 200 else b'{"error": {"message": "boom"}}'
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out first

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        fake.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield fake
        finally:
            server.shutdown()
            server.server_close()


class FakeTelegram:
    """A Telegram Bot API stand-in on loopback: queue updates for getUpdates, record every call the bot makes.

    with FakeTelegram.serve() as tg:
        settings = ... telegram_api_base=tg.base_url ...
        tg.push_message(chat_id=1, user_id=7, text="Phòng Công tác sinh viên phải làm gì?")
        sent = tg.wait_for("sendMessage", chat_id=1)
    """

    BOT_ID = 424242
    USERNAME = "cancu_test_bot"

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.cond = threading.Condition()
        self.next_update = 1
        self.next_message = 1000
        self.base_url = ""
        self.reply_delay = 0.0  # seconds the server holds sendMessage replies (a slow network to Telegram)

    # ---- what a test does

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.cond:
            update = {"update_id": self.next_update, **update}
            self.next_update += 1
            self.updates.append(update)
            self.cond.notify_all()
        return update

    def message_update(
        self, *, chat_id: int, user_id: int, text: str, chat_type: str = "private", **extra: Any
    ) -> dict[str, Any]:
        with self.cond:
            self.next_message += 1
            mid = self.next_message
        msg = {
            "message_id": mid,
            "date": int(time.time()),
            "chat": {
                "id": chat_id,
                "type": chat_type,
                **({"title": "Nhóm giáo viên"} if chat_type != "private" else {"first_name": "Cô giáo"}),
            },
            "from": {"id": user_id, "is_bot": False, "first_name": "Cô giáo", "language_code": "vi"},
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"message": msg}

    def push_message(self, **kwargs: Any) -> dict[str, Any]:
        return self.push(self.message_update(**kwargs))

    def push_media(self, *, chat_id: int, user_id: int, kind: str, chat_type: str = "private") -> dict[str, Any]:
        """A message without text: a photo, voice note, document or sticker, as Telegram sends them."""
        media = {
            "photo": {"photo": [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]},
            "voice": {"voice": {"file_id": "v1", "file_unique_id": "u2", "duration": 3}},
            "document": {"document": {"file_id": "d1", "file_unique_id": "u3", "file_name": "kh.pdf"}},
            "sticker": {"sticker": {"file_id": "s1", "file_unique_id": "u4", "type": "regular", "width": 512,
                                    "height": 512, "is_animated": False, "is_video": False}},
        }[kind]  # fmt: skip
        update = self.message_update(chat_id=chat_id, user_id=user_id, text="", chat_type=chat_type)
        del update["message"]["text"]
        update["message"].update(media)
        return self.push(update)

    def bot_message(self, chat_id: int, message_id: int, chat_type: str = "private") -> dict[str, Any]:
        """One of the bot's own messages, as a reply quotes it (``reply_to_message``)."""
        return {"message_id": message_id, "date": int(time.time()), "chat": {"id": chat_id, "type": chat_type},
                "from": {"id": self.BOT_ID, "is_bot": True, "first_name": "cancu"}, "text": "…"}  # fmt: skip

    def push_callback(self, *, chat_id: int, user_id: int, message_id: int, data: str) -> dict[str, Any]:
        return self.push(
            {
                "callback_query": {
                    "id": f"cb{time.monotonic_ns()}",
                    "from": {"id": user_id, "is_bot": False, "first_name": "Cô giáo"},
                    "chat_instance": "ci",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private"},
                        "text": "…",
                    },
                }
            }
        )

    def sent(self, method: str = "sendMessage", **match: Any) -> list[dict[str, Any]]:
        with self.cond:
            return [p for m, p in self.calls if m == method and all(str(p.get(k)) == str(v) for k, v in match.items())]

    def wait_for(
        self, method: str = "sendMessage", count: int = 1, timeout: float = 15.0, **match: Any
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                found = [
                    p for m, p in self.calls if m == method and all(str(p.get(k)) == str(v) for k, v in match.items())
                ]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"timed out waiting for {count} {method} {match}; calls: {[m for m, _ in self.calls]}"
                    )
                self.cond.wait(left)

    # ---- the server

    def _handle(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            wait = min(float(params.get("timeout") or 0), 0.5)
            deadline = time.monotonic() + wait
            with self.cond:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                while not self.updates and time.monotonic() < deadline:
                    self.cond.wait(deadline - time.monotonic())
                return list(self.updates)
        if method in ("sendMessage", "editMessageText"):
            with self.cond:
                self.next_message += 1
                params["_message_id"] = self.next_message  # what the bot gets back, for tests that press its buttons
        with self.cond:
            self.calls.append((method, params))
            self.cond.notify_all()
        if method == "sendMessage" and self.reply_delay:
            time.sleep(self.reply_delay)  # the user already sees the message; the bot has not heard back yet
        if method == "getMe":
            return {"id": self.BOT_ID, "is_bot": True, "first_name": "cancu", "username": self.USERNAME, "can_join_groups": True,
                    "can_read_all_group_messages": False, "supports_inline_queries": False}  # fmt: skip
        if method in ("sendMessage", "editMessageText"):
            mid = params["_message_id"]
            chat_id = int(params["chat_id"])
            return {"message_id": mid, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"}, "text": params.get("text", ""),
                    "from": {"id": self.BOT_ID, "is_bot": True, "first_name": "cancu", "username": self.USERNAME}}  # fmt: skip
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    @classmethod
    @contextmanager
    def serve(cls) -> Iterator[FakeTelegram]:
        from urllib.parse import parse_qs

        fake = cls()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                method = self.path.rstrip("/").rsplit("/", 1)[-1]
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype:
                    params = json.loads(raw or b"{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                for key, value in list(params.items()):
                    if isinstance(value, str) and value[:1] in "[{":
                        with suppress(ValueError):
                            params[key] = json.loads(value)
                result = fake._handle(method, params)
                data = json.dumps({"ok": True, "result": result}).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/bot"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield fake
        finally:
            with fake.cond:
                fake.cond.notify_all()
            server.shutdown()
            server.server_close()


async def run_polling(settings: Any, engine: Any, scenario: Callable[[], Awaitable[None]]) -> None:
    """Run the real bot (the Application `cancu bot` builds) with long polling while ``scenario`` plays."""
    from bot.app import build_application

    app = build_application(settings, engine)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        await scenario()
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        app.bot_data["deps"].store.close()
