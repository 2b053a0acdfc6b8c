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

from django.utils import translation

from bench.polling import keep, until_shown
from shpalta.editions.dates import kyiv_time, kyiv_today
from shpalta.newsroom.models import Article


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
    urls = [base + page for base in bases for page in pages]
    try:
        for number in range(rounds):
            keep(urls)  # every page in the caches before the change
            marker = f"{original} [{number}]"
            article.headline = marker
            published = time.monotonic()  # the editor presses Publish
            article.save_revision().publish()
            for url, delay in until_shown(urls, lambda url, m=marker: m, published).items():
                delays.setdefault(url, []).append(delay)
    finally:
        article.headline = original
        article.save_revision().publish()
    return delays


print(json.dumps(measure()))
