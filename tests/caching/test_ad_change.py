"""A pulled ad is never kept after it is pulled: pages requested from a real server of two
processes while an ad slot's code changes may show the old code for a moment, but none
is kept with it. Each process keeps the ad slots in memory and asks the shared store
about purges at most every caching.local.CHECK_SECONDS; a page it renders from slots
read before another process's purge must not be kept as new (caching.local.render_clock).
Runs on the SQLite store in the SQLite pass and on Redis in the PostgreSQL pass."""

import os
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Locale

from shpalta.ads.models import AdSlot, Placement

from ..conftest import free_port
from ..factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3
CONCURRENT = 50


def database_url() -> str:
    """The test database, for the server processes."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def server(tmp_path, newsroom):
    """granian with two worker processes, as production runs, on the test's database and
    page store (its SQLite file, or Redis)."""
    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": database_url(),
        "SHPALTA_VAR_DIR": str(tmp_path / "var"),
        "PAGE_CACHE_PATH": str(settings.PAGE_CACHE_PATH),
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    # As bin/serve does: the production settings serve hashed static files.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    command = [sys.executable, "-m", "granian", "--interface", "wsgi", "--port", str(port)]
    command += ["--workers", "2", "--blocking-threads", "4", "--no-ws", "shpalta.wsgi:application"]
    log = (tmp_path / "granian.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/robots.txt", timeout=2):  # noqa: S310
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"granian did not start: {(tmp_path / 'granian.log').read_text()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


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
