"""Which addresses of the site are pages of the static mirror, and the file each is
written to."""

from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode

from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from shpalta.caching.pages import page_number
from shpalta.editions.registry import EDITIONS, edition_for_path

from ..addresses import reader_page
from ..views.common import day_url

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


class MirrorError(Exception):
    """What stops an export before it writes anything."""


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


def normal(url: str) -> str:
    """One address per page: `?page=1` is the page without it."""
    path, _, query = url.partition("?")
    kept = [(n, v) for n, v in parse_qsl(query, keep_blank_values=True) if (n, v) not in _FIRST]
    return path + ("?" + urlencode(kept) if kept else "")


_FIRST = {("page", "1"), ("p", "1")}


def split(url: str) -> tuple[str, str]:
    path, _, query = url.partition("?")
    return path, query
