"""reader.addresses matches paths without Django's resolve(), whose failures are dear in a
flood of made-up addresses (bench/RESULTS.md): for every route of the site, in every
edition, and for the near misses around each, it must land where Django's resolver lands.
The addresses are made from the URLconf itself, so a new route is checked once it exists."""

import contextlib

import pytest
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation
from wagtail.admin import urls as wagtail_admin_urls

from shpalta.editions.registry import EDITIONS, edition_for_path
from shpalta.reader.addresses import reader_page

# A value for each part a route of ours takes.
SAMPLE = {
    "year": "2024",
    "month": "12",
    "day": "5",
    "story": "7327802",
    "kind": "explainers",
    "segment": "columns",
    "slug": "drones",
    "edition": "en",
    "restriction_id": "3",
    "token": "WzEsImFAZXhhbXBsZS5vcmciXQ:abc",
}
# Values for the unnamed parts of a route, in order (Wagtail's document address).
POSITIONAL = ["12", "report.pdf"]


def named_routes(patterns=None, namespace: str = ""):
    """(name with its namespace, the named parts it takes, how many unnamed) of every
    named route of ours: the newsroom's admin (Wagtail's, never a reader page) left out."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.urlconf_name is wagtail_admin_urls:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            regex = pattern.pattern.regex
            parts = set(regex.groupindex) - set(pattern.default_args)
            yield namespace + pattern.name, parts, regex.groups - len(regex.groupindex)


def agree(path: str) -> bool:
    """reader_page() lands where Django does, in the edition the site answers the path in."""
    edition = edition_for_path(path)
    with translation.override(edition.code):
        return reader_page(path, edition) == where_django_lands(path)


def where_django_lands(path: str):
    """What reader_page() must give: the reader page's (name, arguments); None when another
    view answers or Django adds the slash; "" when nothing does."""
    try:
        match = resolve(path)
    except Resolver404:
        if not path.endswith("/"):
            with contextlib.suppress(Resolver404):
                resolve(path + "/")
                return None
        return ""
    return (match.url_name, match.kwargs) if match.namespace == "reader" else None


def near_misses(path: str) -> list[str]:
    """The address and those a typo, a crawler or a flood makes of it."""
    return [
        path,
        path.removesuffix("/") if path.endswith("/") and path != "/" else path + "/",
        path + "x/",
        path.replace("drones", "bad slug"),
        path.replace("2024/12/5", "2024/1/5"),
        "/x77" + path,
    ]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda edition: edition.code)
def test_the_made_up_check_finds_the_view_django_finds_for_every_route(edition):
    routes = list(named_routes())
    names = {name for name, _, _ in routes}
    assert {"reader:article", "feeds:tag_atom", "feeds:month_sitemap", "api:article"} <= names
    checked = 0
    for name, parts, unnamed in routes:
        assert parts <= SAMPLE.keys(), f"{name}: give SAMPLE a value for {parts - SAMPLE.keys()}"
        with translation.override(edition.code):
            if unnamed:
                path = reverse(name, args=POSITIONAL[:unnamed])
            else:
                path = reverse(name, kwargs={part: SAMPLE[part] for part in parts})
        for asked in near_misses(path):
            assert agree(asked), asked
            checked += 1
    assert checked == len(routes) * len(near_misses("/"))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/admin/",
        "/admin/articles/",
        "/engtags/x/",
        "/rus/eng/tags/x/",
        "/eng/tags/",
        "/eng/",
        "/tags/x/y/",
    ],
)
def test_the_made_up_check_agrees_outside_the_routes(path):
    assert agree(path)


@pytest.mark.parametrize(
    ("path", "query", "is_current"),
    [
        ("/", "", True),
        ("/rus/", "", True),
        ("/eng/lite/", "", True),
        ("/eng/news/", "", True),
        ("/eng/news/", "page=4", False),
        ("/news/{0}/41/", "", True),
        ("/rus/lite/articles/{1}/41/", "", True),
        ("/eng/explainers/{2}/41/", "", False),
        ("/eng/news/{0}/", "", True),
        ("/news/2019/03/4/41/", "", False),
        ("/news/2026/13/40/41/", "", False),
        ("/rss/", "", True),
        ("/eng/urgent/atom/", "", True),
        ("/sitemaps/news.xml", "", True),
        ("/eng/tags/drones/", "", False),
        ("/eng/tags/drones/rss/", "", False),
        ("/sitemaps/2019-03.xml", "", False),
        ("/api/v1/articles/", "edition=en", True),
        ("/api/v1/articles/", "edition=en&cursor=abc", False),
        ("/api/v1/articles/en/41/", "", False),
    ],
)
def test_todays_pages_are_told_apart_from_the_archive(path, query, is_current):
    """caching.misses never refuses today's pages: which they are, from the address
    ({n}: the day n days ago in Kyiv)."""
    from datetime import timedelta

    from shpalta.editions.dates import kyiv_today
    from shpalta.reader.addresses import current

    path = path.format(*(f"{kyiv_today() - timedelta(days=n):%Y/%m/%d}" for n in range(3)))
    assert current({"PATH_INFO": path, "QUERY_STRING": query}) is is_current
