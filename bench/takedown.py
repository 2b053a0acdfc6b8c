"""Panic unpublish: how long after the duty editor takes down 50 articles of three
editions is the last of their pages gone (404), through the real server's page cache
(and Varnish when given)? Every page is read twice before each round, so each is a hit
in every cache when the action starts. Each round puts the set back afterwards.

Run by bench/run.py inside the benchmark site's settings:
    python manage.py shell -c "exec(open('bench/takedown.py').read())"
with BENCH_BASES (comma-separated base URLs to poll) and BENCH_ROUNDS in the environment.
Prints one JSON line: per round, the action's own seconds and each page's seconds to gone.
"""

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from bench.probe import status_of
from shpalta.newsroom.models import Article
from shpalta.newsroom.services import ensure_newsroom_roles
from shpalta.newsroom.takedown import put_back, take_down

# 50 articles: the newest of each edition.
PER_EDITION = {"uk": 17, "ru": 17, "en": 16}


def measure() -> list[dict]:
    bases = os.environ["BENCH_BASES"].split(",")
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    ensure_newsroom_roles()
    duty, _ = get_user_model().objects.get_or_create(username="bench-duty")
    duty.groups.add(Group.objects.get(name="Duty editors"))
    stories = []
    for code, count in PER_EDITION.items():
        stories += list(Article.objects.live().in_edition(code).newest_first()[:count])
    urls = [base + story.get_absolute_url() for base in bases for story in stories]
    results = []
    for _ in range(rounds):
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(2):
                assert all(status == 200 for status in pool.map(status_of, urls))
        started = time.monotonic()  # the duty editor presses "Take them down now"
        record = take_down(articles=stories, user=duty, reason="bench", scope="bench")
        acted = time.monotonic() - started

        def gone(url: str, started=started) -> float:
            while status_of(url) != 404:
                if time.monotonic() - started > 60:
                    raise SystemExit(f"{url} still answers 60 s after the takedown")
                time.sleep(0.005)
            return time.monotonic() - started

        with ThreadPoolExecutor(max_workers=8) as pool:
            delays = dict(zip(urls, pool.map(gone, urls), strict=True))
        results.append({"action": acted, "delays": delays})
        put_back(takedown=record, user=duty)
    return results


print(json.dumps(measure()))
