"""Values a server process keeps in memory until the site changes them: the names that
have pages, the ad slots. Read from the database once, and again when a purge of their
key reaches the shared store (an edit of the taxonomy, the ads or the settings purges
keys.ALL): a process asks the store at most every CHECK_SECONDS, at once after a purge it
made itself, and reads the value again after MAX_SECONDS in any case. Once one thread
finds the value purged, the process's other threads wait for it to be read again
instead of serving it.

A value may thus be up to CHECK_SECONDS behind a purge made by another process. A page
rendered from it must not be kept as if it were new: render_clock() dates a render by
the moment the oldest value it read was last known to be current, and the store refuses
a page whose keys were purged since (an ad pulled in one process, a page rendered with
it in another a moment later)."""

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from . import keys, purge
from .pages import store

CHECK_SECONDS = 0.25
MAX_SECONDS = 60
# A purge's marks carry the moment it began and are seen by others when it commits,
# a few milliseconds later: a store that shows no purge vouches for a value only as of
# this long before it was asked.
SETTLE_SECONDS = 1
_EVERY = weakref.WeakSet()
logger = logging.getLogger(__name__)


# While a render runs: the moment it started, or when the oldest kept value it read was
# last known to be current, if that is earlier.
_as_of: ContextVar[int | None] = ContextVar("kept_values_as_of", default=None)


class RenderClock:
    """When what a render shows was read (ns): its start, or the moment the oldest kept
    value it read was last known to be current, if earlier. Final when the block ends."""

    __slots__ = ("read_at_ns",)

    def __init__(self, started_ns: int):
        self.read_at_ns = started_ns


@contextmanager
def render_clock() -> Iterator[RenderClock]:
    """Time a render for the store (`store(..., clock.read_at_ns)` after the block).
    Nested renders (a fragment in a page) date the outer one too."""
    clock = RenderClock(time.time_ns())
    token = _as_of.set(clock.read_at_ns)
    try:
        yield clock
    finally:
        clock.read_at_ns = _as_of.get()
        _as_of.reset(token)
        outer = _as_of.get()
        if outer is not None and clock.read_at_ns < outer:
            _as_of.set(clock.read_at_ns)


def _read(current_as_of_ns: int) -> None:
    moment = _as_of.get()
    if moment is not None and current_as_of_ns < moment:
        _as_of.set(current_as_of_ns)


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
        self._current_ns = 0  # when the value was last known to be current
        self._found_purged_ns = 0  # when a thread last found the value purged
        self._value: T | None = None
        _EVERY.add(self)

    def _stale(self) -> bool:
        now = time.time_ns()
        if now - self._loaded_ns > MAX_SECONDS * 10**9:
            return True
        # Another thread found it purged and is reading it again: wait for that read
        # rather than serve what the store just said is stale.
        if self._found_purged_ns > self._loaded_ns:
            return True
        if now - self._checked_ns < CHECK_SECONDS * 10**9 and (
            purge.last_purge_ns <= self._loaded_ns
        ):
            return False
        try:
            purged = store().purged_since(self._key, self._loaded_ns)
        except Exception:  # a broken store: the value read before serves until MAX_SECONDS
            logger.exception("Kept values: could not ask the store about %r", self._key)
            self._checked_ns = now
            return False
        # Checked once answered: while one thread waits for the store, the others ask
        # too rather than serve a value it may be about to call stale.
        self._checked_ns = now
        if purged:
            self._found_purged_ns = now
        else:
            self._current_ns = max(self._current_ns, now - SETTLE_SECONDS * 10**9)
        return purged

    def get(self) -> T:
        if self._stale():
            seen_ns = self._loaded_ns
            with self._lock:
                # Read again unless another thread did while this one waited. (Asking
                # _stale() again here would find the store just asked, and a purge made
                # by another process would go unread until MAX_SECONDS.)
                if self._loaded_ns == seen_ns:
                    loaded_ns = time.time_ns()
                    value = self._load()
                    self._value, self._loaded_ns = value, loaded_ns
                    self._current_ns = loaded_ns
        _read(self._current_ns)
        return self._value
