"""The static mirror's export time (manage.py export_mirror), on an archive of 10,000
articles published over the last 30 days (SQLite, generated once and kept in
var/bench/archive-mirror-10000): every article of the mirror's 30 days, full and lite.

    first run         into an empty directory: every page rendered and written  ≤ 60 s
    nothing changed   a second run at once: what changes with the clock alone
    one story         a third run after one story is published: its page, its lists
                      and days, the front pages and feeds

Nothing is kept between runs but the mirror itself: each run renders through a fragment
store of its own, empty at its start. The link checker's count of broken links follows.

The first run starts with the disk at rest: the last bench's mirror (30,000 files) is
removed, written out (sync) and left SETTLE_SECONDS. On a virtual machine whose disk is
throttled, making a file costs 0.1 ms at rest and up to 1.5 ms after such a burst, which
moved the first run between 49 and 64 s; each row shows what a file cost just before it
("probe": PROBE_FILES files and folders made and removed, as the mirror makes them).

Usage: python bench/mirror_export.py [--articles 10000] [--days 30]
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PY, WORK, run, shpalta_env

PUBLISH_ONE = """
from django.utils import timezone
from wagtail.models import Locale
from shpalta.newsroom.models import Article
from shpalta.newsroom.services import allocate_story_number
model = Article.objects.filter(locale__language_code="uk", live=True).latest("published_at")
story = Article(
    locale=Locale.objects.get(language_code="uk"), story_number=allocate_story_number(),
    headline="Нова новина для вимірювання дзеркала", lead="<p>Коротко.</p>", body=[],
    section=model.section, published_at=timezone.now(), live=False,
)
story.author_links = [
    type(link)(author=link.author, sort_order=0) for link in model.author_links.all()[:1]
]
story.save()
story.save_revision().publish()
"""


def archive(articles: int, days: int) -> dict:
    var = WORK / f"archive-mirror-{articles}-{days}"
    env = shpalta_env(var)
    marker = var / "archive-written"
    run([PY, "manage.py", "migrate", "-v0"], env)
    if not marker.exists():
        print(f"Generating {articles:,} articles over {days} days (once; kept in {var})")
        run([PY, "manage.py", "setup_newsroom"], env)
        run(
            [PY, "manage.py", "generate_archive", "--articles", str(articles), "--days", str(days),
             "--no-search-index"],
            env,
        )  # fmt: skip
        marker.touch()
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    return env


SETTLE_SECONDS = 60
PROBE_FILES = 500


def probe(near: Path) -> float:
    """Microseconds to make a folder with a page in it, as the mirror does, on the disk of
    `near` (removed again)."""
    with tempfile.TemporaryDirectory(dir=near) as scratch:
        started = time.perf_counter()
        for n in range(PROBE_FILES):
            folder = Path(scratch, str(n))
            folder.mkdir()
            (folder / "index.html").write_bytes(b"<p>probe</p>")
        return (time.perf_counter() - started) / PROBE_FILES * 1e6


def export(env: dict, out: Path, days: int) -> tuple[float, str, float]:
    probed = probe(out.parent)
    started = time.monotonic()
    said = run(
        [PY, "manage.py", "export_mirror", "--out", str(out), "--days", str(days),
         "--base-url", "https://mirror.example.org"],
        env,
    )  # fmt: skip
    return time.monotonic() - started, said.strip().splitlines()[-1], probed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=30)
    options = parser.parse_args()
    env = archive(options.articles, options.days)
    out = WORK / "mirror"
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    print(f"The disk at rest: {SETTLE_SECONDS} s after removing the last mirror", flush=True)
    time.sleep(SETTLE_SECONDS)
    rows = [("first run", *export(env, out, options.days))]
    rows.append(("nothing changed", *export(env, out, options.days)))
    run([PY, "manage.py", "shell", "-c", PUBLISH_ONE], env)
    rows.append(("one story published", *export(env, out, options.days)))
    checked = run(
        [PY, "-c", "import django, sys; django.setup(); from shpalta.reader.mirror import "
         "broken_links; print(len(broken_links(sys.argv[1], 'https://mirror.example.org')))",
         str(out)],
        {**env, "DJANGO_SETTINGS_MODULE": "shpalta.settings"},
    ).strip()  # fmt: skip
    files = sum(1 for path in out.rglob("*") if path.is_file())
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file()) / 2**20
    print(f"\nMirror of {options.articles:,} articles over {options.days} days: {files:,} files, "
          f"{size:,.0f} MB; broken links: {checked}")  # fmt: skip
    print("| run | seconds (wall) | a file made before it (probe) | what the command said |")
    print("| --- | ---: | ---: | --- |")
    for name, seconds, said, probed in rows:
        said = re.sub(r"^Mirror [a-z ]+ in [\d.]+ s: ", "", said)
        print(f"| {name} | {seconds:.1f} | {probed:,.0f} µs | {said} |")


if __name__ == "__main__":
    main()
