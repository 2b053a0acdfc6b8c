"""The mirror's walk: from each edition's first pages along the links that stay in
the mirror, rendered in worker processes; a second run renders what went stale."""

import json
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.utils import override_settings
from django.utils import timezone

from shpalta.caching import keys
from shpalta.caching.purge import purged_since, records_since
from shpalta.editions.dates import kyiv_today

from .render import Renderer, page_middleware
from .scope import MirrorError, Scope, normal

MANIFEST = ".shpalta-mirror.json"
BATCH = 40
# A purge is timed when its publishing transaction writes it, and seen when that commits:
# the next run reads back this far before a run began, but for the records this run saw.
MARGIN = timedelta(seconds=60)
# The keys of the columns beside a page's own content (keys.stream, keys.top).
COLUMNS = (keys.stream(""), keys.top(""))
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Report:
    rendered: int = 0
    written: int = 0
    unchanged: int = 0
    kept: int = 0  # not rendered: nothing they show changed
    deleted: int = 0
    assets: int = 0
    seconds: float = 0.0
    incremental: bool = False
    failed: list[str] = field(default_factory=list)


# The renderer of a worker process, made by _start_worker.
_renderer: Renderer | None = None


def _start_worker(out, base_url, origin, scope, private):
    global _renderer
    connections.close_all()  # the parent's connections are not this process's
    # A fragment store of its own: two writers of one SQLite file wait for each other.
    settings.PAGE_CACHE_PATH = Path(private) / f"fragments-{os.getpid()}.sqlite3"
    settings.MIDDLEWARE = page_middleware()
    settings.ARTICLE_PARTS_DAYS = 0  # a run renders each article once: its parts, for no one
    _renderer = Renderer(out, base_url, origin, scope)


def _render_batch(urls: list[str]) -> list[dict]:
    return [_renderer.render(url) for url in urls]


class Mirror:
    def __init__(self, out: Path, base_url: str, days: int = 30, workers: int = 2):
        self.out = Path(out)
        self.base_url = _checked_base_url(base_url)
        if not 1 <= days <= 3660:
            raise MirrorError("--days must be between 1 and 3660.")
        self.days, self.workers = days, workers
        self.origin = settings.SITE_URL
        self.manifest = self._read_manifest()

    def _read_manifest(self) -> dict | None:
        """The last run's manifest; None for a new mirror. Refuses a directory that holds
        anything else, before a file is written."""
        if self.out.exists() and not self.out.is_dir():
            raise MirrorError(f"{self.out} is a file, not a directory.")
        if not self.out.exists() or not any(self.out.iterdir()):
            return None
        try:
            manifest = json.loads((self.out / MANIFEST).read_text())
        except (OSError, ValueError):
            raise MirrorError(
                f"{self.out} is not empty and holds no mirror made by export_mirror "
                f"({MANIFEST}); give an empty or new directory."
            ) from None
        if manifest.get("base_url") != self.base_url:
            return None  # another address: every page is made again
        return manifest

    def run(self, log=lambda message: None) -> Report:
        started = time.monotonic()
        started_at = timezone.now()
        seen = records_since(started_at - MARGIN)
        today = kyiv_today()
        scope = Scope(today - timedelta(days=self.days - 1), today)
        report = Report(incremental=self.manifest is not None)
        pages: dict[str, dict] = dict(self.manifest["pages"]) if self.manifest else {}
        stale = self._stale_keys()
        self.out.mkdir(parents=True, exist_ok=True)
        with (
            tempfile.TemporaryDirectory() as private,
            override_settings(
                SITE_URL=self.base_url,
                PAGE_CACHE=False,
                REDIS_URL="",
            ),
        ):
            for signal in (request_started, request_finished):
                signal.disconnect(close_old_connections)
            try:
                self._walk(scope, pages, stale, report, log, private)
            finally:
                for signal in (request_started, request_finished):
                    signal.connect(close_old_connections)
        report.assets = self._copy_assets(pages)
        (self.out / MANIFEST).write_text(
            json.dumps(
                {
                    "base_url": self.base_url,
                    "origin": self.origin,
                    "days": self.days,
                    "started_at": started_at.isoformat(),
                    "purges_seen": seen,
                    "pages": pages,
                },
                ensure_ascii=False,
                sort_keys=True,
            )
        )
        report.seconds = time.monotonic() - started
        return report

    def _stale_keys(self) -> set[str] | None:
        """The keys purged since the last run; None when every page must be made again
        (a new mirror, or a last run older than the purge log)."""
        if self.manifest is None:
            return None
        since = datetime.fromisoformat(self.manifest["started_at"]) - MARGIN
        if since < timezone.now() - timedelta(days=settings.PURGE_LOG_DAYS):
            return None
        stale = purged_since(since, self.manifest.get("purges_seen", ()))
        return None if keys.ALL in stale else stale

    def _needs_render(self, url: str, pages: dict, stale: set | None, scope: Scope) -> bool:
        kept = pages.get(url)
        if stale is None or kept is None or not (self.out / kept["file"]).exists():
            return True
        if scope.changes_by_itself(url):
            return True
        # Every page has the recent-news column and every article the top stories: a new
        # story would make all of them again. Their columns stay as they were written
        # (the front pages, today's All News and the feeds carry the latest); a story
        # taken down still leaves them, by its own key.
        shown = kept["keys"]
        if not scope.shows_latest(url):
            shown = [key for key in shown if not key.startswith(COLUMNS)]
        return bool(stale.intersection(shown))

    def _walk(self, scope: Scope, pages: dict, stale, report: Report, log, private) -> None:
        seen: set[str] = set()
        queue: list[str] = []

        def reach(urls, *, decided=False):
            """`decided`: the links a page of this run was found to have in the mirror
            (normal already); the worker that rendered it asked the scope."""
            for url in urls if decided else map(normal, urls):
                if url not in seen and (decided or url in scope):
                    seen.add(url)
                    queue.append(url)

        reach(scope.seeds())
        # Pages of an earlier run outside today's walk (older days, an unpublished story)
        # are made again too when something they show changed: a story gone is deleted.
        for url, kept in pages.items():
            if url not in seen and (stale is None or stale.intersection(kept["keys"])):
                seen.add(url)
                queue.append(url)

        def done(results):
            for result in results:
                url = result["url"]
                report.rendered += 1
                if result["status"] != 200:
                    # A page of the last run that is gone (unpublished) is deleted; a
                    # page a link led to that is not there is a broken link.
                    report.deleted += result.get("deleted", False)
                    if pages.pop(url, None) is None:
                        report.failed.append(f"{url}: {result['status']}")
                    continue
                report.written += result["written"]
                report.unchanged += not result["written"]
                pages[url] = {k: result[k] for k in ("file", "keys", "links", "assets")}
                reach(result["links"], decided=True)

        context = get_context("fork")
        connections.close_all()
        with ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.out, self.base_url, self.origin, scope, private),
        ) as pool:
            running = []
            while queue or running:
                batch: list[str] = []
                while queue and len(batch) < BATCH:
                    url = queue.pop()
                    if self._needs_render(url, pages, stale, scope):
                        batch.append(url)
                    else:
                        report.kept += 1
                        reach(pages[url]["links"])
                if batch:
                    running.append(pool.submit(_render_batch, batch))
                if running and (not queue or len(running) >= self.workers * 2):
                    done(running.pop(0).result())
                    if report.rendered % 1000 < BATCH:
                        log(f"  {report.rendered:,} pages rendered, {len(queue):,} to go")

    def _copy_assets(self, pages: dict) -> int:
        """The static files and uploads the pages use, and the files their stylesheets
        name; each copied when it is not there or differs in size or time."""
        wanted = {asset for page in pages.values() for asset in page["assets"]}
        copied = 0
        done: set[str] = set()
        while wanted:
            asset = wanted.pop()
            if asset in done:
                continue
            done.add(asset)
            source = _source_of(asset)
            if source is None:
                continue
            target = self.out / unquote(asset)[1:]
            if (
                not target.exists()
                or target.stat().st_size != source.stat().st_size
                or target.stat().st_mtime < source.stat().st_mtime
            ):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
                copied += 1
            if source.suffix == ".css":
                for named in _CSS_URL.findall(source.read_text(errors="replace")):
                    if not named.startswith(("data:", "http:", "https:", "/")):
                        wanted.add(os.path.normpath(os.path.join(os.path.dirname(asset), named)))
        return copied


def _source_of(asset: str) -> Path | None:
    """The file behind a static or media address."""
    asset = unquote(asset)
    if asset.startswith(settings.MEDIA_URL):
        path = Path(settings.MEDIA_ROOT) / asset.removeprefix(settings.MEDIA_URL)
        return path if path.is_file() else None
    name = asset.removeprefix(settings.STATIC_URL)
    try:
        path = Path(staticfiles_storage.path(name))
        if path.is_file():
            return path
    except NotImplementedError:
        pass
    found = finders.find(name)
    return Path(found) if found else None


def _checked_base_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or " " in url.strip()
    ):
        raise MirrorError(
            f"{url!r} is not a site address: give one such as https://mirror.example.org "
            "or http://…onion (a path after the host is allowed)."
        )
    return url.strip().rstrip("/")
