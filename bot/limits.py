"""Per-user limit: at most N questions per minute (a user's questions are answered one at a time by bot.inbox)."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class UserLimits:
    """Sliding-window rate limit; time is injectable for tests."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._times: dict[int, deque[float]] = defaultdict(deque)

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
