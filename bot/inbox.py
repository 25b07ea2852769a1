"""A queue per sender: a user's messages are answered in order, one at a time, and a burst becomes one question.

Nothing a user sends is dropped. A message that reads as a whole question (``bot.chat.looks_whole``) is
answered as soon as the user's earlier messages are; one that does not ("ad ơi", "phòng quản trị") waits up to
``BURST_S`` for the next one, and the pieces sent that quickly are handled together as one batch::

    inbox = Inbox(handle=answer_batch, whole=looks_whole, on_error=report)
    inbox.put((chat_id, user_id), Pending("ad ơi", update, context), spawn=application.create_task)
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)

BURST_S = 1.5  # a message that is not a whole question waits this long for the next piece of a burst


@dataclass
class Pending:
    """One message waiting to be answered."""

    text: str
    update: Any  # telegram.Update
    context: Any  # the handler's CallbackContext: bot, bot_data, chat_data, application
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Queue:
    items: list[Pending] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


class Inbox:
    """Per-sender queues worked by one task each; each batch goes to ``handle``; errors to ``on_error``."""

    def __init__(
        self,
        handle: Callable[[list[Pending]], Awaitable[None]],
        whole: Callable[[str], bool],
        on_error: Callable[[Pending, Exception], Awaitable[None]],
        burst_s: float = BURST_S,
    ) -> None:
        self.handle = handle
        self.whole = whole
        self.on_error = on_error
        self.burst_s = burst_s
        self._queues: dict[Hashable, _Queue] = {}

    def put(self, key: Hashable, item: Pending, spawn: Callable[[Coroutine[Any, Any, None]], Any]) -> None:
        """Queue a message; start the sender's worker if none runs."""
        queue = self._queues.get(key)
        if queue is None:
            queue = self._queues[key] = _Queue()
            queue.items.append(item)
            spawn(self._work(key, queue))
        else:
            queue.items.append(item)
            queue.arrived.set()

    def waiting(self, key: Hashable) -> int:
        queue = self._queues.get(key)
        return len(queue.items) if queue else 0

    async def _work(self, key: Hashable, queue: _Queue) -> None:
        try:
            while queue.items:
                batch = [queue.items.pop(0)]
                while not self.whole(batch[-1].text):
                    if not queue.items:
                        queue.arrived.clear()
                        try:
                            await asyncio.wait_for(queue.arrived.wait(), timeout=self.burst_s)
                        except TimeoutError:
                            break
                    batch.append(queue.items.pop(0))
                try:
                    await self.handle(batch)
                except Exception as exc:  # one failed batch is reported; the next messages are still answered
                    await self.on_error(batch[-1], exc)
        finally:
            # no await between the last emptiness check and here: a message put meanwhile starts a new worker
            self._queues.pop(key, None)
