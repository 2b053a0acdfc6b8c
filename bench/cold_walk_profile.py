"""A crawler's walk, in-process: the cold article's cost per page in time, queries and
Python function calls (the last do not drift with the machine's speed, so two commits
compare on them where a few percent of time would be noise here).

    export SECRET_KEY=x SHPALTA_VAR_DIR=var/bench/archive-10000   # bench/run.py's archive
    PAGE_CACHE=0 PAGE_CACHE_PATH=/tmp/walk-store.sqlite3 python bench/cold_walk_profile.py

The fragment store (PAGE_CACHE_PATH) is emptied first. Each timed request is a distinct
archive article not asked before (bench/archive_paths.py's order); WARM_UP articles
before them leave warm only what every page shares (the chrome, the recent-news column,
the top stories) and what the process keeps of its own (compiled queries and templates,
Wagtail's rendition cache). Options: --pages N (300), --warm-up N (30).
"""

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from shpalta.caching.pages import store  # noqa: E402
from shpalta.newsroom.models import Article  # noqa: E402


def walk() -> list[str]:
    live = Article.objects.live().select_related("locale")
    old = live.filter(published_at__lt=timezone.now() - timedelta(3))
    paths = [article.get_absolute_url() for article in old]
    random.Random(11).shuffle(paths)  # noqa: S311  (bench/archive_paths.py's order)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--warm-up", type=int, default=30)
    options = parser.parse_args()
    if settings.PAGE_CACHE:
        raise SystemExit("run with PAGE_CACHE=0: each request must render")
    store().clear()
    paths = walk()
    warm, timed = paths[: options.warm_up], paths[options.warm_up :][: options.pages]
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "")
    for path in warm:
        assert client.get(path).status_code == 200, path
    half = len(timed) // 2
    queries = 0

    def counted(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(counted):
        for path in timed[:half]:
            assert client.get(path).status_code == 200, path
    wall = (time.perf_counter() - started) * 1000 / half
    cpu = (time.process_time() - cpu) * 1000 / half
    profile = cProfile.Profile()
    profile.enable()
    for path in timed[half:]:
        client.get(path)
    profile.disable()
    calls = pstats.Stats(profile).total_calls / (len(timed) - half)
    print(f"cold article, {len(timed)} distinct archive articles after {len(warm)}:")
    print(f"  {wall:.1f} ms a page (CPU {cpu:.1f} ms), {queries / half:.1f} queries a page")
    print(f"  {calls:,.0f} Python function calls a page (cProfile, the second half)")


if __name__ == "__main__":
    main()
