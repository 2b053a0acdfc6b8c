"""What reader pages tell search engines and social networks, read back from the HTML."""

import json
from datetime import datetime

import pytest
from django.core.files.storage import default_storage
from lxml import html as lxml_html

from shpalta.editions.dates import KYIV

from ..factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


def head_of(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    return lxml_html.fromstring(response.content).find("head")


def meta(head, key: str) -> list[str]:
    return head.xpath(f'meta[@property="{key}" or @name="{key}"]/@content')


def structured(head) -> dict[str, dict]:
    data = [json.loads(script.text) for script in head.xpath('script[@type="application/ld+json"]')]
    return {item["@type"]: item for item in data}


@pytest.fixture
def story(newsroom):
    published = datetime(2024, 12, 12, 19, 16, tzinfo=KYIV)
    uk = make_article(
        headline="Сили ППО збили дрони над Києвом",
        published_at=published,
        main_image=make_image(),
        main_image_caption="Уламки на даху складу",
    )
    en = make_article(
        edition="en",
        headline="Air defence downs drones </script><b>over Kyiv",
        summary="Debris fell on a warehouse roof.",
        published_at=published,
        story_number=uk.story_number,
        translation_key=uk.translation_key,
        authors=[make_author("olena-marchuk", en="Olena Marchuk")],
        tags=[make_tag("drones", en="drones"), make_tag("kyiv", en="Kyiv")],
        section=make_section("war", en="War"),
        main_image=make_image(size=(1600, 1200)),
        main_image_caption="Debris on a warehouse roof",
    )
    return uk, en


def test_article_names_its_canonical_and_its_existing_editions(client, story):
    uk, en = story
    head = head_of(client, en.get_absolute_url())
    assert head.xpath('link[@rel="canonical"]/@href') == [SITE + en.get_absolute_url()]
    alternates = {link.get("hreflang"): link.get("href") for link in head.xpath("link[@hreflang]")}
    # No Russian edition of this story: no hreflang for it.
    assert alternates == {
        "uk": SITE + uk.get_absolute_url(),
        "en": SITE + en.get_absolute_url(),
        "x-default": SITE + uk.get_absolute_url(),
    }
    assert meta(head, "og:locale") == ["en_US"]
    assert meta(head, "og:locale:alternate") == ["uk_UA"]


def test_article_carries_news_article_and_breadcrumbs_json_ld(client, story):
    _, en = story
    data = structured(head_of(client, en.get_absolute_url()))
    article = data["NewsArticle"]
    assert article["headline"] == "Air defence downs drones </script><b>over Kyiv"
    assert article["description"] == "Debris fell on a warehouse roof."
    assert article["mainEntityOfPage"]["@id"] == SITE + en.get_absolute_url()
    assert datetime.fromisoformat(article["datePublished"]) == en.published_at
    assert datetime.fromisoformat(article["dateModified"]) == en.published_at
    assert article["author"] == [
        {"@type": "Person", "name": "Olena Marchuk", "url": f"{SITE}/eng/authors/olena-marchuk/"}
    ]
    publisher = article["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["logo"]["url"].endswith("/static/syndication/logo-wide.png")
    assert article["inLanguage"] == "en"
    assert article["articleSection"] == "War"
    assert article["keywords"] == ["drones", "Kyiv"]
    assert article["isAccessibleForFree"] is True
    assert [url.rsplit(".", 2)[-2] for url in article["image"]] == [
        "fill-1200x675",
        "fill-1200x900",
        "fill-1200x1200",
    ]
    for url in article["image"]:
        assert url.startswith(f"{SITE}/media/images/")
        assert default_storage.exists(url.split("/media/", 1)[1])
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(crumb["position"], crumb["name"]) for crumb in crumbs] == [
        (1, "Shpalta"),
        (2, "War"),
        (3, en.headline),
    ]
    assert crumbs[1]["item"] == f"{SITE}/eng/sections/war/"


def test_json_ld_cannot_close_its_script_element(client, story):
    _, en = story
    page = client.get(en.get_absolute_url()).content.decode()
    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<b>" not in script
    assert "\\u003C/script\\u003E" in script


def test_article_has_open_graph_and_twitter_cards(client, story):
    _, en = story
    head = head_of(client, en.get_absolute_url())
    assert meta(head, "og:type") == ["article"]
    assert meta(head, "og:title") == [en.headline]
    assert meta(head, "og:url") == [SITE + en.get_absolute_url()]
    assert meta(head, "og:image")[0].endswith(".fill-1200x630.png")
    assert meta(head, "og:image:width") == ["1200"]
    assert meta(head, "og:image:height") == ["630"]
    assert meta(head, "og:image:alt") == ["Debris on a warehouse roof"]
    assert datetime.fromisoformat(meta(head, "article:published_time")[0]) == en.published_at
    assert meta(head, "article:modified_time")
    assert meta(head, "article:section") == ["War"]
    assert meta(head, "article:tag") == ["drones", "Kyiv"]
    assert meta(head, "twitter:card") == ["summary_large_image"]
    assert meta(head, "twitter:image") == meta(head, "og:image")
    assert "max-image-preview:large" in meta(head, "robots")[0]


def test_front_page_says_who_publishes(client, story, settings):
    head = head_of(client, "/eng/")
    organization = structured(head)["NewsMediaOrganization"]
    assert organization["name"] == "Shpalta"
    assert organization["url"] == f"{SITE}/"
    assert organization["logo"].endswith("/static/syndication/logo-square.png")
    assert organization["sameAs"] == [settings.SOCIAL_URL]
    assert meta(head, "og:type") == ["website"]
    assert {link.get("hreflang") for link in head.xpath("link[@hreflang]")} == {
        "uk",
        "ru",
        "en",
        "x-default",
    }


@pytest.mark.parametrize(
    "url", ["/eng/", "/eng/news/", "/eng/tags/drones/", "/eng/sections/war/", "/eng/support/"]
)
def test_every_page_offers_the_edition_feeds(client, story, url):
    head = head_of(client, url)
    feeds = dict(
        zip(
            head.xpath('link[@rel="alternate"][@type]/@type'),
            head.xpath('link[@rel="alternate"][@type]/@href'),
            strict=True,
        )
    )
    assert f"{SITE}/eng/rss/" in head.xpath('link[@type="application/rss+xml"]/@href')
    assert f"{SITE}/eng/atom/" in head.xpath('link[@type="application/atom+xml"]/@href')
    assert feeds


def test_list_pages_offer_their_own_feed(client, story):
    for url, feed in (
        ("/eng/tags/drones/", "/eng/tags/drones/rss/"),
        ("/eng/sections/war/", "/eng/sections/war/rss/"),
        ("/eng/authors/olena-marchuk/", "/eng/authors/olena-marchuk/rss/"),
    ):
        head = head_of(client, url)
        assert SITE + feed in head.xpath('link[@type="application/rss+xml"]/@href'), url
        assert client.get(feed).status_code == 200


def test_second_page_of_a_list_is_its_own_canonical(client, story):
    head = head_of(client, "/eng/tags/drones/?page=1&utm_source=x")
    assert head.xpath('link[@rel="canonical"]/@href') == [f"{SITE}/eng/tags/drones/"]


def test_not_found_page_is_not_indexed(client, newsroom):
    head = head_of(client, "/eng/no-such-page/")
    assert meta(head, "robots") == ["noindex"]
    assert head.xpath('link[@rel="canonical"]') == []
