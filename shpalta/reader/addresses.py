"""Addresses that cannot be a reader page, told apart before Django runs.

A flood of made-up addresses (tags, authors, sections and labels that do not exist, days
outside the archive, paths no page has) is built to miss every cache. The page cache's
fast path (caching.wsgi) asks `made_up(environ)` on a miss: for such an address it answers
with the edition's kept 404 page, as cheaply as a hit. The names it checks against are
kept in each process until a tag, author, section or label changes (caching.local).

A reader address is matched against the reader's own URL patterns, in their order, as
Django's resolver would after the edition prefix, without the cost of a failed
resolve(); only what they do not match goes through the whole URLconf.
"""

import re
from datetime import date
from urllib.parse import parse_qsl

from django.urls import URLResolver, get_resolver
from django.utils import translation

from shpalta.caching.local import KeptInProcess
from shpalta.caching.pages import page_number
from shpalta.editions.dates import kyiv_today
from shpalta.editions.fields import edition_field_name
from shpalta.editions.registry import EDITIONS, edition_for_path
from shpalta.newsroom.models import Author, Label, Section, Tag

from . import urls as reader_urls
from .views import lite
from .views.common import FIRST_DAY
from .views.lite import is_lite


def _read_names() -> dict:
    """The slugs that have pages: authors, sections, labels, and tags by edition."""
    return {
        "author": set(Author.objects.values_list("slug", flat=True)),
        "section": set(Section.objects.values_list("slug", flat=True)),
        "label": set(Label.objects.values_list("slug", flat=True)),
        "tag": {
            edition.code: set(
                Tag.objects.values_list(edition_field_name("slug", edition.code), flat=True)
            )
            for edition in EDITIONS
        },
    }


_names = KeptInProcess(_read_names)


def _match(patterns, path: str):
    """The URL pattern Django's resolver chooses for a path, with its arguments, or None:
    resolve() without the list of everything tried that it builds on a failure."""
    for pattern in patterns:
        match = pattern.pattern.match(path)
        if match is None:
            continue
        rest, _, kwargs = match
        if isinstance(pattern, URLResolver):
            found = _match(pattern.url_patterns, rest)
            if found is not None:
                return found[0], {**kwargs, **pattern.default_kwargs, **found[1]}
        else:
            return pattern, {**kwargs, **pattern.default_args}
    return None


def reader_page(path: str, edition):
    """The reader page (URL name, arguments) at a path; None when another view answers
    it, "" when nothing does (with or without the slash Django adds)."""
    # The reader's patterns come first under the edition's prefix: most paths end there.
    found = _match(reader_urls.urlpatterns, path.removeprefix("/" + edition.prefix))
    if found is None:
        with translation.override(edition.code):
            root = [get_resolver()]
            found = _match(root, path)
            if found is None:
                if path.endswith("/") or _match(root, path + "/") is None:
                    return ""
                return None  # Django adds the slash with a redirect
    pattern, kwargs = found
    return (pattern.name, kwargs) if pattern in reader_urls.urlpatterns else None


def made_up(environ) -> str | None:
    """The 404 page that answers a request when no reader page can be at its address:
    its edition's, or its edition's lite one (`uk-lite`); None when Django must decide
    (a real page, an article number)."""
    path = environ.get("PATH_INFO", "")
    if path.startswith("/api/"):
        return None
    edition = edition_for_path(path)
    code = edition.code + ("-lite" if is_lite(path) else "")
    for name, value in parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True):
        if name == "page" and page_number(value) is None:
            return code
    page = reader_page(path, edition)
    if page == "":
        return code
    if page is None:
        return None
    url_name, kwargs = page
    if url_name == "tag":
        return None if kwargs["slug"] in _names.get()["tag"][code] else code
    if url_name in ("author", "section", "label"):
        return None if kwargs["slug"] in _names.get()[url_name] else code
    if url_name in ("day", "lite_day"):
        try:
            day = date(*(int(kwargs[part]) for part in ("year", "month", "day")))
        except ValueError:
            return code
        return None if FIRST_DAY <= day <= kyiv_today() else code
    return None


# Pages of today's news, after the edition's prefix (and "lite/"): the front page, All
# News, the edition feeds, and articles and days by the date in their address.
_CURRENT = re.compile(r"(?:(?:news/)?|(?:urgent/|partner/)?(?:rss|atom)/|sitemaps/news\.xml)")
_DATED = re.compile(r"[a-z]+/(\d{4})/(\d{2})/(\d{1,2})/")
CURRENT_DAYS = 2  # today and yesterday (Kyiv)


def current(environ) -> bool:
    """Is the request for a page readers of today's news ask for (PAGE_CACHE_CURRENT):
    its misses are rendered beside a crawler's walk of the archive, not behind it
    (caching.misses). The first pages count, the later ones of a list do not."""
    path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
    if "page=" in query:
        return False
    if path.startswith("/api/"):
        return path == "/api/v1/articles/" and "cursor=" not in query and "q=" not in query
    rest = path.removeprefix("/" + edition_for_path(path).prefix).removeprefix(lite.PREFIX)
    if _CURRENT.fullmatch(rest):
        return True
    dated = _DATED.match(rest)
    if dated is None:
        return False
    try:
        day = date(*(int(part) for part in dated.groups()))
    except ValueError:
        return False
    return 0 <= (kyiv_today() - day).days < CURRENT_DAYS
