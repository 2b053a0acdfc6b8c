"""Sitemaps validated against the sitemaps.org schema and its news and xhtml extensions."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from shpalta.editions.dates import KYIV

from ..factories import make_article

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture(scope="module")
def urlset_schema():
    return etree.XMLSchema(etree.parse(SCHEMAS / "urlset.xsd"))


@pytest.fixture(scope="module")
def index_schema():
    return etree.XMLSchema(etree.parse(SCHEMAS / "siteindex.xsd"))


def fetch(client, url, schema=None):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    if schema is not None:
        schema.assertValid(document)
    return document


def locations(document) -> list[str]:
    return document.xpath("//s:loc/text()", namespaces=NS)


def test_index_lists_news_and_month_sitemaps_of_every_edition(
    client, newsroom, index_schema, settings
):
    make_article(published_at=datetime(2024, 12, 12, 19, 16, tzinfo=KYIV))
    make_article()
    make_article(edition="en")
    index = fetch(client, "/sitemap.xml", index_schema)
    urls = locations(index)
    this_month = timezone.localtime(timezone.now(), KYIV).strftime("%Y-%m")
    for expected in (
        "http://127.0.0.1:8000/sitemaps/news.xml",
        "http://127.0.0.1:8000/sitemaps/2024-12.xml",
        f"http://127.0.0.1:8000/sitemaps/{this_month}.xml",
        "http://127.0.0.1:8000/rus/sitemaps/news.xml",
        "http://127.0.0.1:8000/eng/sitemaps/news.xml",
        f"http://127.0.0.1:8000/eng/sitemaps/{this_month}.xml",
    ):
        assert expected in urls
    assert "http://127.0.0.1:8000/eng/sitemaps/2024-12.xml" not in urls  # nothing then
    # A month between the two holds nothing either and is left out.
    assert "http://127.0.0.1:8000/sitemaps/2025-06.xml" not in urls
    # The editions' first years are kept, and follow a story that goes live before them
    # or is taken down (made before the index is kept: a new author purges everything).
    older = make_article(
        edition="en", published_at=datetime(2023, 5, 2, tzinfo=KYIV), publish=False
    )
    settings.PAGE_CACHE = False
    assert locations(fetch(client, "/sitemap.xml")) == urls
    older.save_revision().publish()
    assert "http://127.0.0.1:8000/eng/sitemaps/2023-05.xml" in locations(
        fetch(client, "/sitemap.xml")
    )
    older.refresh_from_db()
    older.unpublish()
    assert locations(fetch(client, "/sitemap.xml")) == urls


def test_month_sitemap_holds_that_month_with_hreflang_alternates(client, newsroom, urlset_schema):
    december = datetime(2024, 12, 12, 19, 16, tzinfo=KYIV)
    story = make_article(published_at=december)
    english = make_article(
        edition="en",
        published_at=december,
        story_number=story.story_number,
        translation_key=story.translation_key,
    )
    lonely = make_article(published_at=december + timedelta(days=1))
    make_article(published_at=datetime(2025, 1, 1, 0, 5, tzinfo=KYIV))  # January in Kyiv
    sitemap = fetch(client, "/sitemaps/2024-12.xml", urlset_schema)

    site = "http://127.0.0.1:8000"
    assert locations(sitemap) == [site + story.get_absolute_url(), site + lonely.get_absolute_url()]
    first = sitemap.xpath("//s:url", namespaces=NS)[0]
    alternates = {
        link.get("hreflang"): link.get("href") for link in first.xpath("xhtml:link", namespaces=NS)
    }
    assert alternates == {
        "uk": site + story.get_absolute_url(),
        "en": site + english.get_absolute_url(),
        "x-default": site + story.get_absolute_url(),
    }
    assert first.findtext("s:lastmod", namespaces=NS).startswith("2024-12-12T19:16")
    second = sitemap.xpath("//s:url", namespaces=NS)[1]
    assert second.xpath("xhtml:link", namespaces=NS) == []


@pytest.mark.parametrize("page_cache", [True, False])
def test_a_month_sitemap_follows_edits_and_other_editions(
    client, newsroom, settings, page_cache, urlset_schema
):
    """A month sitemap is made of kept days: an edit changes the story's <lastmod>, its
    other edition going live adds the alternates, and the kept page is the page written
    from the database."""
    settings.PAGE_CACHE = page_cache
    december = datetime(2024, 12, 12, 19, 16, tzinfo=KYIV)
    story = make_article(published_at=december)
    later = make_article(published_at=december + timedelta(days=1))
    english = make_article(
        edition="en",
        published_at=december,
        story_number=story.story_number,
        translation_key=story.translation_key,
        publish=False,
    )
    url = "/sitemaps/2024-12.xml"

    def first_url():
        return fetch(client, url, urlset_schema).xpath("//s:url", namespaces=NS)[0]

    assert first_url().xpath("xhtml:link", namespaces=NS) == []
    english.save_revision().publish()
    links = first_url().xpath("xhtml:link/@hreflang", namespaces=NS)
    assert links == ["uk", "en", "x-default"]
    before_edit = client.get(url)["ETag"]
    story.headline = "Рада ухвалила закон у другому читанні"
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.updated_at is not None
    lastmod = first_url().findtext("s:lastmod", namespaces=NS)
    assert lastmod == timezone.localtime(story.updated_at).isoformat()
    # The day remade is put back in its place among the days kept.
    assert locations(fetch(client, url)) == [
        "http://127.0.0.1:8000" + article.get_absolute_url() for article in (story, later)
    ]
    response = client.get(url)
    # Filed under its month, not under the hundreds of stories a page can hold: their
    # keys would overflow the headers that caches read (Varnish takes 8 KB a header).
    assert set(response["xkey"].split()) == {"all", "month-uk-2024-12"}
    # The ETag, made of the kept days' digests, follows the edit and answers 304.
    assert response["ETag"] != before_edit
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    settings.PAGE_CACHE = settings.FRAGMENT_CACHE = False
    anew = client.get(url)
    assert (anew.content, anew["ETag"]) == (response.content, response["ETag"])
    settings.PAGE_CACHE, settings.FRAGMENT_CACHE = page_cache, True
    story.save_revision().publish()  # its <lastmod> changes, not the page's length
    assert client.get(url)["ETag"] != response["ETag"]


def test_news_sitemap_from_kept_days_is_cut_at_the_window_and_follows_edits(
    client, newsroom, settings, monkeypatch
):
    from shpalta.syndication import sitemaps

    settings.PAGE_CACHE = False  # the kept days alone must follow
    now = timezone.now()
    hours = (1, 30, 47, 49, 80)  # the last two are out of the 48 hours
    stories = {
        age: make_article(
            # Not ASCII: the window is cut at a byte, not a character.
            edition="en",
            headline=f"{age} hours ago — Kyiv’s time",
            published_at=now - timedelta(hours=age),
        )
        for age in hours
    }
    url = "/eng/sitemaps/news.xml"
    site = "http://127.0.0.1:8000"
    expected = [site + stories[age].get_absolute_url() for age in (1, 30, 47)]
    assert locations(fetch(client, url)) == expected
    assert locations(fetch(client, url)) == expected  # from the kept days
    stories[30].headline = "Thirty hours ago, corrected"
    stories[30].save_revision().publish()
    kept = client.get(url)
    assert b"Thirty hours ago, corrected" in kept.content
    assert b"30 hours ago" not in kept.content
    settings.FRAGMENT_CACHE = False
    anew = client.get(url)
    assert (anew.content, anew["ETag"]) == (kept.content, kept["ETag"])
    settings.FRAGMENT_CACHE = True
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 2)
    assert locations(fetch(client, url)) == expected[:2]
    limited = client.get(url)
    assert set(limited["xkey"].split()) == {"all", "news-en"}
    assert limited["ETag"] != kept["ETag"]  # the same kept days, cut elsewhere


def test_news_sitemap_names_another_edition_that_goes_live(client, newsroom):
    """With the page cache on: the English story's entry gains its Ukrainian version."""
    story = make_article(edition="en", headline="A story told twice")
    ukrainian = make_article(
        edition="uk",
        story_number=story.story_number,
        translation_key=story.translation_key,
        publish=False,
    )
    url = "/eng/sitemaps/news.xml"
    assert fetch(client, url).xpath("//xhtml:link", namespaces=NS) == []
    assert client.get(url)["X-Cache"] == "HIT"
    ukrainian.save_revision().publish()
    ukrainian.refresh_from_db()
    links = fetch(client, url).xpath("//xhtml:link/@href", namespaces=NS)
    assert "http://127.0.0.1:8000" + ukrainian.get_absolute_url() in links


def test_news_sitemap_has_the_last_two_days_with_publication_and_language(
    client, newsroom, urlset_schema
):
    fresh = make_article(edition="en", headline="Fresh & new")
    make_article(edition="en", published_at=timezone.now() - timedelta(hours=49))
    make_article(edition="uk")
    sitemap = fetch(client, "/eng/sitemaps/news.xml", urlset_schema)
    assert locations(sitemap) == ["http://127.0.0.1:8000" + fresh.get_absolute_url()]
    news = sitemap.xpath("//news:news", namespaces=NS)[0]
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Shpalta"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Fresh & new"
    published = datetime.fromisoformat(news.findtext("news:publication_date", namespaces=NS))
    assert published == fresh.published_at


def test_empty_edition_gives_empty_but_well_formed_sitemaps(client, newsroom, index_schema):
    make_article()
    sitemap = fetch(client, "/rus/sitemaps/news.xml")
    assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert locations(sitemap) == []
    this_month = timezone.localtime(timezone.now(), KYIV).strftime("%Y-%m")
    assert locations(fetch(client, f"/rus/sitemaps/{this_month}.xml")) == []


@pytest.mark.parametrize(
    "url",
    [
        "/sitemaps/2024-13.xml",
        "/sitemaps/2024-00.xml",
        "/sitemaps/1999-12.xml",
        "/sitemaps/2999-01.xml",
        "/sitemaps/0000-11.xml",
        "/sitemaps/2024-12.xml?p=abc",
        "/sitemaps/2024-12.xml?p=9",
        "/deu/sitemaps/news.xml",
    ],
)
def test_impossible_sitemap_addresses_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_robots_txt_names_the_index_and_keeps_crawlers_out_of_the_newsroom(client, settings):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_a_month_is_paged_and_its_pages_follow_publishing(
    client, newsroom, urlset_schema, index_schema, monkeypatch, settings
):
    from shpalta.newsroom.models import counts

    settings.PAGE_CACHE = False  # the kept month counts alone must follow
    monkeypatch.setattr(counts, "MONTH_PAGE", 2)
    march = [datetime(2021, 3, day, 9, 0, tzinfo=KYIV) for day in (1, 2, 3)]
    stories = [make_article(edition="en", published_at=moment) for moment in march]
    month = "http://127.0.0.1:8000/eng/sitemaps/2021-03.xml"
    assert [
        url for url in locations(fetch(client, "/sitemap.xml", index_schema)) if "2021-03" in url
    ] == [month, month + "?p=2"]
    first = locations(fetch(client, "/eng/sitemaps/2021-03.xml", urlset_schema))
    second = locations(fetch(client, "/eng/sitemaps/2021-03.xml?p=2", urlset_schema))
    assert first + second == ["http://127.0.0.1:8000" + s.get_absolute_url() for s in stories]
    assert client.get("/eng/sitemaps/2021-03.xml?p=3").status_code == 404
    make_article(edition="en", published_at=datetime(2021, 3, 4, 9, 0, tzinfo=KYIV))
    make_article(edition="en", published_at=datetime(2021, 3, 5, 9, 0, tzinfo=KYIV))
    index = locations(fetch(client, "/sitemap.xml", index_schema))
    assert month + "?p=3" in index
    stories[0].unpublish()
    stories[1].unpublish()
    index = locations(fetch(client, "/sitemap.xml", index_schema))
    assert month + "?p=2" in index and month + "?p=3" not in index
    # Pages are cut between days: a day that alone holds more is a page of its own.
    busy = [make_article(edition="en", published_at=march[0].replace(day=7)) for _ in range(3)]
    assert month + "?p=3" in locations(fetch(client, "/sitemap.xml", index_schema))
    third = locations(fetch(client, "/eng/sitemaps/2021-03.xml?p=3", urlset_schema))
    assert third == ["http://127.0.0.1:8000" + story.get_absolute_url() for story in busy]
