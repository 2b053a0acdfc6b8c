"""RSS and Atom feeds read back with feedparser, as a feed reader or aggregator would."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from ..factories import house_body, make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db
HUB = "https://hub.example.org/"


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def story(newsroom, settings):
    settings.WEBSUB_HUB_URL = HUB
    author = make_author(en="Olena Marchuk")
    tag = make_tag("air-defence", en="air defence")
    return make_article(
        edition="en",
        headline="Air defence downs drones over Kyiv",
        summary="Debris fell on a warehouse; no one was hurt.",
        authors=[author],
        tags=[tag],
        main_image=make_image(),
        section=make_section("war", en="War"),
        is_urgent=True,
        body=house_body(),
    )


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_edition_feed_carries_every_field(client, story, settings, fmt):
    make_article(edition="uk", headline="Українська новина")
    response, feed = read(client, f"/eng/{fmt}/")

    assert feed.feed.title == "Shpalta: Latest news"
    assert feed.feed.link == f"{settings.SITE_URL}/eng/"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"{settings.SITE_URL}/eng/{fmt}/"
    assert links["hub"] == HUB
    assert [entry.title for entry in feed.entries] == ["Air defence downs drones over Kyiv"]
    entry = feed.entries[0]
    assert entry.link == settings.SITE_URL + story.get_absolute_url()
    assert entry.id.startswith("urn:uuid:")
    assert entry.summary == "Debris fell on a warehouse; no one was hurt."
    assert entry.author == "Olena Marchuk"
    assert {tag.term for tag in entry.tags} == {"War", "air defence"}
    # Times in Kyiv with their offset, the same instant as stored.
    assert entry.published.endswith(("+0200", "+0300", "+02:00", "+03:00"))
    assert timezone.datetime(*entry.published_parsed[:6], tzinfo=timezone.UTC) == (
        story.published_at.replace(microsecond=0)
    )
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.href.startswith(f"{settings.SITE_URL}/media/images/")
    assert enclosure.type in {"image/png", "image/jpeg"}
    assert int(enclosure.length) > 0
    assert "content" not in entry  # full text only in the partners' feed
    assert response["Last-Modified"]


def test_guid_stays_when_the_story_is_edited_and_its_date_moves(client, story):
    _, before = read(client, "/eng/rss/")
    story.headline = "Air defence downs 13 drones over Kyiv"
    story.published_at = story.published_at - timedelta(days=2)
    story.save_revision().publish()
    _, after = read(client, "/eng/rss/")
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].link != before.entries[0].link


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_partner_feed_has_the_full_text_with_absolute_addresses(client, story, settings, fmt):
    image = make_image(title="Body picture")
    story.body = house_body(image=image)
    story.save_revision().publish()
    _, feed = read(client, f"/eng/partner/{fmt}/")
    html = feed.entries[0].content[0].value
    assert "Ми працюємо далі." in html  # the quote block
    assert "Звичайний абзац." in html
    assert f'src="{settings.SITE_URL}/media/' in html
    assert 'src="/media' not in html
    assert "ad-slot" not in html
    assert "https://www.youtube.com/watch?v=M7lc1UVf-VE" in html


def test_section_tag_author_and_urgent_feeds_hold_only_their_articles(client, story):
    other = make_article(edition="en", headline="Budget news", section=make_section("economy"))
    tag = story.ordered_tags()[0]
    author = story.ordered_authors()[0]
    for url in (
        "/eng/sections/war/rss/",
        f"/eng/tags/{tag.slug_en}/rss/",
        f"/eng/authors/{author.slug}/atom/",
        "/eng/urgent/rss/",
    ):
        _, feed = read(client, url)
        assert [entry.title for entry in feed.entries] == [story.headline], url
    _, feed = read(client, "/eng/sections/economy/rss/")
    assert [entry.title for entry in feed.entries] == [other.headline]


def test_empty_tag_and_edition_give_valid_empty_feeds(client, newsroom):
    tag = make_tag("quiet")
    for url in (f"/eng/tags/{tag.slug_en}/rss/", "/rus/atom/", "/eng/urgent/atom/"):
        _, feed = read(client, url)
        assert feed.entries == []
        assert feed.feed.title


def test_unknown_tag_author_or_section_feed_is_404(client, newsroom):
    for url in ("/eng/tags/nope/rss/", "/eng/authors/nobody/atom/", "/sections/none/rss/"):
        assert client.get(url).status_code == 404, url


def test_unpublished_and_future_articles_stay_out(client, newsroom):
    make_article(edition="en", headline="Draft", publish=False)
    make_article(edition="en", headline="Later", published_at=timezone.now() + timedelta(hours=1))
    _, feed = read(client, "/eng/rss/")
    assert feed.entries == []


@pytest.mark.parametrize("url", ["/eng/rss/", "/eng/atom/", "/eng/partner/rss/"])
def test_a_feed_from_kept_items_is_the_feed_written_anew(client, story, settings, url):
    """Items are kept per article and written into the feed as they are: the document
    must be the one written from the database, byte for byte."""
    make_article(edition="en", headline="A second story", tags=story.ordered_tags())
    settings.PAGE_CACHE = False
    first = client.get(url).content  # writes every item and keeps it
    kept = client.get(url).content  # every item from the store
    settings.FRAGMENT_CACHE = False
    anew = client.get(url).content
    assert first == kept == anew
    assert b"A second story" in kept


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_markup_typed_into_plain_text_fields_reaches_feed_readers_as_text(client, newsroom, fmt):
    """Readers render RSS descriptions and Atom's type="html" summaries as HTML: markup
    typed into a summary, a lead or a tag's name must arrive there escaped, as text."""
    from lxml import etree

    attack = '<img src=x onerror="alert(1)">Rada <b>votes</b>'
    tag = make_tag("attack", en=f"{attack} tag")
    make_article(edition="en", headline="With a summary", summary=attack, tags=[tag])
    make_article(
        edition="en",
        headline="With a lead only",
        lead="<p>Lead &lt;script&gt;alert(2)&lt;/script&gt; text</p>",
        published_at=timezone.now() - timedelta(minutes=5),
    )
    for url in [f"/eng/{fmt}/", f"/eng/tags/attack/{fmt}/"]:
        root = etree.fromstring(client.get(url).content)
        if fmt == "rss":
            descriptions = root.findall("channel/item/description")
            channel = root.find("channel/description").text
        else:
            ns = {"a": "http://www.w3.org/2005/Atom"}
            descriptions = root.findall("a:entry/a:summary", ns)
            channel = root.find("a:subtitle", ns).text  # Atom's subtitle is text
        # What the reader renders as HTML, once the XML is read: no element in it.
        texts = {element.text for element in descriptions}
        assert (
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Rada &lt;b&gt;votes&lt;/b&gt;" in texts
        )
        if url.startswith("/eng/tags/"):
            assert "<img" not in channel or fmt == "atom"
        else:
            assert "Lead &lt;script&gt;alert(2)&lt;/script&gt; text" in texts
        for text in texts:
            assert "<" not in text, text
