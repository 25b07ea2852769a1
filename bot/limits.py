"""Per-user limit: at most N updates (questions, commands, buttons) per minute; a user's questions are answered
one at a time by bot.inbox.

Refused updates count too, so a user who keeps sending stays refused until a quiet minute; the refusal is
said once a minute, not to every update. What is kept is bounded: at most ``per_minute`` times per user, and
users silent for a minute (or beyond ``max_users``, least recently seen first) are forgotten.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW_S = 60.0
MAX_USERS = 10_000


@dataclass
class _Seen:
    times: deque[float]
    warned: float | None = None
    last: float = field(default=0.0)


class UserLimits:
    """Sliding-window rate limit over every update; time is injectable for tests.

    >>> limits = UserLimits(2)
    >>> [limits.allow(7) for _ in range(3)], limits.warn(7), limits.warn(7)
    ([True, True, False], True, False)
    """

    def __init__(
        self, per_minute: int, clock: Callable[[], float] = time.monotonic, max_users: int = MAX_USERS
    ) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.max_users = max_users
        self._seen: OrderedDict[int, _Seen] = OrderedDict()  # least recently seen first

    def allow(self, user_id: int) -> bool:
        """Count one update of the user, refused or not; False when it is over the limit."""
        now = self.clock()
        self._forget(now)
        seen = self._seen.pop(user_id, None) or _Seen(deque(maxlen=self.per_minute))
        while seen.times and now - seen.times[0] >= WINDOW_S:
            seen.times.popleft()
        allowed = len(seen.times) < self.per_minute
        seen.times.append(now)  # the oldest drops out: only the last per_minute times decide
        seen.last = now
        self._seen[user_id] = seen
        return allowed

    def warn(self, user_id: int) -> bool:
        """Whether a refused user should be told (once a minute), noting that they were."""
        seen = self._seen.get(user_id)
        now = self.clock()
        if seen is None or (seen.warned is not None and now - seen.warned < WINDOW_S):
            return False
        seen.warned = now
        return True

    def tracked(self) -> int:
        """How many users are remembered (for tests and metrics)."""
        return len(self._seen)

    def _forget(self, now: float) -> None:
        while self._seen:
            oldest = next(iter(self._seen.values()))
            quiet = now - oldest.last >= WINDOW_S and (oldest.warned is None or now - oldest.warned >= WINDOW_S)
            if not quiet and len(self._seen) < self.max_users:
                break
            self._seen.popitem(last=False)
