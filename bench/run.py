"""Shpalta's benchmarks: req/s, p50 and p99 of each page type, and the ratio against a
baseline measured in the same run. Loopback only, bounded durations; `make bench`.

    nginx static file     the same bytes as the cached article, served by nginx
    Shpalta, page cache   the article from the origin's page cache (fast path)   ≥ 0.1 × nginx
    Varnish → Shpalta     the article from Varnish in front of it               ≥ 0.9 × nginx
    stock Wagtail         a page of the `wagtail start` template with the same text
    article, full render  PAGE_CACHE=0 FRAGMENT_CACHE=0, one article of the 10,000-article
                          archive (bench/archive_paths.py), nothing kept  ≥ 1 × stock Wagtail
    article, cold         PAGE_CACHE=0, each request a distinct archive article never asked
                          before (bench/walk.lua), the store empty at the start of the row
                                                                    ≥ 2 × stock Wagtail
    article, warm         PAGE_CACHE=0, one article again and again, its fragments kept
    other page types      front, All News, tag, section, author, feed, API: warm
    cache-busting flood   the cached article's p99 in rounds before, during and after
                          a 60 s flood of made-up addresses (bench/flood.lua), wrk at
                          full speed                                         ≤ 2 × quiet
                          and readers at a steady pace (bench/readers.lua)
    real-address flood    60 s of distinct real archive addresses at full speed
                          (bench/walk.lua) beside readers of a kept article and the front
                          page: their p99 ≤ 2 × quiet, 0 5xx; misses past the server's
                          capacity refused with 503 + Retry-After (caching.misses), counted
    panic unpublish       50 articles of three editions taken down at once (bench/takedown.py):
                          the last page gone, origin and Varnish, 3 rounds  p100 < 60 s
    database outage       50 req/s over 200 kept pages, PostgreSQL cut off for 5 minutes
                          (bench/outage.py): share of 200s ≥ 99.9 %, 0 5xx, back ≤ 10 s
    static mirror         export_mirror of 30 days, 10,000 articles (bench/mirror_export.py)
                                                                              ≤ 60 s
    archive scale         every page type and the API, PAGE_CACHE=0, one
                          connection, on generated archives of 10,000 and --archive
                          articles (kept in var/bench/archive-N)   p95 ≤ 1.5 × and < 50 ms

Each server runs as `make serve` runs it: granian, one worker per core, 4 threads. The
rows against nginx are measured in turn with it, PAIRS times, the full render in turn
with stock Wagtail PAIRS times and the cold walk COLD_PAIRS times (each walking its own
share of the archive), and their ratio is the median of the pairs'. Each server runs in
a session of its own, and so in a scheduling group of its own where the kernel groups
sessions (autogroup), as a systemd service has a cgroup of its own: the two cores are
shared between wrk and the server, not between their threads (Varnish's thread per
connection in wrk's group did 0.97 × nginx where it does 0.85–0.9 × in its own).
Usage: python bench/run.py [--seconds 10] [--connections 32] [--archive 1000000]
       [--postgres postgres://postgres@127.0.0.1:5432] [--only-scale]
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import textwrap
import time
import urllib.request
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
PY = sys.executable
WORKERS = os.cpu_count() or 2
THREADS = 4
SECRET = "bench-only-not-secret"  # noqa: S105  (a throwaway key for loopback servers)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (loopback)
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


@contextmanager
def process(args: list[str], env: dict | None = None, cwd: Path = ROOT, log: Path | None = None):
    """A server for the duration of the block; its output in `log` (or dropped)."""
    output = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(  # noqa: S603
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=output,
        stderr=output,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        if log:
            output.close()


def run(args: list[str], env: dict | None = None, cwd: Path = ROOT) -> str:
    done = subprocess.run(  # noqa: S603
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])  # why it failed, not only that it did
        done.check_returncode()
    return done.stdout


def shpalta_env(var: Path, **extra) -> dict:
    return {
        "SECRET_KEY": SECRET,
        "SHPALTA_VAR_DIR": str(var),
        "LOG_LEVEL": "WARNING",
        "API_RATE_LIMIT": "1000000000",  # wrk is one client sending everything
        **extra,
    }


def granian(module: str, port: int, env: dict, cwd: Path = ROOT):
    return process(
        [
            str(Path(PY).with_name("granian")),
            "--interface",
            "wsgi",
            module,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(WORKERS),
            "--blocking-threads",
            str(THREADS),
            "--no-ws",
            "--log-level",
            "warning",
        ],
        env,
        cwd,
        server_log(port),
    )


def server_log(port: int) -> Path:
    """Where a granian server keeps its output (Django's errors with their tracebacks)."""
    WORK.mkdir(parents=True, exist_ok=True)
    return WORK / f"granian-{port}.log"


def gunicorn(module: str, port: int, env: dict):
    """The same site under gunicorn, threaded workers, as many as granian's."""
    return process(
        [
            str(Path(PY).with_name("gunicorn")),
            module,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--threads",
            str(THREADS),
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
        ],
        env,
    )


def setup_shpalta(var: Path) -> dict:
    env = shpalta_env(var)
    run([PY, "manage.py", "migrate", "-v0"], env)
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    if not (var / "demo-written").exists():
        run([PY, "manage.py", "demo_content", "--password", "bench-only"], env)
        (var / "demo-written").touch()
    script = textwrap.dedent(
        """
        import json
        from django.utils import translation
        from shpalta.newsroom.models import Article
        from shpalta.syndication.feeds import full_text
        a = (Article.objects.live().in_edition("en").exclude(tag_links=None)
             .order_by("-published_at").first())
        with translation.override("en"):
            print(json.dumps({"url": a.get_absolute_url(), "headline": a.headline,
                "html": full_text(a), "tag": a.ordered_tags()[0].slug,
                "author": a.ordered_authors()[0].slug, "section": a.section.slug}))
        """
    )
    return json.loads(run([PY, "manage.py", "shell", "-c", script], env).strip().splitlines()[-1])


def setup_stock_wagtail(stock: Path, story: dict) -> None:
    """A project from the `wagtail start` template, its home page given a body, and one
    page with the article's headline and text at /article/."""
    if not (stock / "manage.py").exists():
        stock.mkdir(parents=True, exist_ok=True)
        run([str(Path(PY).with_name("wagtail")), "start", "stock", str(stock)])
        models = stock / "home" / "models.py"
        models.write_text(
            "from wagtail.fields import RichTextField\nfrom wagtail.models import Page\n\n\n"
            "class HomePage(Page):\n    body = RichTextField(blank=True)\n"
        )
        (stock / "home" / "templates" / "home" / "home_page.html").write_text(
            '{% extends "base.html" %}{% load wagtailcore_tags %}'
            "{% block content %}<h1>{{ page.title }}</h1>{{ page.body|richtext }}"
            "{% endblock content %}"
        )
        (stock / "stock" / "settings" / "local.py").write_text(
            f'SECRET_KEY = "{SECRET}"\nALLOWED_HOSTS = ["*"]\n'
        )
        env = {"DJANGO_SETTINGS_MODULE": "stock.settings.production"}
        run([PY, "manage.py", "makemigrations", "home", "-v0"], env, stock)
        run([PY, "manage.py", "migrate", "-v0"], env, stock)
        run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env, stock)
        script = textwrap.dedent(
            f"""
            from home.models import HomePage
            home = HomePage.objects.first()
            home.add_child(instance=HomePage(title={story["headline"]!r}, slug="article",
                                             body={story["html"]!r}))
            """
        )
        run([PY, "manage.py", "shell", "-c", script], env, stock)


def nginx_static(directory: Path, port: int):
    conf = directory / "nginx.conf"
    conf.write_text(
        textwrap.dedent(
            f"""
            worker_processes {WORKERS};
            pid {directory}/nginx.pid;
            error_log {directory}/error.log warn;
            daemon off;
            events {{ worker_connections 1024; }}
            http {{
                access_log off;
                include /etc/nginx/mime.types;
                server {{
                    listen 127.0.0.1:{port};
                    root {directory}/root;
                    location / {{ try_files $uri =404; }}
                }}
            }}
            """
        )
    )
    return process(["nginx", "-c", str(conf), "-p", str(directory)])


def polling_script(name: str, var: Path, ports: dict, bases: list[str], rounds: int):
    """Run a script of bench/ that changes the site and polls its pages (publish-to-visible,
    takedown) inside the site's settings, purging the origin's store and Varnish as the
    servers do; what it prints last, as JSON."""
    out = run(
        [PY, "manage.py", "shell", "-c", f"exec(open('bench/{name}').read())"],
        shpalta_env(
            var,
            PAGE_CACHE_PATH=str(WORK / "page-cache.sqlite3"),
            VARNISH_URLS=f"http://127.0.0.1:{ports['varnish']}",
            BENCH_BASES=",".join(bases),
            BENCH_ROUNDS=str(rounds),
        ),
    )
    return json.loads(out.strip().splitlines()[-1])


def varnish(port: int, backend_port: int, directory: Path):
    directory.mkdir(parents=True, exist_ok=True)
    vcl = directory / "shpalta.vcl"
    source = (ROOT / "deploy" / "varnish" / "shpalta.vcl").read_text()
    vcl.write_text(source.replace('.port = "8000";', f'.port = "{backend_port}";'))
    return process(
        [
            *varnish_scheduling(),
            "varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            str(directory / "state"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,256m",
            *varnish_parameters(),
        ]
    )


def _varnish_unit() -> list[str]:
    return (ROOT / "deploy" / "varnish" / "varnish.service.conf").read_text().splitlines()


def varnish_parameters() -> list[str]:
    """The -p parameters production runs Varnish with (deploy/varnish/varnish.service.conf)."""
    start = next(line for line in _varnish_unit() if line.startswith("ExecStart=/"))
    words = start.split()
    return [part for i, word in enumerate(words) if word == "-p" for part in ("-p", words[i + 1])]


def varnish_scheduling() -> list[str]:
    """chrt with the CPU scheduling policy production runs Varnish under, if the unit sets
    one (CPUSchedulingPolicy=)."""
    policy = next(
        (
            line.split("=", 1)[1]
            for line in _varnish_unit()
            if line.startswith("CPUSchedulingPolicy=")
        ),
        "other",
    )
    return [] if policy == "other" else ["chrt", f"--{policy}", "0"]


def worker_memory(proc) -> list[int]:
    """Resident memory (MB) of each process in a server's process group."""
    sizes = []
    for pid in run(["pgrep", "-g", str(proc.pid)]).split():
        status = Path(f"/proc/{pid}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
            if match:
                sizes.append(int(match.group(1)) // 1024)
    return sizes


def wrk(url: str, seconds: int, connections: int, pause_ms: int = 0) -> dict:
    """wrk's figures for one address: as fast as it can send, or with `pause_ms` between
    an answer and the next request on each connection (bench/readers.lua)."""
    paced = ["-s", str(ROOT / "bench" / "readers.lua"), url, "--", str(pause_ms)]
    out = run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            *(paced if pause_ms else [url]),
        ]
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rate": rate,
        "p50": percentile(50),
        "p99": percentile(99),
        "non2xx": int(errors.group(1)) if errors else 0,
    }


PAIRS = 6  # rounds of a row measured in turn with its baseline, half --seconds each
# The cold walk's rounds in turn with stock Wagtail: each walks its own share of the
# archive's ~10,000 addresses (3,300 each, 5 s at up to 660 req/s before a share runs out).
COLD_PAIRS = 3
FLOOD_SECONDS = 60
ROUNDS = 3
READERS = 16  # paced readers: connections, each pausing READER_PAUSE_MS (~2,000 req/s)
READER_PAUSE_MS = 8


def flood_rounds(readers: dict[str, tuple[str, int]], flood: list[str], options) -> dict:
    """The p99 of kept pages quiet and during a flood at full speed (the wrk command
    `flood`, its own connections) for FLOOD_SECONDS. `readers`: kind → (url, pause ms):
    wrk as fast as it can (0: the load of the other rows, the figure with the target) or
    readers at a steady pace, measured in turn. Quiet rounds run before the flood and
    after it; the figures are medians of rounds (one round's p99 on a loaded two-core
    machine varies by several times from one run to the next). Returns the figures and
    what the flood's wrk printed ("out")."""
    seconds = min(options.seconds, (FLOOD_SECONDS - 2) // (len(readers) * ROUNDS))

    failed = []  # the readers' answers that were not 2xx/3xx

    def round_of(kind):
        url, pause = readers[kind]
        if not pause:
            figures = wrk(url, seconds, options.connections)
        else:
            figures = wrk(url, seconds, READERS, pause)
        failed.append(figures["non2xx"])
        return figures["p99"]

    quiet = {kind: [] for kind in readers}
    flooded = {kind: [] for kind in readers}
    for _ in range(ROUNDS):
        for kind in readers:
            quiet[kind].append(round_of(kind))
    flooding = subprocess.Popen(flood, stdout=subprocess.PIPE, text=True)  # noqa: S603
    time.sleep(1)
    started = time.monotonic()
    while time.monotonic() - started + len(readers) * seconds < FLOOD_SECONDS - 1:
        for kind in readers:
            flooded[kind].append(round_of(kind))
    out = flooding.communicate(timeout=FLOOD_SECONDS + 60)[0]
    for _ in range(ROUNDS):
        for kind in readers:
            quiet[kind].append(round_of(kind))
    result = {
        "out": out,
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "quiet": quiet,
        "flooded": flooded,
        "reader_errors": sum(failed),
        **{f"quiet_{kind}": statistics.median(quiet[kind]) for kind in readers},
        **{f"flooded_{kind}": statistics.median(flooded[kind]) for kind in readers},
    }
    for kind in readers:
        print(
            f"  flood ({kind}): p99 {result[f'quiet_{kind}']:.1f} ms quiet, "
            f"{result[f'flooded_{kind}']:.1f} ms flooded",
            flush=True,
        )
    return result


def made_up_flood(url: str, article_path: str, options) -> dict:
    """The cached article beside a flood of made-up addresses (bench/flood.lua)."""
    command = [shutil.which("wrk") or "/usr/bin/wrk", "-t1", f"-c{options.connections}"]
    command += [f"-d{FLOOD_SECONDS}s", "-s", str(ROOT / "bench" / "flood.lua")]
    command += [url.removesuffix(article_path), "--", article_path]
    result = flood_rounds({"full": (url, 0), "paced": (url, READER_PAUSE_MS)}, command, options)
    result["errors"] = int(re.search(r"Server errors: (\d+)", result["out"]).group(1))
    return result


def real_address_flood(base: str, newest: str, listing: Path, options) -> dict:
    """Kept pages (the newest article, the front page) beside FLOOD_SECONDS of distinct
    real archive addresses at full speed (bench/walk.lua): a crawler of the sitemaps,
    or an attack that requests real pages to miss the cache."""
    for path in (newest, "/"):
        for _ in range(2):
            urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310  (kept)
    readers = {
        "article full": (base + newest, 0),
        "article paced": (base + newest, READER_PAUSE_MS),
        "front paced": (base + "/", READER_PAUSE_MS),
    }
    command = walk_command(base, listing, FLOOD_SECONDS, options.connections)
    result = flood_rounds(readers, command, options)
    result["walk"] = walk_figures(result["out"])
    return result


WALK = re.compile(
    r"percentiles ([\d.]+) ([\d.]+) ([\d.]+) requests (\d+) ok (\d+) hit (\d+) busy (\d+) "
    r"failed (\d+) other (\d+) again (\d+)"
)


def walk_command(base: str, listing: Path, seconds: int, connections: int) -> list[str]:
    """wrk walking the paths of `listing`, each asked once while they last (bench/walk.lua)."""
    command = [shutil.which("wrk") or "/usr/bin/wrk", "-t2", f"-c{connections}"]
    command += [f"-d{seconds}s", "--latency", "-s", str(ROOT / "bench" / "walk.lua")]
    return [*command, base, "--", str(listing), "2"]


def walk_figures(out: str) -> dict:
    p50, p95, p99, *counts = WALK.search(out).groups()
    names = ("requests", "ok", "hit", "busy", "failed", "other", "again")
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        **dict(zip(names, map(int, counts), strict=True)),
    }


def archive_walk(env: dict) -> tuple[list[str], str]:
    """The archive's articles older than three days in a repeatable random order, and its
    newest article (bench/archive_paths.py)."""
    script = "exec(open('bench/archive_paths.py').read())"
    found = json.loads(run([PY, "manage.py", "shell", "-c", script], env).strip().splitlines()[-1])
    return found["archive"], found["newest"]


def archive(articles: int, server: str = "", days: int = 0) -> tuple[Path, dict]:
    """A var directory and the environment of a generated archive of `articles` (over
    twenty years, or the last `days` days), made once and kept: in SQLite under the var
    directory, or with `server` (a PostgreSQL address without a database) in its own
    database on that server."""
    name = f"{articles}-{days}d" if days else f"{articles}"
    var = WORK / (f"archive-pg-{name}" if server else f"archive-{name}")
    env = shpalta_env(var)
    # The marker's name changes when archives must be made again: "-indexed" since
    # generate_archive fills the search index, "-in-row" (PostgreSQL) since an index
    # entry's lemmas are kept in its row (the kept database is then made anew).
    marker = var / ("archive-written-indexed-in-row" if server else "archive-written-indexed")
    if server:
        name = f"shpalta_bench_{name}"
        env["DATABASE_URL"] = f"{server.rstrip('/')}/{name}"
        with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as db:
            if not marker.exists():
                db.execute(f'DROP DATABASE IF EXISTS "{name}"')
            if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                db.execute(f'CREATE DATABASE "{name}"')
    run([PY, "manage.py", "migrate", "-v0"], env)
    if not marker.exists():
        print(f"Generating an archive of {articles:,} articles (once; kept in {var})", flush=True)
        run([PY, "manage.py", "setup_newsroom"], env)
        run(
            [PY, "manage.py", "generate_archive", "--articles", str(articles), "--days", str(days)],
            env,
        )
        var.mkdir(parents=True, exist_ok=True)
        marker.touch()
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    return var, env


def into_page_cache(var: Path, env: dict) -> None:
    """An archive's database read once, so that it is in the machine's page cache as a
    server's is after minutes: SQLite's files by pieces (15 GB at a million articles),
    PostgreSQL's tables and indexes by pg_prewarm's "read" (into the machine's cache,
    not PostgreSQL's buffers). Read again before each page type's rows: some machines
    page out file pages nobody touched for a minute (this kind runs DAMON's reclaim,
    /sys/kernel/mm/damon), and a row would then time the disk, not the page."""
    if "DATABASE_URL" in env:
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as db:
            try:
                db.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
                db.execute(
                    "SELECT sum(pg_prewarm(c.oid, 'read')) FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't')"
                )
            except psycopg.errors.InsufficientPrivilege:
                print("  (pg_prewarm needs a superuser: the rows may time the disk)", flush=True)
        return
    for part in var.glob("db.sqlite3*"):
        with part.open("rb") as database:
            while database.read(1 << 24):
                pass


def scale(options) -> None:
    """Every page type with PAGE_CACHE=0 on archives of 10,000 and options.archive
    articles, one request at a time (the latency of a request, not of a queue), the same
    sample of addresses on each (bench/scale_paths.py): cold, each timed request with
    the store emptied before it (no page, no fragment kept: COLD_ROUNDS over the
    sample; each process warmed first by WARM_REQUESTS requests of each type's first
    address), then warm, each address asked once before the timed run; then the search
    page on each (bench/search_latency.py). A third archive holds 10,000 articles as
    densely as the large one holds its last days (its twenty years' share of them): a
    month sitemap or a day's list of the large archive lists a hundred times the stories
    of the sparse 10,000's, so the large one is also compared with pages as full as its
    own (what its size alone costs)."""
    dense_days = max(1, round(365 * 20 * 10_000 / options.archive))
    archives = {  # label → (articles, days)
        "10,000": (10_000, 0),
        f"10,000 over {dense_days} days": (10_000, dense_days),
        f"{options.archive:,}": (options.archive, 0),
    }
    figures: dict[str, dict[str, dict]] = {}
    colds: dict[str, dict[str, list[float]]] = {}
    searches: dict[str, str] = {}
    for size, (articles, days) in archives.items():
        var, env = archive(articles, options.postgres, days)
        store_path = WORK / f"scale-store-{size}.sqlite3"
        env = {**env, "PAGE_CACHE": "0", "PAGE_CACHE_PATH": str(store_path)}
        script = "exec(open('bench/scale_paths.py').read())"
        paths = json.loads(
            run([PY, "manage.py", "shell", "-c", script], env).strip().splitlines()[-1]
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with granian("shpalta.wsgi:application", port, env):
            wait_for(base + "/")
            # Each process's own (templates compiled, queries prepared), as a server that
            # has run a while has them: the first address of each page type, a few times
            # (both processes). The store is emptied before each timed request.
            for addresses in paths.values():
                for _ in range(WARM_REQUESTS):
                    with suppress(OSError):
                        urllib.request.urlopen(base + addresses[0], timeout=60).read()  # noqa: S310
            for page, addresses in paths.items():
                into_page_cache(var, env)
                colds.setdefault(page, {})[size] = cold_latencies(base, addresses, store_path)
            for page, addresses in paths.items():
                into_page_cache(var, env)
                listing = var / "paths.txt"
                listing.write_text("\n".join(addresses) + "\n")
                for address in addresses:
                    with suppress(OSError):  # a failing address is counted below
                        urllib.request.urlopen(base + address, timeout=60).read()  # noqa: S310
                out = run(
                    [
                        "wrk",
                        "-t1",
                        "-c1",
                        f"-d{options.scale_seconds}s",
                        "-s",
                        str(ROOT / "bench" / "paths.lua"),
                        base,
                        "--",
                        str(listing),
                    ]
                )
                p50, p95, _, requests, bad = re.search(
                    r"percentiles ([\d.]+) ([\d.]+) ([\d.]+) requests (\d+) bad (\d+)", out
                ).groups()
                figures.setdefault(page, {})[size] = {
                    "p50": float(p50),
                    "p95": float(p95),
                    "requests": int(requests),
                    "bad": int(bad),
                }
                print(f"  {size} articles, {page}: p95 {float(p95):.1f} ms", flush=True)
        if not days:
            # The reader's search, in-process, each word asked once (search_latency.py).
            into_page_cache(var, env)
            searches[size] = run([PY, "bench/search_latency.py"], env)
    small, dense, large = archives
    heading = (
        f"| {small}: p50 / p95 ms | {dense}: p50 / p95 ms | {large}: p50 / p95 ms "
        f"| p95 {large} / {small} (≤ 1.5 and ≤ 50 ms) | p95 {large} / {dense} |"
    )
    print()
    print(f"| page, cold: the store emptied before each request {heading}")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for page, by_size in colds.items():
        a, d, b = (percentiles(by_size[size]) for size in archives)
        print(
            f"| {page} | {a[0]:.1f} / {a[1]:.1f} | {d[0]:.1f} / {d[1]:.1f} "
            f"| {b[0]:.1f} / {b[1]:.1f} | {b[1] / a[1]:.2f} × | {b[1] / d[1]:.2f} × |"
        )
    print()
    print(f"| page, uncached, 1 connection {heading}")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for page, by_size in figures.items():
        a, d, b = (by_size[size] for size in archives)
        bad = "".join(
            f" ({by_size[size]['bad']} not 2xx at {size})"
            for size in archives
            if by_size[size]["bad"]
        )
        print(
            f"| {page}{bad} | {a['p50']:.1f} / {a['p95']:.1f} | {d['p50']:.1f} / {d['p95']:.1f} "
            f"| {b['p50']:.1f} / {b['p95']:.1f} | {b['p95'] / a['p95']:.2f} × "
            f"| {b['p95'] / d['p95']:.2f} × |"
        )
    for size, table in searches.items():
        print(f"\nSearch page, {size} articles (target p95 ≤ 100 ms):")
        print("\n".join(line for line in table.splitlines() if not line.startswith("Load")))


COLD_ROUNDS = 3
WARM_REQUESTS = 4


def cold_latencies(base: str, addresses: list[str], store_path: Path) -> list[float]:
    """Milliseconds of each request, one at a time, with the server's store (pages and
    fragments) emptied before each; what stays warm is the process's own (compiled
    templates, the names of tags and authors) and the database in the machine's page
    cache. A failing answer counts as the time it took."""
    times = []
    with sqlite3.connect(store_path, timeout=10) as store:
        for _ in range(COLD_ROUNDS):
            for address in addresses:
                store.execute("DELETE FROM page")
                store.execute("DELETE FROM page_tag")
                store.commit()
                started = time.perf_counter()
                with suppress(OSError):
                    urllib.request.urlopen(base + address, timeout=60).read()  # noqa: S310
                times.append((time.perf_counter() - started) * 1000)
    return times


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, round(0.95 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=10, help="publish-to-visible rounds")
    parser.add_argument(
        "--archive", type=int, default=1_000_000, help="articles of the large archive (0: skip)"
    )
    parser.add_argument("--scale-seconds", type=int, default=4, help="seconds per page type")
    parser.add_argument(
        "--postgres",
        default="",
        help="archive scale on this PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432)",
    )
    parser.add_argument("--only-scale", action="store_true", help="the archive-scale rows alone")
    options = parser.parse_args()
    for tool in ("wrk", "nginx", "varnishd"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: `make bench` installs it from Debian")
    WORK.mkdir(parents=True, exist_ok=True)
    if options.only_scale:
        scale(options)
        return
    var = WORK / "shpalta"
    story = setup_shpalta(var)
    setup_stock_wagtail(WORK / "stock", story)
    archive_var, archive_env = archive(10_000)
    walk_paths, newest = archive_walk(archive_env)
    # The database file in the machine's page cache, as a server's is after minutes: the
    # first walk of a run measures our rendering, not the disk.
    into_page_cache(archive_var, archive_env)
    listing = WORK / "archive-walk.txt"
    listing.write_text("\n".join(walk_paths) + "\n")
    ports = {
        name: free_port()
        for name in (
            "uncached", "cached", "nginx", "varnish", "stock", "gunicorn", "full", "cold", "flood"
        )
    }  # fmt: skip
    # Stores of their own, empty at the start: nothing kept from an earlier run.
    stores = {name: WORK / f"{name}-store.sqlite3" for name in ("cold", "flood")}
    for path in stores.values():
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    rows = []

    def measure(name, url, baseline=None, target=None):
        result = wrk(url, options.seconds, options.connections)
        rows.append({"name": name, **result, "baseline": baseline, "target": target})
        print(f"  {name}: {result['rate']:,.0f} req/s", flush=True)
        return result

    def in_turn(name, baseline, subject, target, pairs=PAIRS, extra=()):
        """A row measured in turn with its baseline, `pairs` times for half of --seconds
        each: its ratio is the median of the pairs' ratios, its figures the medians of its
        own rounds (and the sums of `extra`, counts). `baseline` is (its name, a function
        of seconds giving wrk's figures), `subject` such a function too. (This shared
        machine's speed drifts by a fifth over minutes, and one pair's ratio spreads from
        0.7 to 1.1 around a median of 0.9: more, shorter pairs tell the middle better than
        three long ones, and a row measured once, minutes from its baseline, less.)"""
        seconds = max(2, options.seconds // 2)
        baseline_name, measure_baseline = baseline
        measured = [(measure_baseline(seconds), subject(seconds)) for _ in range(pairs)]
        result = {
            key: statistics.median(own[key] for _, own in measured)
            for key in ("rate", "p50", "p99")
        }
        for key in ("non2xx", *extra):
            result[key] = sum(own[key] for _, own in measured)
        ratios = [own["rate"] / base["rate"] for base, own in measured]
        base_rate = statistics.median(base["rate"] for base, _ in measured)
        rows.append(
            {
                "name": name(result) if callable(name) else name,
                **result,
                "baseline": (f"{baseline_name} in turn, {pairs} pairs", base_rate),
                "ratio": statistics.median(ratios),
                "ratios": ratios,
                "target": target,
            }
        )
        print(
            f"  {rows[-1]['name'][:60]}: {result['rate']:,.0f} req/s; {baseline_name} in turn "
            f"{base_rate:,.0f}; ratios {', '.join(f'{r:.2f}' for r in ratios)}",
            flush=True,
        )
        return result

    def static_file(seconds):
        return wrk(f"http://127.0.0.1:{ports['nginx']}/article.html", seconds, options.connections)

    def against_static(name, url, target):
        in_turn(
            name,
            ("nginx", static_file),
            lambda seconds: wrk(url, seconds, options.connections),
            target,
        )

    with ExitStack() as stack:
        uncached_server = stack.enter_context(
            granian("shpalta.wsgi:application", ports["uncached"], shpalta_env(var, PAGE_CACHE="0"))
        )
        stack.enter_context(
            granian(
                "shpalta.wsgi:application",
                ports["cached"],
                shpalta_env(var, PAGE_CACHE_PATH=str(WORK / "page-cache.sqlite3")),
            )
        )
        stack.enter_context(
            granian(
                "stock.wsgi:application",
                ports["stock"],
                {"DJANGO_SETTINGS_MODULE": "stock.settings.production"},
                WORK / "stock",
            )
        )
        stack.enter_context(
            gunicorn(
                "shpalta.wsgi:application", ports["gunicorn"], shpalta_env(var, PAGE_CACHE="0")
            )
        )
        archive_servers = {
            "full": {"PAGE_CACHE": "0", "FRAGMENT_CACHE": "0"},
            "cold": {"PAGE_CACHE": "0", "PAGE_CACHE_PATH": str(stores["cold"])},
            "flood": {"PAGE_CACHE_PATH": str(stores["flood"])},
        }
        for name, extra in archive_servers.items():
            stack.enter_context(
                granian("shpalta.wsgi:application", ports[name], {**archive_env, **extra})
            )
        cached = f"http://127.0.0.1:{ports['cached']}"
        uncached = f"http://127.0.0.1:{ports['uncached']}"
        on_archive = {name: f"http://127.0.0.1:{ports[name]}" for name in archive_servers}
        for base in (cached, uncached, f"http://127.0.0.1:{ports['stock']}"):
            wait_for(base + "/")
        for base in on_archive.values():
            wait_for(base + "/robots.txt")  # asks for no page: the stores stay empty
        wait_for(cached + story["url"])
        with urllib.request.urlopen(cached + story["url"]) as response:  # noqa: S310
            body = response.read()
        static = WORK / "nginx"
        (static / "root").mkdir(parents=True, exist_ok=True)
        (static / "root" / "article.html").write_bytes(body)
        stack.enter_context(nginx_static(static, ports["nginx"]))
        stack.enter_context(varnish(ports["varnish"], ports["cached"], WORK / "varnish"))
        wait_for(f"http://127.0.0.1:{ports['nginx']}/article.html")
        wait_for(f"http://127.0.0.1:{ports['varnish']}{story['url']}")

        print(
            f"Article page: {len(body):,} bytes; "
            f"{options.seconds} s per row, {options.connections} connections"
        )
        measure(
            "nginx, static file of the same bytes",
            f"http://127.0.0.1:{ports['nginx']}/article.html",
        )
        against_static("article, Shpalta page cache (fast path)", cached + story["url"], 0.1)
        flood = made_up_flood(cached + story["url"], story["url"], options)
        real_flood = real_address_flood(on_archive["flood"], newest, listing, options)
        against_static(
            "article, Varnish in front of Shpalta",
            f"http://127.0.0.1:{ports['varnish']}{story['url']}",
            0.9,
        )
        stock_url = f"http://127.0.0.1:{ports['stock']}/article/"
        stock_result = measure("stock Wagtail page, same text", stock_url)
        stock = ("stock Wagtail", stock_result["rate"])

        def stock_page(seconds):
            return wrk(stock_url, seconds, options.connections)

        in_turn(
            "article, full render: PAGE_CACHE=0 FRAGMENT_CACHE=0, one article of the "
            "10,000-article archive again and again, nothing kept",
            ("stock Wagtail", stock_page),
            lambda seconds: wrk(on_archive["full"] + newest, seconds, options.connections),
            1,
        )
        # Each pair's walk takes its own share of the archive's addresses (every
        # COLD_PAIRS-th, in the walk's order): no address is asked in two of them.
        shares = []
        for number in range(COLD_PAIRS):
            share = WORK / f"archive-walk-{number}.txt"
            share.write_text("\n".join(walk_paths[number::COLD_PAIRS]) + "\n")
            shares.append(share)

        def cold_walk(seconds):
            share = shares[len(walked)]
            into_page_cache(archive_var, archive_env)  # read a minute ago or more
            command = walk_command(on_archive["cold"], share, seconds, options.connections)
            figures = walk_figures(run(command))
            walked.append(figures)
            return {**figures, "non2xx": figures["requests"] - figures["ok"]}

        walked: list[dict] = []
        in_turn(
            lambda result: (
                "article, cold: PAGE_CACHE=0, each request a distinct archive "
                "article (10,000-article archive) not asked before, the store empty at the start: "
                "only what the walk itself kept (the chrome, the columns) is warm"
                + (f"; the lists ran out {result['again']} times" if result["again"] else "")
            ),
            ("stock Wagtail", stock_page),
            cold_walk,
            2,
            pairs=COLD_PAIRS,
            extra=("again",),
        )
        measure(
            "article, warm: PAGE_CACHE=0, one article again and again, its fragments kept",
            uncached + story["url"],
            stock,
            5,
        )
        wait_for(f"http://127.0.0.1:{ports['gunicorn']}/")
        measure(
            "article, warm, gunicorn (gthread) instead of granian",
            f"http://127.0.0.1:{ports['gunicorn']}{story['url']}",
            ("granian", rows[-1]["rate"]),
            "1 to prefer gunicorn",
        )
        for name, path in (
            ("front page", "/eng/"),
            ("All News", "/eng/news/"),
            ("tag page", f"/eng/tags/{story['tag']}/"),
            ("section page", f"/eng/sections/{story['section']}/"),
            ("author page", f"/eng/authors/{story['author']}/"),
            ("RSS feed", "/eng/rss/"),
            ("content API list", "/api/v1/articles/?edition=en"),
        ):
            measure(f"{name}, warm: PAGE_CACHE=0, its fragments kept", uncached + path)
        memory = worker_memory(uncached_server)

        print("Publish-to-visible: editing the article and polling every page that shows it")
        bases = [cached, f"http://127.0.0.1:{ports['varnish']}"]
        delays = polling_script("publish_to_visible.py", var, ports, bases, options.rounds)

        print("Live blog: adding an update and polling every page that shows the blog")
        live_delays = polling_script("live_to_visible.py", var, ports, bases, options.rounds)

        print("Panic unpublish: 50 articles of three editions, polled until each is gone")
        takedowns = polling_script("takedown.py", var, ports, bases, 3)

    print()
    labels = {cached: "origin", f"http://127.0.0.1:{ports['varnish']}": "Varnish"}
    for title, measured in (
        ("publish-to-visible, per page", delays),
        ("live blog update-to-visible, per page", live_delays),
    ):
        print(f"| {title} | p50 ms | p95 ms | max ms |")
        print("| --- | ---: | ---: | ---: |")
        for url, values in measured.items():
            ordered = sorted(values)
            base = next(b for b in labels if url.startswith(b))
            url = f"{labels[base]} {url.removeprefix(base)}"
            p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
            print(
                f"| {url} | {ordered[len(ordered) // 2] * 1000:.0f} "
                f"| {p95 * 1000:.0f} | {ordered[-1] * 1000:.0f} |"
            )
        print()
    print()
    print(
        "| panic unpublish of 50 articles, round | action s | origin last gone s "
        "| Varnish last gone s | p50 gone s |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    varnish_base = f"http://127.0.0.1:{ports['varnish']}"
    for number, result in enumerate(takedowns, 1):
        by_base = {
            base: [d for url, d in result["delays"].items() if url.startswith(base + "/")]
            for base in (cached, varnish_base)
        }
        every = sorted(result["delays"].values())
        print(
            f"| {number} | {result['action']:.2f} | {max(by_base[cached]):.2f} "
            f"| {max(by_base[varnish_base]):.2f} | {every[len(every) // 2]:.2f} |"
        )
    print()
    print(
        f"The flood itself: {flood['rate']:,.0f} req/s of made-up addresses for "
        f"{FLOOD_SECONDS} s, {flood['errors']} 5xx"
        + (f" (the server's log: {server_log(ports['cached'])})" if flood["errors"] else "")
        + ". The article's p99 in rounds before and "
        f"after the flood and during it, wrk at full speed ({options.connections} "
        f"connections): quiet {flood['quiet']['full']} ms, flooded {flood['flooded']['full']}"
        f" ms; medians {flood['quiet_full']:.1f} and {flood['flooded_full']:.1f} ms = "
        f"{flood['flooded_full'] / flood['quiet_full']:.2f} × (target ≤ 2). Readers at a "
        f"steady pace ({READERS} connections, {READER_PAUSE_MS} ms between requests): quiet "
        f"{flood['quiet']['paced']} ms, flooded {flood['flooded']['paced']} ms; medians "
        f"{flood['quiet_paced']:.1f} and {flood['flooded_paced']:.1f} ms = "
        f"{flood['flooded_paced'] / flood['quiet_paced']:.2f} ×"
    )
    walked = real_flood["walk"]
    print(
        f"A flood of real addresses: {walked['rate']:,.0f} req/s of distinct archive articles "
        f"(bench/walk.lua, {options.connections} connections, {FLOOD_SECONDS} s; 10,000-article "
        f"archive, page cache on, empty at the start): {walked['ok'] - walked['hit']:,} "
        f"rendered, {walked['hit']:,} answered from the page cache (the walk came round "
        "again to pages it had rendered), "
        f"{walked['busy']:,} refused with 503 + Retry-After, {walked['failed']} other 5xx, "
        f"{walked['other']} other errors"
        + (f", the list ran out {walked['again']} times" if walked["again"] else "")
        + ". Kept pages beside it, p99 ms quiet → flooded (medians of rounds; target ≤ 2 ×, "
        "0 5xx): "
        + "; ".join(
            f"{kind} {real_flood[f'quiet_{kind}']:.1f} → {real_flood[f'flooded_{kind}']:.1f} "
            f"= {real_flood[f'flooded_{kind}'] / real_flood[f'quiet_{kind}']:.2f} ×"
            for kind in real_flood["quiet"]
        )
        + f"; their non-2xx answers, quiet or flooded: {real_flood['reader_errors']}"
    )
    print(f"Resident memory of the uncached server's processes after its runs: {memory} MB")
    print("| page | req/s | p50 ms | p99 ms | ratio to baseline (target) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for row in rows:
        ratio = ""
        if row["baseline"]:
            name, rate = row["baseline"]
            value = row.get("ratio", row["rate"] / rate)
            ratio = f"{value:.2f} × {name} (≥ {row['target']})"
            if "ratios" in row:
                ratio += f"; pairs {', '.join(f'{r:.2f}' for r in row['ratios'])}"
        bad = f" ({row['non2xx']} non-2xx)" if row["non2xx"] else ""
        print(
            f"| {row['name']}{bad} | {row['rate']:,.0f} | {row['p50']:.1f} "
            f"| {row['p99']:.1f} | {ratio} |"
        )

    print("\nA database outage (bench/outage.py; PostgreSQL):", flush=True)
    outage = [PY, str(ROOT / "bench" / "outage.py")]
    if options.postgres:
        outage += ["--postgres", options.postgres]
    subprocess.run(outage, cwd=ROOT, check=False)  # noqa: S603  (says why when it cannot)
    print("\nThe static mirror's export (bench/mirror_export.py):", flush=True)
    subprocess.run([PY, str(ROOT / "bench" / "mirror_export.py")], cwd=ROOT, check=True)  # noqa: S603

    if options.archive:
        scale(options)


if __name__ == "__main__":
    main()
