"""A reader without a mouse can skip to the story and open the sections menu; the site
follows the system's dark colour scheme."""

import pytest
from playwright.sync_api import Page, expect

from ..factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_reaches_content_and_the_sections_menu(page: Page, live_server, newsroom):
    article = make_article(edition="en", headline="Keyboard story")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Search the site")).to_be_focused()
    page.keyboard.press("Tab")  # its button
    for _ in range(3):  # the edition switch: two links and the current edition's label
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    expect(page.locator(".all-sections summary")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".all-sections")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(page.locator(".all-sections a").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("All News")


@pytest.mark.parametrize(("scheme", "dark"), [("light", False), ("dark", True)])
def test_colours_follow_the_system_setting(
    page: Page, live_server, newsroom, artifacts, scheme, dark
):
    article = make_article(edition="en", headline="Colours")
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(part) for part in rgb[rgb.index("(") + 1 : -1].split(",")[:3])
    assert (red + green + blue < 150) is dark
    page.screenshot(path=artifacts / f"reader-article-{scheme}.png")
