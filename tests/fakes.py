"""Hand-written fakes: small real servers on loopback that play a scripted part."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
