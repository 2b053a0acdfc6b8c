"""The page cache: hits, headers, who it serves, and that every publishing event shows on
every page that shows the article right after the event. Runs on the SQLite store in the
SQLite pass and on Redis in the PostgreSQL pass of `make test`."""

import contextlib
import gzip
import time
from datetime import datetime, timedelta
from wsgiref.util import setup_testing_defaults

import brotli
import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder

from shpalta.editions.dates import KYIV, kyiv_today
from shpalta.newsroom.models import Correction, Label
from shpalta.wsgi import application

from ..conftest import sign_in
from ..factories import (
    house_body,
    make_article,
    make_author,
    make_image,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db


def fetch(client, url, **headers):
    return client.get(url, headers=headers)


def warm(client, urls):
    """Fill the cache with every page and check that each is then answered from it (with
    the page cache off: its kept fragments are then filled)."""
    from django.conf import settings

    for url in urls:
        assert fetch(client, url).status_code == 200, url
        again = fetch(client, url)
        assert again.status_code == 200, url
        if settings.PAGE_CACHE:
            assert again.get("X-Cache") == "HIT", url


@pytest.fixture(params=["page cache", "fragments only"])
def layer(request, settings):
    """Each event test runs on whole kept pages, and again with the page cache off, where
    pages are put together from kept fragments (reader.assembly) that must follow too."""
    settings.PAGE_CACHE = request.param == "page cache"
    return request.param


@pytest.fixture
def world(newsroom):
    section = make_section("war", en="War")
    tag = make_tag("drones", en="drones")
    author = make_author("olena-marchuk", en="Olena Marchuk")
    label = Label.objects.create(slug="live", name_uk="НАЖИВО", name_en="LIVE")
    earlier = make_article(
        edition="en",
        headline="Earlier story",
        section=section,
        tags=[tag],
        authors=[author],
        labels=[label],
        published_at=timezone.now() - timedelta(hours=2),
    )
    return {"section": section, "tag": tag, "author": author, "label": label, "earlier": earlier}


def pages_of(article) -> list[str]:
    """Every address that shows this English article (or will once it is live). All
    News without a day shows Kyiv's today: in the first hours after Kyiv's midnight a
    story of the day before is on its day's page alone."""
    day = timezone.localtime(article.published_at or article.go_live_at, KYIV)
    kind_list = [] if article.kind == "news" else [f"/eng/{article.url_kind}/"]
    today = ["/eng/news/", "/eng/lite/news/"] if day.date() == kyiv_today() else []
    return [
        *kind_list,
        "/eng/",
        "/eng/lite/",
        *today,
        f"/eng/news/{day:%Y/%m}/{day.day}/",
        f"/eng/lite/news/{day:%Y/%m}/{day.day}/",
        "/eng/tags/drones/",
        "/eng/sections/war/",
        "/eng/authors/olena-marchuk/",
        "/eng/labels/live/",
        "/eng/rss/",
        "/eng/atom/",
        "/eng/partner/rss/",
        "/eng/tags/drones/rss/",
        "/eng/sections/war/atom/",
        "/eng/authors/olena-marchuk/rss/",
        "/eng/sitemaps/news.xml",
        f"/eng/sitemaps/{day:%Y-%m}.xml",
        "/api/v1/articles/?edition=en",
    ]


def main(html: str) -> str:
    """A page's own content, without the recent-news column that every page has."""
    if "<main" not in html:
        return html  # a feed, a sitemap, the API
    return html[html.index("<main") : html.index("</main>")]


def shows(client, url: str, article) -> bool:
    html = main(fetch(client, url).content.decode())
    if "/sitemaps/" in url and "news.xml" not in url:
        return article.get_absolute_url() in html  # a month sitemap lists addresses only
    return article.headline in html


def english_story(world, **fields):
    """An English article, not yet published, in every list of the world above."""
    return make_article(
        edition="en",
        section=world["section"],
        tags=[world["tag"]],
        authors=[world["author"]],
        labels=[world["label"]],
        kind="article",
        publish=False,
        **fields,
    )


def test_second_request_is_a_hit_with_edge_headers(client, world):
    url = world["earlier"].get_absolute_url()
    first = fetch(client, url)
    assert first["X-Cache"] == "MISS"
    second = fetch(client, url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    control = second["Cache-Control"]
    for part in ("public", "s-maxage=300", "stale-while-revalidate=", "stale-if-error="):
        assert part in control
    keys = second["Surrogate-Key"].split()
    assert f"a{world['earlier'].pk}" in keys and "all" in keys
    assert second["xkey"] == second["Surrogate-Key"]
    assert set(second["Cache-Tag"].split(",")) == set(keys)
    assert second["ETag"] == first["ETag"]
    not_modified = fetch(client, url, if_none_match=second["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_kept_pages_belong_to_the_address_and_release_they_were_made_under(
    client, world, settings, tmp_path
):
    """A restart under another SITE_URL, or with other code, reads nothing the old one
    kept (keys.configuration), fragments included; the old entries are still there for the
    old configuration (a rolling deploy)."""

    url = world["earlier"].get_absolute_url()
    fetch(client, url)
    assert fetch(client, url)["X-Cache"] == "HIT"
    old = settings.SITE_URL
    settings.SITE_URL = "https://mirror.example.org"
    moved = fetch(client, url)
    assert moved["X-Cache"] == "MISS"
    html = moved.content.decode()
    assert f'href="https://mirror.example.org{url}"' in html and old not in html
    assert fetch(client, url)["X-Cache"] == "HIT"
    settings.SITE_URL = old
    assert fetch(client, url)["X-Cache"] == "HIT"
    # A new release: other code, templates or translations under BASE_DIR.
    (tmp_path / "shpalta").mkdir()
    (tmp_path / "shpalta" / "views.py").write_text("changed = True\n")
    code, settings.BASE_DIR = settings.BASE_DIR, tmp_path
    try:
        assert fetch(client, url)["X-Cache"] == "MISS"
    finally:
        settings.BASE_DIR = code
    assert fetch(client, url)["X-Cache"] == "HIT"


def test_tracking_and_random_query_strings_share_one_entry(client, world):
    fetch(client, "/eng/tags/drones/")
    for query in ("?utm_source=x", "?zzz=12345", "?page=1", "?page=01&fbclid=y"):
        assert fetch(client, "/eng/tags/drones/" + query)["X-Cache"] == "HIT", query
    assert fetch(client, "/eng/tags/drones/?page=abc").status_code == 404
    assert fetch(client, "/eng/tags/drones/?page=2").status_code == 404


def test_editor_never_receives_or_fills_the_public_cache(client, world, editor):
    url = world["earlier"].get_absolute_url()
    sign_in(client, editor)
    seen = fetch(client, url)
    assert seen.get("X-Cache") is None
    assert seen["Cache-Control"] == "private, no-cache"
    fetch(client, url)
    client.logout()
    assert fetch(client, url)["X-Cache"] == "MISS"  # the editor filled nothing
    assert fetch(client, url)["X-Cache"] == "HIT"
    sign_in(client, editor)
    assert fetch(client, url).get("X-Cache") is None  # and is not given the public copy


def test_fast_path_answers_a_hit_without_django(client, world, django_assert_num_queries):
    url = world["earlier"].get_absolute_url()
    fetch(client, url)
    environ = {"PATH_INFO": url, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    answered = {}
    with django_assert_num_queries(0):
        body = b"".join(
            application(
                environ,
                lambda status, headers: answered.update(status=status, headers=dict(headers)),
            )
        )
    assert answered["status"] == "200 OK"
    assert answered["headers"]["X-Cache"] == "HIT"
    assert world["earlier"].headline.encode() in body


@pytest.fixture
def behind_tls(settings):
    """Production behind a TLS proxy (HTTPS=1): HSTS for a year on answers over HTTPS."""
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def _through_the_fast_path(url: str, **headers) -> dict:
    environ = {"PATH_INFO": url, "REQUEST_METHOD": "GET", **headers}
    setup_testing_defaults(environ)
    answered = {}
    b"".join(application(environ, lambda status, kept: answered.update(dict(kept))))
    return answered


@pytest.mark.parametrize("first", ["http", "https"])
def test_hsts_follows_each_request_not_the_one_that_filled_the_cache(
    client, world, behind_tls, first
):
    url = world["earlier"].get_absolute_url()
    over = {"http": {}, "https": {"x-forwarded-proto": "https"}}
    filled = fetch(client, url, **over[first])
    assert ("Strict-Transport-Security" in filled) == (first == "https")
    for scheme, headers in over.items():
        hsts = "max-age=31536000" if scheme == "https" else None
        hit = fetch(client, url, **headers)  # the middleware's hit
        assert hit["X-Cache"] == "HIT"
        assert hit.get("Strict-Transport-Security") == hsts, scheme
        environ = {"HTTP_X_FORWARDED_PROTO": "https"} if scheme == "https" else {}
        fast = _through_the_fast_path(url, **environ)
        assert fast["X-Cache"] == "HIT"
        assert fast.get("Strict-Transport-Security") == hsts, scheme


def test_publishing_shows_the_story_on_every_page_at_once(client, world, layer):
    uk = make_article(headline="Українська версія", section=world["section"])
    story = english_story(
        world,
        headline="Drones downed over Kyiv",
        published_at=timezone.now() - timedelta(minutes=1),
        translation_key=uk.translation_key,
        story_number=uk.story_number,
    )
    warm(client, [*pages_of(story), uk.get_absolute_url()])
    story.save_revision().publish()
    story.refresh_from_db()
    for url in [story.get_absolute_url(), *pages_of(story)]:
        assert shows(client, url, story), url
    detail = fetch(client, f"/api/v1/articles/en/{story.story_number}/")
    assert detail.status_code == 200
    # The Ukrainian story's edition switch now leads to the English one.
    assert story.get_absolute_url() in fetch(client, uk.get_absolute_url()).content.decode()


def test_an_edit_shows_at_once_and_leaves_unrelated_pages_cached(client, world, layer):
    article = world["earlier"]
    detail = f"/api/v1/articles/en/{article.story_number}/"
    # Every English page shows the article in its recent-news column; the Ukrainian
    # edition's pages do not show it at all.
    make_article(headline="Бюджетна новина", tags=[make_tag("budget")])
    unrelated = ["/", "/tags/budget/", "/rss/"]
    urls = [article.get_absolute_url(), *pages_of(article), detail]
    warm(client, [*urls, *unrelated])
    article.headline = "Earlier story, corrected"
    article.save_revision().publish()
    for url in urls:
        assert shows(client, url, article), url
    if layer == "page cache":
        for url in unrelated:
            assert fetch(client, url)["X-Cache"] == "HIT", url


def test_a_correction_shows_at_once_wherever_the_story_goes(client, world, layer):
    article = world["earlier"]
    text = "An earlier version of this story named the wrong district."
    urls = [
        article.get_absolute_url(),
        "/eng/lite" + article.get_absolute_url().removeprefix("/eng"),
        "/eng/corrections/",
        "/eng/corrections/rss/",
        "/eng/corrections/atom/",
        "/eng/partner/rss/",
        f"/api/v1/articles/en/{article.story_number}/",
    ]
    warm(client, [*urls, "/corrections/"])
    article.corrections = [Correction(text=text)]
    article.save_revision().publish()
    for url in urls:
        assert text in fetch(client, url).content.decode(), url
    if layer == "page cache":  # the other editions' logs are left as they were
        assert fetch(client, "/corrections/")["X-Cache"] == "HIT"
    # Taken down, the story leaves the log and its feeds.
    article.unpublish()
    for url in ["/eng/corrections/", "/eng/corrections/rss/"]:
        assert text not in fetch(client, url).content.decode(), url


def test_an_edit_that_drops_a_tag_takes_it_off_that_tag_page(client, world, layer):
    article = world["earlier"]
    warm(client, ["/eng/tags/drones/", "/eng/tags/drones/rss/"])
    assert shows(client, "/eng/tags/drones/", article)
    article.tag_links = []
    article.save_revision().publish()
    for url in ("/eng/tags/drones/", "/eng/tags/drones/rss/"):
        assert not shows(client, url, article), url


def test_unpublishing_takes_the_story_off_every_page(client, world, layer):
    article = world["earlier"]
    detail = f"/api/v1/articles/en/{article.story_number}/"
    urls = pages_of(article)
    warm(client, [article.get_absolute_url(), detail, *urls])
    article.unpublish()
    assert fetch(client, article.get_absolute_url()).status_code == 404
    assert fetch(client, detail).status_code == 404
    for url in urls:
        assert not shows(client, url, article), url


def test_scheduled_go_live_and_expiry_show_at_once(client, world, layer):
    go_live_at = timezone.now() + timedelta(seconds=1)
    story = english_story(world, headline="Scheduled story", go_live_at=go_live_at)
    story.save_revision().publish()
    urls = pages_of(story)
    warm(client, urls)
    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.1)
    call_command("run_scheduler", "--once")
    story.refresh_from_db()
    assert story.live
    for url in [story.get_absolute_url(), *urls]:
        assert shows(client, url, story), url
    type(story).objects.filter(pk=story.pk).update(expire_at=timezone.now())
    call_command("run_scheduler", "--once")
    for url in urls:
        assert not shows(client, url, story), url


@pytest.mark.parametrize(
    ("renamed", "pages"),
    [("section", ["/eng/", "/eng/sections/war/"]), ("tag", ["/eng/tags/drones/"])],
)
def test_renaming_a_section_or_tag_shows_everywhere(client, world, layer, renamed, pages):
    pages = [*pages, world["earlier"].get_absolute_url()]
    warm(client, pages)
    world[renamed].name_en = "Front line"
    world[renamed].save()
    for url in pages:
        assert "Front line" in fetch(client, url).content.decode(), url


def test_pages_are_compressed_as_the_client_accepts(client, world):
    url = world["earlier"].get_absolute_url()
    plain = fetch(client, url)
    assert "Content-Encoding" not in plain
    for accept, encoding, decode in (
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("br;q=0, gzip;q=0.5", "gzip", gzip.decompress),
    ):
        for _ in range(2):  # the miss, then the hit
            response = fetch(client, url, accept_encoding=accept)
            assert response["Content-Encoding"] == encoding, accept
            assert decode(response.content) == plain.content
            assert int(response["Content-Length"]) == len(response.content)
            assert response["ETag"] != plain["ETag"]
        again = fetch(client, url, accept_encoding=accept, if_none_match=response["ETag"])
        assert again.status_code == 304
    assert "Accept-Encoding" in plain["Vary"]
    assert len(response.content) < len(plain.content) / 2


@pytest.mark.parametrize("page_cache", [True, False])
def test_recent_news_column_shows_a_new_story_at_once(client, world, settings, page_cache):
    settings.PAGE_CACHE = page_cache  # the kept fragment alone must follow too
    page = world["earlier"].get_absolute_url()
    fetch(client, page)
    assert "Newest story" not in fetch(client, page).content.decode()
    make_article(edition="en", headline="Newest story")
    html = fetch(client, page).content.decode()
    recent = html[html.index('class="recent-news"') :]
    assert "Newest story" in recent


def test_fragment_cache_can_be_switched_off(client, world, settings):
    from shpalta.caching import keys
    from shpalta.caching.pages import store

    recent = keys.stored_fragment(keys.recent_news_fragment("en", kyiv_today()))
    settings.PAGE_CACHE = False
    page = world["earlier"].get_absolute_url()
    fetch(client, page)
    assert store().get(recent) is not None
    store().clear()
    settings.FRAGMENT_CACHE = False
    assert "Earlier story" in fetch(client, page).content.decode()
    assert store().get(recent) is None


def through_fast_path(url: str) -> tuple[str, dict, bytes]:
    """A request through the production WSGI application (fast path, then Django). As
    Django's test client does, the test's database connection is kept open."""
    path, _, query = url.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered.update(status=status, headers=dict(headers))

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    return answered["status"], answered["headers"], body


MADE_UP = (
    "/eng/tags/made-up-1/",
    "/eng/authors/nobody-7/",
    "/eng/sections/none/?x=1",
    "/eng/labels/no-label/",
    "/eng/news/2099/01/01/",
    "/eng/news/1999/12/31/",
    "/eng/news/2024/02/30/",
    "/eng/no/such/page/",
    "/eng/tags/drones/?page=123456789",
    "/eng/tags/drones/?page=0",
)


def test_made_up_addresses_are_answered_before_django(client, world, django_assert_num_queries):
    """A flood of addresses built to miss the cache costs what a hit costs: once the
    edition's 404 page is kept, no query, view or middleware runs for them."""
    status, _, _ = through_fast_path("/eng/tags/first-made-up/")  # rendered, then kept
    assert status.startswith("404")
    through_fast_path("/eng/tags/drones/")  # the names are read once
    for url in MADE_UP:
        with django_assert_num_queries(0):
            status, headers, body = through_fast_path(url)
        assert status == "404 Not Found", url
        assert headers["X-Cache"] == "HIT", url
        assert headers["Content-Language"] == "en"
        assert "Page not found" in body.decode(), url
    # Real addresses and the ones Django decides (articles, lists' pages) still reach it.
    earlier = world["earlier"]
    for url, expected in (
        ("/eng/tags/drones/", "200"),
        ("/eng/authors/olena-marchuk/", "200"),
        ("/eng/sections/war/", "200"),
        ("/eng/labels/live/", "200"),
        (f"/eng/news/{timezone.localtime(earlier.published_at, KYIV):%Y/%m/%d}/", "200"),
        ("/eng/tags/drones", "301"),  # Django adds the slash
        ("/eng/tags/drones/?page=99", "404"),
        ("/eng/news/2024/01/01/123456/", "404"),
    ):
        status, headers, _ = through_fast_path(url)
        assert status.startswith(expected), url
        if expected == "404":  # said by Django's view, not by the kept page
            assert "X-Cache" not in headers, url


def test_a_new_tag_or_author_is_no_longer_made_up(client, world):
    def made_up_again():  # the 404 page, purged with the names' change, is kept again
        assert through_fast_path("/eng/tags/made-up/")[0].startswith("404")
        assert through_fast_path("/eng/tags/made-up/")[1]["X-Cache"] == "HIT"

    made_up_again()
    assert through_fast_path("/eng/tags/fresh/")[1]["X-Cache"] == "HIT"  # kept 404 page
    make_tag("fresh", en="fresh")
    made_up_again()
    assert through_fast_path("/eng/tags/fresh/")[0] == "200 OK"
    assert through_fast_path("/eng/authors/new-reporter/")[1]["X-Cache"] == "HIT"
    make_author("new-reporter", en="New Reporter")
    made_up_again()
    assert through_fast_path("/eng/authors/new-reporter/")[0] == "200 OK"


def test_kept_article_follows_its_edits_and_the_stories_it_links(client, world, settings):
    settings.PAGE_CACHE = False  # the kept article fragment alone must follow
    earlier = world["earlier"]
    story = make_article(edition="en", headline="Follow-up", body=house_body(earlier=earlier))
    page = story.get_absolute_url()
    html = fetch(client, page).content.decode()
    assert f'href="{earlier.get_absolute_url()}"' in html
    story.lead = "<p>A corrected lead.</p>"
    story.save_revision().publish()
    assert "A corrected lead." in fetch(client, page).content.decode()
    earlier.unpublish()  # its Background link now goes nowhere: plain text
    assert f'href="{earlier.get_absolute_url()}"' not in fetch(client, page).content.decode()


def test_the_scheduler_keeps_the_store_within_its_size(client, world, settings):
    from shpalta.caching.keys import stored_page
    from shpalta.caching.pages import store

    settings.PAGE_CACHE_MAX_ENTRIES = 3
    for url in ("/eng/", "/eng/news/", "/eng/tags/drones/", "/eng/sections/war/", "/eng/rss/"):
        fetch(client, url)
    call_command("run_scheduler", "--once")
    kept = [
        url
        for url in ("/eng/", "/eng/news/", "/eng/tags/drones/", "/eng/sections/war/", "/eng/rss/")
        if store().get(stored_page(url)) is not None
    ]
    if settings.REDIS_URL:
        assert len(kept) == 5  # Redis bounds itself (maxmemory)
    else:
        assert 0 < len(kept) <= 3
        assert fetch(client, "/eng/news/").status_code == 200  # a dropped page renders again


def test_sitemap_index_lists_a_new_month_at_once(client, world):
    assert "/eng/sitemaps/2020-01.xml" not in fetch(client, "/sitemap.xml").content.decode()
    assert fetch(client, "/sitemap.xml")["X-Cache"] == "HIT"
    make_article(edition="en", published_at=datetime(2020, 1, 15, 12, 0, tzinfo=KYIV))
    assert "/eng/sitemaps/2020-01.xml" in fetch(client, "/sitemap.xml").content.decode()


def test_article_page_from_kept_parts_costs_one_query(
    client, world, settings, django_assert_num_queries
):
    settings.PAGE_CACHE = False
    page = world["earlier"].get_absolute_url()
    first = fetch(client, page)
    with django_assert_num_queries(1):  # is it (still) published: the parts are kept
        again = fetch(client, page)
    assert again.content == first.content
    assert set(again["xkey"].split()) >= {"all", f"a{world['earlier'].pk}", "top-en"}


def test_blocks_under_a_kept_article_follow_new_stories(client, world, settings):
    settings.PAGE_CACHE = False
    page = world["earlier"].get_absolute_url()
    fetch(client, page)
    # Of the world's section and author: a new one would purge everything ("all").
    known = {"section": world["section"], "authors": [world["author"]]}
    make_article(edition="en", headline="A long read", kind="explainer", **known)
    html = fetch(client, page).content.decode()
    top = html[html.index('class="more-headlines"') :]
    assert "A long read" in top[: top.index("</section>")]
    make_article(edition="en", headline="More on drones", tags=[world["tag"]], **known)
    html = fetch(client, page).content.decode()
    assert "More on drones" in html[html.index('class="related"') : html.index('class="all-news"')]


def test_front_page_sections_column_follows_new_stories(client, world, settings):
    settings.PAGE_CACHE = False  # the kept column alone must follow
    fetch(client, "/eng/")
    make_article(
        edition="en",
        headline="Fresh from the front",
        section=world["section"],
        authors=[world["author"]],
    )
    html = fetch(client, "/eng/").content.decode()
    column = html[html.index('class="section-blocks"') :]
    assert "Fresh from the front" in column[: column.index("</aside>")]


def test_a_list_part_of_an_article_gone_before_it_is_read_is_left_out(world, rf):
    """A list's ids are read, then its rows: an article deleted in between is left out of
    the list, not an error (an API list must stay valid JSON)."""
    from shpalta.caching.fragments import cached_per_article
    from shpalta.newsroom.models import Article

    earlier = world["earlier"]
    gone = make_article(edition="en", headline="Deleted at once")
    ids = [gone.pk, earlier.pk]
    gone.delete()
    for _ in range(2):  # rendered, then from the store
        parts = cached_per_article(
            rf.get("/"), "test-part", ids, Article.objects.in_bulk, lambda a: a.headline
        )
        assert parts == ["Earlier story"]


@pytest.fixture
def redis_unreachable(settings):
    """Production's settings with their Redis unreachable: REDIS_URL (the page cache's
    store and Django's cache) names a loopback port where nothing listens."""
    from shpalta.caching.local import forget_all
    from shpalta.settings import redis_cache

    from .test_varnish import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"
    settings.REDIS_URL = url
    settings.CACHES = {"default": redis_cache(url)}
    forget_all()
    return url


@pytest.fixture(params=["every call fails", "not asked after a failure"])
def redis_down(request, redis_unreachable, monkeypatch):
    """Redis unreachable, and either asked on every call (each caller meets the
    failure), or, as in production, not asked for a while after a failure."""
    from shpalta.caching.store import CircuitBreaker

    if request.param == "every call fails":
        monkeypatch.setattr(CircuitBreaker, "SECONDS", 0)
    return request.param


def test_the_site_reads_and_publishes_while_its_cache_cannot_be_reached(
    client, world, redis_down, caplog, editor
):
    """A cache that fails must not take the site down: every page, feed and API answer
    is rendered anew, a made-up address is still a 404, a story (with a picture, whose
    renditions Wagtail keeps in Django's cache) still goes live, and the admin works."""
    story = english_story(world, headline="Power back in Kharkiv", main_image=make_image())
    for url in pages_of(world["earlier"]):
        assert fetch(client, url).status_code == 200, url
        status, _, _ = through_fast_path(url)
        assert status.startswith("200"), url
    for url in ("/eng/tags/made-up-1/", "/x1/news/", "/eng/news/2099/01/01/"):
        assert fetch(client, url).status_code == 404, url
        status, _, body = through_fast_path(url)
        assert status.startswith("404") and b"<main" in body, url
    detail = f"/api/v1/articles/en/{world['earlier'].story_number}/"
    assert fetch(client, detail).status_code == 200
    story.save_revision().publish()
    story.refresh_from_db()
    for url in [story.get_absolute_url(), *pages_of(story)]:
        assert shows(client, url, story), url
    sign_in(client, editor)
    edit = AdminURLFinder(editor).get_edit_url(story)
    for url in ("/admin/", "/admin/snippets/newsroom/article/", edit):
        assert client.get(url).status_code == 200, url
    assert "Power back in Kharkiv" in client.get(edit).content.decode()
    failed = {record.name for record in caplog.records if record.levelname == "ERROR"}
    # (the API's allowance is counted by shpalta.caching.allowance)
    assert {"shpalta.caching.purge", "shpalta.caching.allowance"} <= failed
    if redis_down == "every call fails":
        assert {"shpalta.caching.wsgi", "shpalta.caching.middleware"} <= failed
        assert "shpalta.caching.fragments" in failed


def test_an_unreachable_redis_is_not_asked_again_at_once(settings, monkeypatch):
    """After a failure the store answers at once for a while (a miss, nothing kept, a
    purge refused) instead of making every request wait for Redis again."""
    from redis import ConnectionError

    from shpalta.caching.pages import store
    from shpalta.caching.store import CachedPage, CircuitBreaker

    from .test_varnish import free_port

    monkeypatch.setattr(CircuitBreaker, "SECONDS", 0.2)
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    page = CachedPage(200, [], b"<p>page</p>", '"e"', time.time())
    with pytest.raises(ConnectionError):
        store().get("/eng/")
    assert store().get("/eng/") is None
    assert store().get_many(["/eng/"]) == {}
    assert store().purged_since("all", 0) is False
    store().store("/eng/", page, {"all"}, 300, time.time_ns())
    with pytest.raises(ConnectionError):
        store().purge({"all"})
    time.sleep(0.25)
    with pytest.raises(ConnectionError):
        store().get("/eng/")  # asked again


def test_a_redis_that_does_not_answer_is_not_asked_again_while_tripped(settings, monkeypatch):
    """A Redis host that takes connections and never answers (hung): the first command
    of the page store, and the first of Django's cache, each wait out the timeout; no
    other command of either opens a connection to it while their breaker is tripped."""
    import socket

    import redis
    from django.core.cache import caches

    from shpalta.caching.pages import store
    from shpalta.caching.store import CachedPage, CircuitBreaker
    from shpalta.settings import redis_cache

    monkeypatch.setattr(CircuitBreaker, "SECONDS", 60)
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(64)
        hung.setblocking(False)
        url = f"redis://127.0.0.1:{hung.getsockname()[1]}/0"
        settings.REDIS_URL = url
        settings.CACHES = {"default": redis_cache(url)}
        failed = (redis.ConnectionError, redis.TimeoutError)
        with pytest.raises(failed):
            store().get("/eng/")
        assert caches["default"].get("api-rate:x") is None
        page = CachedPage(200, [], b"<p>page</p>", '"e"', time.time())
        for _ in range(3):
            assert store().get("/eng/") is None
            assert store().get_many(["/eng/"]) == {}
            assert store().purged_since("all", 0) is False
            store().store("/eng/", page, {"all"}, 300, time.time_ns())
            with pytest.raises(failed):
                store().purge({"all"})
            assert caches["default"].add("api-rate:x", 0) is False
            with pytest.raises(failed):
                caches["default"].incr("api-rate:x")
        opened = []
        with contextlib.suppress(BlockingIOError):
            while True:
                opened.append(hung.accept()[0])
        for connection in opened:
            connection.close()
        assert len(opened) == 2


def test_the_api_does_not_wait_for_an_unreachable_cache_on_every_request(
    client, world, redis_unreachable, caplog, monkeypatch
):
    """The API's rate count lives in Django's cache: once it has failed, the API answers
    uncounted for a while instead of asking the cache again for each request."""
    from shpalta.caching.store import CircuitBreaker

    monkeypatch.setattr(CircuitBreaker, "SECONDS", 60)
    detail = f"/api/v1/articles/en/{world['earlier'].story_number}/"
    for _ in range(3):
        assert fetch(client, detail).status_code == 200
    counted = [r for r in caplog.records if r.name == "shpalta.caching.allowance"]
    assert len(counted) == 1
