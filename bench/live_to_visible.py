"""Update-to-visible of a live blog: how long after a reporter adds an update does each
page that shows the blog show it, through the real server (and Varnish when given)?

Run by bench/run.py inside the benchmark site's settings, as publish_to_visible.py is:
    python manage.py shell -c "exec(open('bench/live_to_visible.py').read())"
with BENCH_BASES (comma-separated base URLs to poll) and BENCH_ROUNDS in the environment.
Prints one JSON line: seconds to visible per page, over all rounds.
"""

import json
import os
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from shpalta.editions.dates import kyiv_time
from shpalta.newsroom.models import Article, Kind, LiveEntry


def _visible(url: str, text: str) -> bool:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
        return text in response.read().decode()


def measure() -> dict:
    bases = os.environ["BENCH_BASES"].split(",")
    rounds = int(os.environ.get("BENCH_ROUNDS", "10"))
    blog = Article.objects.live().in_edition("en").filter(kind=Kind.LIVE).first()
    if blog is None:
        raise SystemExit("the benchmark site has no English live blog")
    address = blog.get_absolute_url()
    pages = [address, f"{address}updates/", f"{address}rss/", "/eng/live/"]
    delays: dict[str, list[float]] = {}
    added = []
    try:
        for number in range(rounds):
            for base in bases:
                for page in pages:  # every page in the caches before the update
                    _visible(base + page, "")
            marker = f"Bench update {number} {time.time_ns()}"
            added_at = time.monotonic()  # the reporter presses Save
            added.append(
                LiveEntry.objects.create(
                    article=blog, headline=marker, body=[("paragraph", f"<p>{marker}</p>")]
                )
            )

            latest = added[-1].published_at

            def wait(url: str, added_at=added_at, marker=marker, latest=latest):
                # The live blogs list shows its line with its latest update's time.
                shown = kyiv_time(latest).isoformat() if url.endswith("/eng/live/") else marker
                while not _visible(url, shown):
                    if time.monotonic() - added_at > 10:
                        raise SystemExit(f"{url} did not show the update in 10 s")
                    time.sleep(0.005)
                return url, time.monotonic() - added_at

            urls = [base + page for base in bases for page in pages]
            with ThreadPoolExecutor(max_workers=8) as pool:
                for url, delay in pool.map(wait, urls):
                    delays.setdefault(url, []).append(delay)
    finally:
        for entry in added:
            entry.delete()
    return delays


print(json.dumps(measure()))
