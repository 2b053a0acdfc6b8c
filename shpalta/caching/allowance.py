"""How many requests a client may make in a window, counted in the cache (Redis in
production, so every server process counts together): the content API's allowance,
the newsletter form's."""

import logging
import time

from django.core.cache import cache

from .store import CircuitBreaker

logger = logging.getLogger(__name__)
# Counting in a cache that cannot be reached is not tried again for a moment.
_counter = CircuitBreaker((Exception,))


def spend(name: str, client: str, limit: int, window: int) -> tuple[int, int]:
    """Count one request of `client` against its allowance `name` (`limit` a `window` of
    seconds): (requests left, seconds until the window ends). When the cache cannot be
    reached the request is let through, uncounted: (limit, 0)."""
    now = time.time()
    key = f"{name}:{client}:{int(now // window)}"
    if _counter.tripped:
        return limit, 0
    try:
        with _counter.watching():
            cache.add(key, 0, window + 1)
            try:
                used = cache.incr(key)
            except ValueError:  # the entry expired between add and incr
                used = 1
    except Exception:  # the cache cannot be reached
        logger.exception("Could not count a request of %s against %s", client, name)
        return limit, 0
    return max(limit - used, -1), int(window - now % window) + 1
