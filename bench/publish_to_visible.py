"""Publish-to-visible: how long after an editor publishes a change does each page that
shows the story show it, through the real server (and Varnish when given)?

Run by bench/run.py inside the benchmark site's settings:
    python manage.py shell -c "exec(open('bench/publish_to_visible.py').read())"
with BENCH_BASES (comma-separated base URLs to poll) and BENCH_ROUNDS in the environment.
Prints one JSON line: seconds to visible per page, over all rounds.
"""

import json
import os
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.utils import translation

from shpalta.editions.dates import kyiv_time, kyiv_today
from shpalta.newsroom.models import Article


def _visible(url: str, text: str) -> bool:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
        return text in response.read().decode()


def _pages(article: Article) -> list[str]:
    day = kyiv_time(article.published_at)
    with translation.override("en"):
        tag = article.ordered_tags()[0].slug
        author = article.ordered_authors()[0].slug
    # All News without a day shows Kyiv's today: after Kyiv's midnight, yesterday's story
    # is on its day's page only.
    today = ["/eng/news/"] if day.date() == kyiv_today() else []
    return [
        article.get_absolute_url(),
        "/eng/",
        *today,
        f"/eng/news/{day:%Y/%m}/{day.day}/",
        f"/eng/tags/{tag}/",
        f"/eng/sections/{article.section.slug}/",
        f"/eng/authors/{author}/",
        "/eng/rss/",
        f"/eng/tags/{tag}/atom/",
        "/eng/sitemaps/news.xml",
        "/api/v1/articles/?edition=en",
        f"/api/v1/articles/en/{article.story_number}/",
    ]


def measure() -> dict:
    bases = os.environ["BENCH_BASES"].split(",")
    rounds = int(os.environ.get("BENCH_ROUNDS", "10"))
    article = (
        Article.objects.live().in_edition("en").exclude(tag_links=None).order_by("-published_at")
    ).first()
    original = article.headline
    pages = _pages(article)
    delays: dict[str, list[float]] = {}
    try:
        for number in range(rounds):
            for base in bases:
                for page in pages:  # every page in the caches before the change
                    _visible(base + page, "")
            marker = f"{original} [{number}]"
            article.headline = marker
            published = time.monotonic()  # the editor presses Publish
            article.save_revision().publish()

            def wait(url: str, published=published, marker=marker) -> tuple[str, float]:
                while not _visible(url, marker):
                    if time.monotonic() - published > 10:
                        raise SystemExit(f"{url} did not show the change in 10 s")
                    time.sleep(0.005)
                return url, time.monotonic() - published

            urls = [base + page for base in bases for page in pages]
            with ThreadPoolExecutor(max_workers=8) as pool:
                for url, delay in pool.map(wait, urls):
                    delays.setdefault(url, []).append(delay)
    finally:
        article.headline = original
        article.save_revision().publish()
    return delays


print(json.dumps(measure()))
