"""Pages polled until they show a change: what the change-to-visible scripts
(publish_to_visible.py, live_to_visible.py) share."""

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

LIMIT = 10  # seconds a page may take to show a change before the run stops


def visible(url: str, text: str) -> bool:
    """Whether the page shows `text`. A 503 is "not yet": eight pollers ask for pages a
    publish has just purged at once, more misses than a process renders together, and
    those past its queue are refused with Retry-After (caching.misses) until a render
    frees a slot; the delay measured then includes that wait."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
            return text in response.read().decode()
    except urllib.error.HTTPError as error:
        if error.code == 503:
            return False
        raise


def keep(urls: list[str]) -> None:
    """Ask each page once, so that the caches hold it before the change."""
    for url in urls:
        visible(url, "")


def until_shown(urls: list[str], shown: Callable[[str], str], since: float) -> dict[str, float]:
    """Seconds from `since` (time.monotonic) until each page shows `shown(url)`, polled
    every 5 ms, eight at a time."""

    def wait(url: str) -> tuple[str, float]:
        while not visible(url, shown(url)):
            if time.monotonic() - since > LIMIT:
                raise SystemExit(f"{url} did not show the change in {LIMIT} s")
            time.sleep(0.005)
        return url, time.monotonic() - since

    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(pool.map(wait, urls))
