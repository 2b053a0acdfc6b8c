"""Embeds are click-to-load: the provider is not contacted until the reader asks."""

import pytest
from playwright.sync_api import Page, expect

from ..factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_embed_loads_only_when_the_reader_asks(page: Page, live_server, newsroom):
    article = make_article(
        edition="en", body=[("embed", {"url": "https://youtu.be/M7lc1UVf-VE", "caption": ""})]
    )
    contacted = []

    def outside_world(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            contacted.append(route.request.url)
            route.abort()

    page.route("**/*", outside_world)

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    box = page.locator(".embed-box")
    expect(box).to_contain_text("Content from YouTube")
    assert contacted == []

    box.get_by_role("button", name="Load from YouTube").click()
    expect(page.locator(".embed-box iframe")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    )
    page.wait_for_timeout(300)
    assert any("youtube-nocookie.com" in url for url in contacted)
