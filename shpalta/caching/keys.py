"""Every name the page cache keeps things under, made in one place: the surrogate keys a
response or fragment is filed under (so that a change purges exactly what shows it), the
names of kept fragments, and the store's own entry names. Pages file themselves under
these keys and the purge rules (newsroom.purges) purge them: both build them here, so
that the two cannot drift apart.

Surrogate keys:

    all                 every response (taxonomy, ads, settings: rare edits)
    a<pk>               a response that shows article <pk> (its page, lists, feeds, API)
    stream-<ed>         the edition's latest items: the recent-news column on every page,
                        the front page's stream, the edition and partner feeds
    front-<ed>          the front page; top-<ed> the top-stories blocks
    day-<ed>-<date>     All News of one Kyiv day, and that day in its month's sitemap
    tag-<ed>-<id>, section-<ed>-<id>, author-<ed>-<id>, label-<ed>-<id>,
    kind-<ed>-<kind>, urgent-<ed>
                        a list and its feeds (a tag's also on pages whose related block it is)
    month-<ed>-<YYYY-MM>, news-<ed>, sitemaps
                        sitemaps of a month, of the last 48 hours, and the index
    api                 content API lists; info-<ed> Support and About
    corrections-<ed>    the corrections log and its feeds
"""

import hashlib
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

ALL = "all"
API = "api"
SITEMAPS = "sitemaps"


def article(pk: int) -> str:
    return f"a{pk}"


def articles(pks: Iterable[int]) -> set[str]:
    return {article(pk) for pk in pks}


def stream(edition: str) -> str:
    return f"stream-{edition}"


def front(edition: str) -> str:
    return f"front-{edition}"


def top(edition: str) -> str:
    return f"top-{edition}"


def news(edition: str) -> str:
    return f"news-{edition}"


def urgent(edition: str) -> str:
    return f"urgent-{edition}"


def info(edition: str) -> str:
    return f"info-{edition}"


def corrections(edition: str) -> str:
    return f"corrections-{edition}"


def day(edition: str, day: date) -> str:
    return f"day-{edition}-{day:%Y-%m-%d}"


def month(edition: str, year: int, month: int) -> str:
    return f"month-{edition}-{year:04d}-{month:02d}"


def year(edition: str, year: int) -> str:
    """Purged with each of the year's months (keys.month): the sitemap index's year of
    entries is filed under it, one key where twelve would be written with each."""
    return f"year-{edition}-{year:04d}"


def tag(edition: str, pk: int) -> str:
    return f"tag-{edition}-{pk}"


def section(edition: str, pk: int) -> str:
    return f"section-{edition}-{pk}"


def author(edition: str, pk: int) -> str:
    return f"author-{edition}-{pk}"


def label(edition: str, pk: int) -> str:
    return f"label-{edition}-{pk}"


def kind(edition: str, kind: str) -> str:
    return f"kind-{edition}-{kind}"


# Fragments (caching.fragments), named by what they hold.


def shell_fragment(edition: str) -> str:
    """The edition's chrome (reader.assembly)."""
    return f"shell-{edition}"


def recent_news_fragment(edition: str, today: date) -> str:
    """The recent-news column on `today` (its lines date what is older)."""
    return f"recent-{edition}-{today:%Y%m%d}"


def section_blocks_fragment(edition: str, today: date) -> str:
    """The front page's column of sections on `today`."""
    return f"sections-{edition}-{today:%Y%m%d}"


def not_found_fragment(edition: str) -> str:
    """The edition's 404 page."""
    return f"not-found-{edition}"


def article_parts_fragment(pk: int) -> str:
    """An article page's own parts (reader.views.article)."""
    return f"article-parts-{pk}"


def top_cards_fragment(edition: str) -> str:
    """The edition's top stories as the cards under an article."""
    return f"top-cards-{edition}"


def article_more_fragment(pk: int) -> str:
    """The blocks under an article: related and top stories."""
    return f"more-{pk}"


def count_fragment(list_key: str) -> str:
    """The length of the list filed under `list_key`."""
    return f"count-{list_key}"


def per_article_fragment(family: str, pk: int) -> str:
    """One article's part of a list (caching.fragments.cached_per_article)."""
    return f"{family}-{pk}"


def headline_lines(edition: str, day: date) -> str:
    """The family of the headline lines of a list of `day` (today's lists, or All News of
    that day): a line dates its item when it is of another day."""
    return f"line-{edition}-{day:%Y%m%d}"


def feed_items(form: str, text: str, edition: str) -> str:
    """The family of feed items of a format (rss, atom) and text (brief, full)."""
    return f"feed-{form}-{text}-{edition}"


def ninjs_items(*, full: bool) -> str:
    """The family of the content API's items, partial (lists) or full."""
    return "ninjs-full" if full else "ninjs-partial"


def sitemap_month_fragment(edition: str, year: int, month: int) -> str:
    """A month's pages (the Kyiv days of each), for its sitemap's pages."""
    return f"sitemap-month-{edition}-{year:04d}-{month:02d}"


def sitemap_day_fragment(edition: str, day: date, *, news: bool = False) -> str:
    """A day's <url>s, for a month sitemap or (`news`) the news sitemap."""
    return f"sitemap-{'news' if news else 'day'}-{edition}-{day:%Y-%m-%d}"


def sitemap_year_fragment(edition: str, year: int) -> str:
    """A year of the sitemap index's entries."""
    return f"sitemap-year-{edition}-{year:04d}"


SITEMAP_FIRST_YEARS_FRAGMENT = "sitemap-first-years"


# The store's own entries.


@cache
def release() -> str:
    """A digest of the Python code, templates and translations under shpalta/."""
    digest = hashlib.blake2b(digest_size=6)
    root = Path(settings.BASE_DIR) / "shpalta"
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html", ".xml", ".mo") and path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


_CONFIGURATION = ("SITE_URL", "STATIC_URL", "MEDIA_URL", "OFFLINE_READING")


@cache
def configuration() -> str:
    """What every kept page and fragment belongs to: this release of the code (release())
    serving this address (SITE_URL, which the pages' absolute links, feeds and sitemaps
    name) with these static and media addresses, offline reading on or off. Entries are
    named under it, so a restart with a new address or a new release reads nothing the
    old one kept (its entries expire unread): a key prefix, not a flush, so that two
    releases side by side (a rolling deploy) do not empty each other's pages. Worked out
    once (a page names a few dozen entries), and again when a test changes a setting."""
    digest = hashlib.blake2b(digest_size=6)
    for value in (release(), *(str(getattr(settings, name)) for name in _CONFIGURATION)):
        digest.update(f"{value}\0".encode())
    return digest.hexdigest()


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs) -> None:
    if setting == "BASE_DIR":
        release.cache_clear()
    if setting in (*_CONFIGURATION, "BASE_DIR"):
        configuration.cache_clear()


def stored_page(key: str) -> str:
    """A page as the store keeps it (key: its path and kept query), of this configuration."""
    return f"page:{configuration()}:{key}"


def stored_fragment(name: str) -> str:
    """A fragment as the store keeps it, of this configuration."""
    return f"fragment:{configuration()}:{name}"


def made_up_page(edition: str) -> str:
    """The kept 404 page that answers made-up addresses (caching.wsgi)."""
    return f"not-found:{configuration()}:{edition}"
