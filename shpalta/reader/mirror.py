"""The static mirror (manage.py export_mirror): a copy of the reader site of the last N
days, in all three editions, as files that any static server serves, from any address (a
second domain, object storage, an onion service), or that a browser opens from disk.

The pages are rendered by the site itself, in this process and a second one (two cores),
through Django's whole stack with SITE_URL set to the mirror's address, so canonical
links, feeds and sitemaps name the mirror. Starting from each edition's front pages,
days and feeds it follows the links that stay in the mirror (`in_mirror`): the front
pages (full and lite), All News and the lite days of the window, every article of those
days and its lite version, the first page of every list they link, Support and About,
the feeds, the news and month sitemaps, the sitemap index and robots.txt, and the static
files and images the pages use. Every link to such a page becomes a relative link to its
file (`…/index.html`), so the copy works from disk too; a link to anything else of the
site (an older story, a list's second page, search) leads to the origin; forms, which
need the origin, are left out.

A second run brings the copy up to date: what the purge log (caching.models) says went
stale since the last run, the pages of today and yesterday, and pages not written yet
are rendered again; the rest is left as it is, its links read from the manifest. A file
is written only when its bytes change; a page that is gone (unpublished) is deleted.
"""

import html
import json
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.utils import override_settings
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation

from shpalta.caching import keys
from shpalta.caching.pages import page_number
from shpalta.caching.purge import purged_since, records_since
from shpalta.caching.wsgi import answered_by
from shpalta.editions.dates import kyiv_today
from shpalta.editions.registry import EDITIONS, edition_for_path

from .addresses import reader_page
from .views.common import day_url

MANIFEST = ".shpalta-mirror.json"
BATCH = 40
# A purge is timed when its publishing transaction writes it, and seen when that commits:
# the next run reads back this far before a run began, but for the records this run saw.
MARGIN = timedelta(seconds=60)
# Pages of every list and of the site: in the mirror at their first page only.
FIRST_PAGES = {
    "reader:front", "reader:lite_front", "reader:support", "reader:about", "reader:kind",
    "reader:tag", "reader:author", "reader:section", "reader:label", "reader:corrections",
}  # fmt: skip
DATED = {"reader:day", "reader:lite_day", "reader:article", "reader:lite_article"}
PAGED_TODAY = {"reader:all_news", "reader:lite_all_news"}
# The edition's feeds and the sections'; a tag's or author's (thousands) lead to the origin.
FEEDS = {
    f"feeds:{name}_{form}"
    for name in ("edition", "urgent", "partner", "section", "corrections")
    for form in ("rss", "atom")
}
ROOT = {"sitemap_index", "robots_txt", "feeds:news_sitemap"}
# The middleware a reader page's body and keys come from: the rest (sessions, sign-in,
# CSRF, security headers, the policy) shapes answers to people, not the mirror's files.
PAGE_MIDDLEWARE = (
    "shpalta.caching.middleware.PageCacheMiddleware",
    "shpalta.editions.middleware.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
)
# The keys of the columns beside a page's own content (keys.stream, keys.top).
COLUMNS = (keys.stream(""), keys.top(""))
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)(")')
_FORM = re.compile(r"<form\b.*?</form>", re.DOTALL | re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class MirrorError(Exception):
    """What stops an export before it writes anything."""


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


def file_of(path: str, query: str = "") -> str:
    """The file a page of the mirror is written to, relative to its root: `…/index.html`
    for a page, `…/index.xml` for a feed; a list's or sitemap's page N beside its first."""
    number = 1
    for name, value in parse_qsl(query):
        if name in ("page", "p"):
            number = page_number(value) or 1
    if path.endswith("/"):
        name = "index.xml" if path.endswith(("/rss/", "/atom/")) else "index.html"
        return path[1:] + (f"page-{number}/" if number > 1 else "") + name
    if number > 1:
        stem, dot, extension = path[1:].rpartition(".")
        return f"{stem}-p{number}{dot}{extension}"
    return path[1:]


class Scope:
    """Which addresses of the site are pages of the mirror: the days from `first` to today."""

    def __init__(self, first: date, today: date):
        self.first, self.today = first, today
        self._decided: dict[str, bool] = {}
        self._matched: dict[str, tuple[str, dict] | None] = {}

    def _match(self, path: str) -> tuple[str, dict] | None:
        """The view a path resolves to (its name and arguments), once per path: a reader
        page by the reader's own patterns (no ResolverMatch built, no whole URLconf
        walked), the rest by resolve()."""
        if path not in self._matched:
            edition = edition_for_path(path)
            page = reader_page(path, edition)
            if page is not None:
                self._matched[path] = (f"reader:{page[0]}", page[1]) if page else None
                return self._matched[path]
            with translation.override(edition.code):
                try:
                    match = resolve(path)
                except Resolver404:
                    match = None
            self._matched[path] = (match.view_name, match.kwargs) if match else None
        return self._matched[path]

    def __contains__(self, url: str) -> bool:
        """`url`: a path with its query, if any."""
        decided = self._decided.get(url)
        if decided is None:
            decided = self._decided[url] = self._decide(url)
        return decided

    def _decide(self, url: str) -> bool:
        path, _, query = url.partition("?")
        asked = dict(parse_qsl(query, keep_blank_values=True))
        if any(name not in ("page", "p") for name in asked):
            return False
        match = self._match(path)
        if match is None:
            return False
        name, kwargs = match
        if name in FIRST_PAGES or name in FEEDS or name in ROOT:
            return not asked
        if name in PAGED_TODAY:
            return "p" not in asked
        if name in DATED:
            if name == "reader:article" and asked:
                return False
            try:
                day = date(*(int(kwargs[part]) for part in ("year", "month", "day")))
            except ValueError:
                return False
            return self.first <= day <= self.today and "p" not in asked
        if name == "feeds:month_sitemap":
            month = (int(kwargs["year"]), int(kwargs["month"]))
            return (self.first.year, self.first.month) <= month <= (
                self.today.year,
                self.today.month,
            ) and "page" not in asked
        return False

    def seeds(self) -> list[str]:
        """Where the walk starts: each edition's pages that lead to all the others."""
        urls = [reverse("sitemap_index"), reverse("robots_txt")]
        for edition in EDITIONS:
            with translation.override(edition.code):
                urls += [
                    reverse(name)
                    for name in (
                        "reader:front",
                        "reader:lite_front",
                        "reader:all_news",
                        "reader:lite_all_news",
                        "reader:support",
                        "reader:about",
                        "feeds:edition_rss",
                        "feeds:edition_atom",
                        "feeds:news_sitemap",
                    )
                ]
                day = self.first
                while day <= self.today:
                    urls += [day_url(day), day_url(day, "reader:lite_day")]
                    day += timedelta(days=1)
        return urls

    def changes_by_itself(self, url: str) -> bool:
        """A page that changes with the clock, not only by a publishing event: the front
        pages and today's (their times and dates), yesterday's day (its "next day"
        link), the news sitemap (the last two days)."""
        match = self._match(url.partition("?")[0])
        if match is None:
            return True
        name, kwargs = match
        if name in ("reader:day", "reader:lite_day"):
            day = date(*(int(kwargs[part]) for part in ("year", "month", "day")))
            return day >= self.today - timedelta(days=1)
        return name in {
            "reader:front", "reader:lite_front", "feeds:news_sitemap", "sitemap_index",
            *PAGED_TODAY,
        }  # fmt: skip

    def shows_latest(self, url: str) -> bool:
        """A page whose own content is the latest stories: the edition's feeds."""
        match = self._match(url.partition("?")[0])
        return bool(match) and match[0].startswith(("feeds:edition_", "feeds:partner_"))


class Renderer:
    """Renders pages of the mirror and writes their files (in each worker process)."""

    def __init__(self, out: Path, base_url: str, origin: str, scope: Scope):
        self.out, self.base_url, self.origin, self.scope = out, base_url, origin, scope
        self.handler = WSGIHandler()
        self._on_base = _on(base_url)
        # What each link becomes, kept for the run (a page's links are mostly those of
        # every other page: the chrome, the columns): by root-relative link and the
        # page's depth, and by address written out whole. (kind, replacement, target).
        self._local: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._whole: dict[str, tuple[str, str, str]] = {}
        self.host = urlsplit(origin).netloc or "localhost"

    def render(self, url: str) -> dict:
        """A page: rendered, its links made the mirror's, written if it changed."""
        status, headers, body = self._get(url)
        name = file_of(*_split(url))
        target = self.out / name
        if status != 200:
            existed = target.exists()
            if existed:
                target.unlink()
            return {"url": url, "status": status, "deleted": existed}
        content_type = headers.get("Content-Type", "")
        assets: set[str] = set()
        links: set[str] = set()
        # Addresses written out whole (the head's links, structured data, feeds) first,
        # then a page's own links (root-relative and relative) to its files.
        text = self._absolute(body.decode(), links, assets)
        if content_type.startswith("text/html"):
            text = self._html(url, name, text, links, assets)
        data = text.encode()
        changed = not target.exists() or target.read_bytes() != data
        if changed:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temporary = target.with_name(f".{target.name}.{os.getpid()}")
                temporary.write_bytes(data)
                temporary.replace(target)
            except OSError as error:  # a full disk, a file where a folder must be
                raise MirrorError(f"Could not write {target}: {error.strerror}.") from None
        return {
            "url": url,
            "status": 200,
            "file": name,
            "keys": sorted(headers.get("xkey", "").split()),
            "links": sorted(links),
            "assets": sorted(assets),
            "written": changed,
        }

    def _get(self, url: str) -> tuple[int, dict, bytes]:
        path, _, query = url.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": self.host.split(":")[0],
            "SERVER_PORT": "80",
            "HTTP_HOST": self.host,
            "wsgi.url_scheme": "http",
            "wsgi.input": _EMPTY,
            "wsgi.errors": _Errors(),
        }
        status, headers, body = answered_by(self.handler, environ)
        return int(status.split()[0]), dict(headers), body

    def _html(self, url: str, name: str, text: str, links: set, assets: set) -> str:
        """A page's links made the mirror's: relative to its file where they stay in it."""
        text = _FORM.sub("", text)
        here = self.base_url + url
        up = "../" * name.count("/")  # from the page's folder to the mirror's root

        def local(value: str) -> str:
            known = self._local.get((value, up))
            if known is None:
                known = self._local_link(value, here, up)
                if value.startswith("/"):  # the same wherever the page is at this depth
                    self._local[value, up] = known
            return _noted(known, links, assets)

        text = _LINK.sub(lambda m: m.group(1) + local(m.group(2)) + m.group(3), text)
        if 'srcset="' not in text:  # most pages: a look costs a tenth of the pattern's scan
            return text
        return _SRCSET.sub(
            lambda m: (
                m.group(1)
                + ", ".join(
                    " ".join([local(part.split()[0]), *part.split()[1:]])
                    for part in m.group(2).split(",")
                    if part.strip()
                )
                + m.group(3)
            ),
            text,
        )

    def _local_link(self, value: str, here: str, up: str) -> tuple[str, str, str]:
        """What a link of a page at `here`, `up` from the mirror's root, becomes:
        (kind, its new value, the asset or page it leads to)."""
        raw = html.unescape(value)
        if raw.startswith(("#", "mailto:", "tel:", "data:", "javascript:", "//")) or "://" in raw:
            return "", value, ""  # on the page, or a whole address: another site, or done
        rest = raw if raw.startswith("/") else urljoin(here, raw)[len(self.base_url) :]
        kind, target, fragment = self._target(rest)
        if kind == "asset":
            return kind, html.escape(up + target[1:] + fragment), target
        if kind == "origin":
            return kind, html.escape(target + fragment), ""
        return kind, html.escape(up + file_of(*_split(target)) + fragment), target

    def _target(self, rest: str) -> tuple[str, str, str]:
        """What a link of the site (its path, query and fragment) leads to in the mirror:
        ("asset", path), ("page", path and query) or ("origin", whole address)."""
        rest, _, fragment = rest.partition("#")
        fragment = f"#{fragment}" if fragment else ""
        path = rest.partition("?")[0]
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return "asset", path, fragment
        rest = _normal(rest)
        if rest not in self.scope:
            return "origin", self.origin + rest, fragment
        return "page", rest, fragment

    def _absolute(self, text: str, links: set, assets: set) -> str:
        """A feed's, sitemap's or robots.txt's addresses: the mirror's where they stay in
        it (a page by its folder, a feed by its file), else the origin's. Images named
        by address (social cards, structured data, feeds' enclosures) are assets."""

        def mirrored(match) -> str:
            found = self._whole.get(match.group(1))
            if found is None:
                found = self._whole[match.group(1)] = self._whole_address(match)
            return _noted(found, links, assets)

        return self._on_base.sub(mirrored, text)

    def _whole_address(self, match) -> tuple[str, str, str]:
        rest = html.unescape(match.group(1))
        if rest.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return "asset", match.group(0), rest.partition("?")[0]
        rest = _normal(rest)
        if rest not in self.scope:
            return "origin", html.escape(self.origin + rest, quote=False), ""
        return "page", html.escape(self._mirrored(rest), quote=False), rest

    def _mirrored(self, url: str) -> str:
        """The mirror's absolute address of one of its pages: a page by its folder, a feed
        or sitemap by its file."""
        return f"{self.base_url}/{file_of(*_split(url)).removesuffix('index.html')}"


def _noted(found: tuple[str, str, str], links: set, assets: set) -> str:
    """A link's new value; the page or asset it leads to noted among the page's."""
    kind, replacement, target = found
    if kind == "asset":
        assets.add(target)
    elif kind == "page":
        links.add(target)
    return replacement


def _normal(url: str) -> str:
    """One address per page: `?page=1` is the page without it."""
    path, _, query = url.partition("?")
    kept = [(n, v) for n, v in parse_qsl(query, keep_blank_values=True) if (n, v) not in _FIRST]
    return path + ("?" + urlencode(kept) if kept else "")


_FIRST = {("page", "1"), ("p", "1")}


def broken_links(out: Path, base_url: str) -> list[str]:
    """The links of a mirror that lead to no file of it: every relative link of its pages
    and every address of its feeds and sitemaps on `base_url` (the link checker)."""
    broken = []
    out = Path(out)
    on_base = _on(base_url)
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name == MANIFEST:
            continue
        name = path.relative_to(out).as_posix()
        if path.suffix == ".html":
            for value in _LINK.findall(path.read_text()):
                link = html.unescape(value[1]).partition("#")[0].partition("?")[0]
                if not link or "://" in link or link.startswith(("mailto:", "tel:", "data:")):
                    continue
                if link.startswith("/"):
                    broken.append(f"{name}: {link} (a link to the origin's root)")
                    continue
                target = (path.parent / unquote(link)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file() or out.resolve() not in target.parents:
                    broken.append(f"{name}: {link}")
        if path.suffix in (".html", ".xml", ".txt"):
            for rest in on_base.findall(path.read_text()):
                rest = html.unescape(rest).partition("#")[0]
                target = out / unquote(rest).lstrip("/")
                if rest.endswith("/"):
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{name}: {rest}")
    return broken


def _on(base_url: str) -> re.Pattern:
    """Addresses on `base_url`: the path (with its query) of each."""
    return re.compile(re.escape(base_url.rstrip("/")) + r"(/[^\s\"'<>&]*(?:&amp;[^\s\"'<>&]*)*)")


def _split(url: str) -> tuple[str, str]:
    path, _, query = url.partition("?")
    return path, query


class _Errors:
    def write(self, text):
        pass

    def flush(self):
        pass


class _Empty:
    def read(self, *args):
        return b""

    def readline(self, *args):
        return b""


_EMPTY = _Empty()


def page_middleware() -> list[str]:
    """The site's middleware that the mirror's renderers run (PAGE_MIDDLEWARE), in order."""
    return [name for name in settings.MIDDLEWARE if name in PAGE_MIDDLEWARE]


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
            for url in urls if decided else map(_normal, urls):
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
