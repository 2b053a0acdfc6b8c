"""The site through a database outage: the demo newspaper on PostgreSQL, served by granian
as `make serve` runs it, its database reached through a TCP relay that is stopped for
--outage seconds (every connection cut, new ones refused). Readers ask 200 pages read in
the last hour (each asked once before, so each is kept) at a steady --rate a second:

    before      60 s with the database
    outage      --outage seconds without it        share of 200s ≥ 99.9 %, 5xx = 0
    after       until a page never kept answers 200 again: seconds to recover ≤ 10

PAGE_CACHE_SECONDS is 60 here (300 in production) so that the kept pages go past their
freshness during the outage and are answered stale, as in a long one.

Usage: python bench/outage.py [--postgres postgres://postgres@127.0.0.1:5432]
       [--outage 300] [--rate 50]
"""

import argparse
import collections
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from probe import status_of
from relay import Relay
from run import PY, WORK, free_port, granian, run, shpalta_env, wait_for

NAME = "shpalta_bench_outage"
PAGES = 200

LIST_PAGES = """
import json
from shpalta.newsroom.models import Article
from shpalta.editions.registry import EDITIONS
paths = []
for edition in EDITIONS:
    prefix = "/" + edition.prefix
    paths += [prefix, prefix + "news/", prefix + "lite/"]
    paths += [a.get_absolute_url() for a in Article.objects.live().in_edition(edition.code)]
unseen = [a.get_absolute_url() for a in Article.objects.live().in_edition("en")][-1]
print(json.dumps({"pages": paths, "unseen": unseen}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--outage", type=int, default=300, help="seconds without the database")
    parser.add_argument("--rate", type=int, default=50, help="requests a second")
    options = parser.parse_args()
    server = options.postgres.rstrip("/")
    try:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{NAME}"')
            db.execute(f'CREATE DATABASE "{NAME}"')
    except psycopg.OperationalError as problem:
        raise SystemExit(f"The outage row needs PostgreSQL at {server}: {problem}") from None
    var = WORK / "outage"
    env = shpalta_env(var, DATABASE_URL=f"{server}/{NAME}")
    run([PY, "manage.py", "migrate", "-v0"], env)
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    run([PY, "manage.py", "demo_content", "--password", "bench-only"], env)
    found = json.loads(run([PY, "manage.py", "shell", "-c", LIST_PAGES], env).splitlines()[-1])
    pages = [page for page in found["pages"] if page != found["unseen"]][:PAGES]
    parts = urlsplit(server)
    relay = Relay(parts.port or 5432)
    credentials = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
    port = free_port()
    served = {
        **env,
        "DATABASE_URL": f"{parts.scheme}://{credentials}127.0.0.1:{relay.port}/{NAME}",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "PAGE_CACHE_SECONDS": "60",
        "REDIS_URL": "",
        "PAGE_CACHE_PATH": str(var / "page-cache.sqlite3"),
    }
    Path(var / "page-cache.sqlite3").unlink(missing_ok=True)
    base = f"http://127.0.0.1:{port}"
    with granian("shpalta.wsgi:application", port, served):
        wait_for(base + "/robots.txt")
        for page in pages:  # read in the last hour: each kept
            status_of(base + page)
        counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        phase = ["before"]
        stop = threading.Event()

        def readers():
            with ThreadPoolExecutor(16) as pool:
                n = 0
                started = time.monotonic()
                while not stop.is_set():
                    due = started + n / options.rate
                    time.sleep(max(0.0, due - time.monotonic()))
                    current = phase[0]
                    future = pool.submit(status_of, base + pages[n % len(pages)])
                    future.add_done_callback(lambda f, p=current: counts[p].update([f.result()]))
                    n += 1

        load = threading.Thread(target=readers, daemon=True)
        load.start()
        time.sleep(60)
        phase[0] = "outage"
        relay.stop()
        print(f"Database cut off for {options.outage} s…", flush=True)
        time.sleep(options.outage)
        phase[0] = "after"
        relay.start()
        back = time.monotonic()
        while status_of(base + found["unseen"]) != 200:
            time.sleep(0.1)
        recovered = time.monotonic() - back
        time.sleep(10)
        stop.set()
        load.join()
    print(f"\nDatabase outage of {options.outage} s, {options.rate} requests/s over "
          f"{len(pages)} kept pages (granian, {PAGE_CACHE_SECONDS} s freshness):")  # fmt: skip
    print("| phase | requests | 200 | share of 200 | 5xx | no answer |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in ("before", "outage", "after"):
        seen = counts[name]
        total = sum(seen.values())
        errors = sum(count for status, count in seen.items() if status >= 500)
        share = 100 * seen[200] / total if total else 0
        print(f"| {name} | {total:,} | {seen[200]:,} | {share:.2f} % | {errors} | {seen[0]} |")
    print(f"A page never kept answered 200 again {recovered:.1f} s after the database came back.")


PAGE_CACHE_SECONDS = 60

if __name__ == "__main__":
    main()
