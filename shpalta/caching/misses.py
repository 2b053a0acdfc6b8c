"""Misses cannot starve hits: how many of an anonymous reader's pages that are not kept a
server process renders at once, and what the others get.

A crawler walking the sitemaps, or a flood of real archive addresses, asks for pages
nobody asked for lately: each one is rendered (milliseconds of CPU), where a hit is
answered from the store (microseconds). Unbounded, such misses take every thread of
every worker, and the readers of the front page wait behind them. So (caching.wsgi):

- requests for the same page while it is being rendered wait for that render and are
  answered from the store (`InFlight`), rather than rendering it again: the first
  readers after a purge of the front page cost one render, not one each;
- at most PAGE_MISS_CONCURRENCY misses render at once in a process, PAGE_MISS_QUEUE
  more wait up to PAGE_MISS_WAIT_SECONDS for their turn (`Gate`: the burst of pages one
  publish purges), and none wait while misses are being refused (a flood: a waiter
  would hold a thread that hits need); a miss past that is answered at once: the
  page's stale copy when one is kept, or 503 with Retry-After (the edition's
  "temporarily unavailable" page; the API's JSON), which crawlers read as "slow down";
- the pages of today's news (PAGE_CACHE_CURRENT: the front pages, All News, the last
  two days' articles, the edition feeds, the API's latest) are never refused: there
  are a few hundred of them, each rendered once after a purge, and when a purge of
  every page (an ad slot changed) meets a crowd of readers, they must get the news,
  not a 503. An archive walk never keeps them waiting, since it holds at most
  PAGE_MISS_CONCURRENCY + PAGE_MISS_QUEUE threads of a process.

The newsroom (a session), forms (not GET or HEAD) and the admin are never limited;
hits never reach this. bin/serve gives each process 4 threads (granian's
--blocking-threads): with the defaults (1 rendering, 2 waiting), misses hold at most
three of them, and under a flood one, so that the others answer hits (microseconds
each) and today's pages. A render holds the GIL whichever thread runs it: more renders
at once would not render more.
"""

import threading
import time
from contextlib import contextmanager

# In the environ of a request refused for want of capacity: the page cache's middleware
# answers it with the edition's 503 page.
BUSY = "shpalta.busy"


class Gate:
    """`slots` holders at once; `queue` more may wait up to `wait` seconds for a slot,
    unless one was refused in the last PRESSED_SECONDS: then the pressure is not a burst
    that waiting absorbs but a flood, and a waiter would only hold a thread that hits
    need, so the others are refused at once until it eases."""

    PRESSED_SECONDS = 1.0

    def __init__(self, slots: int, queue: int, wait: float):
        self._slots = threading.BoundedSemaphore(max(slots, 1))
        self._queue = queue
        self._wait = wait
        self._lock = threading.Lock()
        self._waiting = 0
        self._refused_at = -self.PRESSED_SECONDS
        self.refused = 0  # since the process started: for its log

    @contextmanager
    def entered(self):
        """Yields whether the holder got a slot (then it holds it until the block ends)."""
        admitted = self._slots.acquire(blocking=False)
        if not admitted:
            with self._lock:
                pressed = time.monotonic() - self._refused_at < self.PRESSED_SECONDS
                queued = not pressed and self._waiting < self._queue
                self._waiting += queued
            if queued:
                try:
                    admitted = self._slots.acquire(timeout=self._wait)
                finally:
                    with self._lock:
                        self._waiting -= 1
        if not admitted:
            with self._lock:
                self.refused += 1
                self._refused_at = time.monotonic()
            yield False
            return
        try:
            yield True
        finally:
            self._slots.release()


class InFlight:
    """The pages being rendered in this process, by key: a request for one of them waits
    for its render instead of rendering it too."""

    def __init__(self):
        self._lock = threading.Lock()
        self._renders: dict[str, threading.Event] = {}

    @contextmanager
    def render(self, key: str):
        """Yields None to the first request for `key` (it renders; the others are told
        when it is done), or the event of the render under way to the others."""
        with self._lock:
            under_way = self._renders.get(key)
            if under_way is None:
                done = self._renders[key] = threading.Event()
        if under_way is not None:
            yield under_way
            return
        try:
            yield None
        finally:
            with self._lock:
                del self._renders[key]
            done.set()
