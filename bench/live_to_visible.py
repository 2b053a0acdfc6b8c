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

from bench.polling import keep, until_shown
from shpalta.editions.dates import kyiv_time
from shpalta.newsroom.models import Article, Kind, LiveEntry


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
    urls = [base + page for base in bases for page in pages]
    try:
        for number in range(rounds):
            keep(urls)  # every page in the caches before the update
            marker = f"Bench update {number} {time.time_ns()}"
            added_at = time.monotonic()  # the reporter presses Save
            entry = LiveEntry.objects.create(
                article=blog, headline=marker, body=[("paragraph", f"<p>{marker}</p>")]
            )
            added.append(entry)

            def shown(url: str, marker=marker, latest=entry.published_at) -> str:
                # The live blogs' list shows the blog's line with its latest update's time.
                return kyiv_time(latest).isoformat() if url.endswith("/eng/live/") else marker

            for url, delay in until_shown(urls, shown, added_at).items():
                delays.setdefault(url, []).append(delay)
    finally:
        for entry in added:
            entry.delete()
    return delays


print(json.dumps(measure()))
