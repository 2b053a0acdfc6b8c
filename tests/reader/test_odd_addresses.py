"""Odd addresses, query strings, methods and headers at every kind of public address:
whatever is asked, the answer is a page, a redirect or a 4xx, never a server error.

The mutations are the kinds that found two 500s when thrown at the demo site by hand (a
month sitemap of year 0000, an upload's name longer than any file's), applied to every
address in turn, so that a new page type is covered once it is listed here."""

import re

import pytest

from shpalta.editions.dates import kyiv_time
from shpalta.newsroom.models import Label

from ..factories import house_body, make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

MUTATIONS = [
    lambda p: p + "%00",
    lambda p: p + "%ff/",
    lambda p: p + "%e2%80%ae/",
    lambda p: p + "x" * 300 + "/",
    lambda p: p + "index.html",
    lambda p: p.upper(),
    lambda p: p.removesuffix("/") if p.endswith("/") else p + "/",
    lambda p: p.replace("/", "%2F"),
    lambda p: p.replace("/eng/", "/pol/"),
    lambda p: re.sub(r"\d{4}", "0000", p),
    lambda p: re.sub(r"\d{4}", "9999", p),
    lambda p: re.sub(r"/\d\d([/-])", r"/13\1", p, count=1),
    lambda p: re.sub(r"-\d\d\.xml", "-00.xml", p),
    lambda p: re.sub(r"\d+/$", "99999999999/", p),
    lambda p: re.sub(r"[a-z]+(/(rss|atom))?/$", r"%D0%B4%D1%80%D0%BE%D0%BD%D0%B8\1/", p),
]
QUERIES = [
    "page=0",
    "page=-1",
    "page=abc",
    "page=99999999999999999999",
    "page=%D9%A3",  # an Arabic-Indic three: a digit to str.isdigit(), not to us
    "page=2&page=3",
    "p=0",
    "p=1e9",
    "date=2026-13-40",
    "date=0000-01-01",
    "date=9999-12-31",
    "date=%00",
    "edition=xx",
    "limit=-1",
    "offset=abc",
    "since=garbage",
    "utm_source=%ff",
    "q=" + "x" * 3000,
]
HEADERS = [
    {"HTTP_ACCEPT_ENCODING": "br;q=abc, gzip;q=%"},
    {"HTTP_IF_MODIFIED_SINCE": "garbage"},
    {"HTTP_IF_NONE_MATCH": "*"},
    {"HTTP_COOKIE": "sessionid=garbage"},
    {"HTTP_COOKIE": "=;;;"},
    {"HTTP_ACCEPT_LANGUAGE": "xx-ZZ;q=2"},
]
METHODS = ["head", "post", "put", "delete", "options", "patch"]


@pytest.fixture
def addresses(newsroom) -> list[str]:
    image = make_image()
    tag = make_tag("drones")
    section = make_section("war")
    author = make_author("olena-marchuk")
    label = Label.objects.create(slug="live", name_uk="ОНЛАЙН", name_en="LIVE")
    article = make_article(
        edition="en",
        headline="Drones over the city",
        tags=[tag],
        authors=[author],
        labels=[label],
        section=section,
        main_image=image,
        body=house_body(image=image),
    )
    published = kyiv_time(article.published_at)  # the site's days and months are Kyiv's
    month = published.strftime("%Y-%m")
    day = published.strftime("%Y/%m/%d")
    return [
        "/",
        "/eng/",
        "/rus/news/",
        f"/eng/news/{day}/",
        article.get_absolute_url(),
        "/eng/tags/drones/",
        "/eng/sections/war/",
        "/eng/authors/olena-marchuk/",
        "/eng/labels/live/",
        f"/eng/{article.url_kind}/" if article.kind != "news" else "/eng/news/",
        "/eng/support/",
        "/eng/rss/",
        "/eng/tags/drones/atom/",
        "/eng/partner/rss/",
        "/sitemap.xml",
        "/eng/sitemaps/news.xml",
        f"/eng/sitemaps/{month}.xml",
        "/robots.txt",
        "/api/v1/articles/",
        f"/api/v1/articles/en/{article.story_number}/",
        image.file.url,
    ]


def test_no_odd_request_is_a_server_error(client, addresses):
    failures = []

    def ask(method: str, path: str, data=None, **headers) -> None:
        try:
            status = getattr(client, method)(path, data, **headers).status_code
        except Exception as error:  # noqa: BLE001  (named below with the request)
            status = repr(error)[:200]
        if not isinstance(status, int) or status >= 500:
            failures.append(f"{method.upper()} {path[:120]} {headers}: {status}")

    for address in addresses:
        for mutate in MUTATIONS:
            ask("get", mutate(address))
        for query in QUERIES:
            ask("get", f"{address}?{query}")
        for headers in HEADERS:
            ask("get", address, **headers)
        for method in METHODS:
            ask(method, address)
    assert not failures, "\n".join(failures)
