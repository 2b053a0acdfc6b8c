"""Uncached latency of every page type, in-process, on whatever archive the database holds
(the 10k / 1M table of bench/RESULTS.md):

    export SECRET_KEY=x SHPALTA_VAR_DIR=/tmp/m1
    python manage.py generate_archive --articles 1000000
    python manage.py collectstatic --noinput -v0
    PAGE_CACHE=0 FRAGMENT_CACHE=0 python bench/uncached_latency.py

Prints the median and maximum of six timed requests per URL, after one warm-up, with
Django's cache emptied before each (the sitemap index keeps nothing else).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

from shpalta.newsroom.models import Article, Author, Tag  # noqa: E402


def urls() -> list[str]:
    english = Article.objects.live().in_edition("en")
    recent = english.order_by("-published_at")[min(5000, english.count() // 2)]
    old = english.order_by("published_at")[100]
    tag = Tag.objects.get(slug_en="topic-1")
    author = Author.objects.get(slug="archive-author-1")
    return [
        "/eng/",
        "/eng/news/",
        recent.get_absolute_url(),
        old.get_absolute_url(),
        f"/eng/tags/{tag.slug_en}/",
        f"/eng/tags/{tag.slug_en}/?page=50",
        f"/eng/authors/{author.slug}/",
        "/eng/sections/war/",
        "/eng/rss/",
        f"/eng/tags/{tag.slug_en}/rss/",
        "/sitemap.xml",
        f"/eng/sitemaps/{old.published_at:%Y-%m}.xml",
        "/eng/sitemaps/news.xml",
        "/api/v1/articles/?edition=en",
        f"/api/v1/articles/?tag={tag.slug_en}",
        "/api/v1/articles/?section=war&limit=100",
        "/api/v1/articles/?updated_since=2026-11-20",
        f"/api/v1/articles/en/{recent.story_number}/",
    ]


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    for url in urls():
        times = []
        for _ in range(7):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        times = times[1:]
        print(
            f"{url[:60]:60s} {response.status_code} median {statistics.median(times):7.1f} ms"
            f"  max {max(times):7.1f} ms  {len(response.content) // 1024} KB"
        )


if __name__ == "__main__":
    main()
