"""A pulled ad is never kept after it is pulled: pages requested from a real server of two
processes while an ad slot's code changes may show the old code for a moment, but none
is kept with it. Each process keeps the ad slots in memory and asks the shared store
about purges at most every caching.local.CHECK_SECONDS; a page it renders from slots
read before another process's purge must not be kept as new (caching.local.render_clock).
Runs on the SQLite store in the SQLite pass and on Redis in the PostgreSQL pass."""

import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from wagtail.models import Locale

from shpalta.ads.models import AdSlot, Placement

from ..factories import make_article
from ..servers import granian

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3
CONCURRENT = 50


@pytest.fixture
def server(tmp_path, newsroom):
    """granian with two worker processes, as production runs."""
    with granian(tmp_path) as url:
        yield url


def fetch(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  (loopback)
        return response.headers.get("X-Cache", ""), response.read().decode()


def test_pages_requested_around_an_ad_change_never_keep_the_old_code(server):
    articles = [make_article(headline=f"Новина {n}") for n in range(16)]
    paths = ["/", "/news/", *(article.get_absolute_url() for article in articles)]
    slot = AdSlot.objects.create(
        locale=Locale.objects.get(language_code="uk"),
        placement=Placement.TOP_BANNER,
        code="<div>ad-code-0</div>",
    )
    kept_stale, shown = [], 0
    with ThreadPoolExecutor(max_workers=16) as pool:
        for round_ in range(1, ROUNDS + 1):
            old, new = f"ad-code-{round_ - 1}", f"ad-code-{round_}"
            list(pool.map(fetch, [server + path for path in paths]))  # kept with the old code
            burst = [server + paths[n % len(paths)] for n in range(CONCURRENT)]
            pending = [pool.submit(fetch, url) for url in burst[: CONCURRENT // 2]]
            slot.code = f"<div>{new}</div>"
            slot.save()  # purges every page, at once and when it commits
            pending += [pool.submit(fetch, url) for url in burst[CONCURRENT // 2 :]]
            shown += sum(old in body for _, body in (p.result() for p in pending))
            # Once every process has asked the store again, no reader may get the old
            # code, least of all from the cache.
            time.sleep(0.5)
            again = pool.map(fetch, [server + path for path in paths])
            for path, (cache, body) in zip(paths, again, strict=True):
                if old in body or new not in body:
                    kept_stale.append((round_, path, cache))
    assert not kept_stale, f"kept with the ad pulled: {kept_stale}"
    print(f"{ROUNDS} rounds of {CONCURRENT} requests: the old code shown {shown} times")
