"""A reader finds their way: front page → article → tag → author → other edition →
All News → previous day, on a desktop and on a phone, with a screenshot of each page."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from shpalta.editions.registry import get_edition
from shpalta.newsroom.services import article_translate

from ..factories import make_article, make_author, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newspaper(newsroom):
    author = make_author("oksana", uk="Оксана Мельник", en="Oksana Melnyk")
    nato = make_tag("nato", uk="НАТО", en="NATO")
    make_article(
        headline="Вчорашня новина про НАТО",
        tags=[nato],
        authors=[author],
        published_at=timezone.now() - timedelta(days=1),
    )
    story = make_article(headline="Союзники домовилися про ППО", tags=[nato], authors=[author])
    english = article_translate(article=story, edition=get_edition("en"))
    english.headline = "Allies agree on air defence"
    english.save_revision().publish()
    return story


@pytest.mark.parametrize("width", [1366, 360])
def test_reader_navigates_the_site(page: Page, live_server, newspaper, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})

    def shot(name):
        page.screenshot(path=artifacts / f"reader-{name}-{width}.png", full_page=True)

    page.goto(f"{live_server.url}/")
    expect(page.locator("h2#latest-title")).to_have_text("Свіжі новини")
    shot("front")

    page.locator("main").get_by_role("link", name="Союзники домовилися про ППО").click()
    expect(page.locator("h1")).to_have_text("Союзники домовилися про ППО")
    expect(page.locator(".related")).to_contain_text("Вчорашня новина про НАТО")
    shot("article")

    page.locator(".tags").get_by_role("link", name="НАТО").click()
    expect(page.locator("h1")).to_have_text("НАТО")
    shot("tag")

    page.locator("main").get_by_role("link", name="Союзники домовилися про ППО").click()
    page.locator(".byline").get_by_role("link", name="Оксана Мельник").click()
    expect(page.locator("h1")).to_have_text("Оксана Мельник")
    shot("author")

    page.locator(".edition-switch").get_by_role("link", name="Eng").click()
    expect(page.locator("h1")).to_have_text("Oksana Melnyk")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # The footer's feed link gives this edition's feed, with the story in it.
    feed_link = page.locator(".site-footer").get_by_role("link", name="RSS feed")
    feed_url = live_server.url + feed_link.get_attribute("href")
    feed = feedparser.parse(page.request.get(feed_url).body())
    assert [entry.title for entry in feed.entries] == ["Allies agree on air defence"]

    page.locator(".site-nav").get_by_role("link", name="All News").click()
    expect(page.locator("h1")).to_have_text("All News")
    expect(page.locator("main")).to_contain_text("Allies agree on air defence")
    shot("all-news")

    page.get_by_role("link", name="Previous day").click()
    yesterday = timezone.localdate() - timedelta(days=1)
    assert page.url.endswith(f"/eng/news/{yesterday:%Y/%m}/{yesterday.day}/")
    expect(page.locator(".day-nav h2")).not_to_contain_text("Today")

    page.goto(f"{live_server.url}/eng/sections/politics/")
    expect(page.locator("h1")).to_have_text("Politics")
    shot("section")
    page.goto(f"{live_server.url}/eng/support/")
    shot("support")

    page.goto(f"{live_server.url}/eng/no-such-page/")
    expect(page.locator("h1")).to_have_text("Page not found")
    shot("404")
