"""Per-user limits: one question in flight, and at most N questions per minute."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class UserLimits:
    """Sliding-window rate limit plus an in-flight set; time is injectable for tests."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._times: dict[int, deque[float]] = defaultdict(deque)
        self._busy: set[int] = set()

    def busy(self, user_id: int) -> bool:
        return user_id in self._busy

    def allow(self, user_id: int) -> bool:
        """Count a question if the user is under the limit; False when over it."""
        now = self.clock()
        window = self._times[user_id]
        while window and now - window[0] >= 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return False
        window.append(now)
        return True

    def start(self, user_id: int) -> None:
        self._busy.add(user_id)

    def done(self, user_id: int) -> None:
        self._busy.discard(user_id)
