"""Values a server process keeps in memory until the site changes them: the names that
have pages, the ad slots. Read from the database once, and again when a purge of their
key reaches the shared store (an edit of the taxonomy, the ads or the settings purges
keys.ALL): a process asks the store at most every CHECK_SECONDS, at once after a purge it
made itself, and reads the value again after MAX_SECONDS in any case."""

import logging
import threading
import time
import weakref
from collections.abc import Callable

from . import keys, purge
from .pages import store

CHECK_SECONDS = 0.25
MAX_SECONDS = 60
_EVERY = weakref.WeakSet()
logger = logging.getLogger(__name__)


def forget_all() -> None:
    """Read every kept value again at its next use (a test's database is rolled back
    under it, and its store emptied)."""
    for kept in list(_EVERY):
        kept._loaded_ns = 0


class KeptInProcess[T]:
    def __init__(self, load: Callable[[], T], key: str = keys.ALL):
        self._load = load
        self._key = key
        self._lock = threading.Lock()
        self._loaded_ns = 0
        self._checked_ns = 0
        self._value: T | None = None
        _EVERY.add(self)

    def _stale(self) -> bool:
        now = time.time_ns()
        if now - self._loaded_ns > MAX_SECONDS * 10**9:
            return True
        if now - self._checked_ns < CHECK_SECONDS * 10**9 and (
            purge.last_purge_ns <= self._loaded_ns
        ):
            return False
        self._checked_ns = now
        try:
            return store().purged_since(self._key, self._loaded_ns)
        except Exception:  # a broken store: the value read before serves until MAX_SECONDS
            logger.exception("Kept values: could not ask the store about %r", self._key)
            return False

    def get(self) -> T:
        if self._stale():
            with self._lock:
                if self._stale():
                    loaded_ns = time.time_ns()
                    value = self._load()
                    self._value, self._loaded_ns = value, loaded_ns
        return self._value
