"""A reader searches: types in the masthead's box, reads highlighted results, goes to
the next page, narrows by section, on a desktop and on a phone, without and with
JavaScript alike (the box is a plain form)."""

import re

import pytest
from playwright.sync_api import Page, expect
from wagtail.rich_text import RichText

from ..factories import make_article, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 360])
def test_reader_searches_the_edition(page: Page, live_server, newsroom, artifacts, width):
    war = make_section("war", uk="Війна")
    make_section("economy", uk="Економіка")
    for n in range(22):
        make_article(
            headline=f"Дрони атакували Харків, хвиля {n}",
            lead="<p>Сили ППО збили більшість дронів над містом.</p>",
            section=war,
        )
    make_article(
        headline="Енергетики відновили світло",
        body=[("paragraph", RichText("<p>Підстанцію пошкодили дрони вночі.</p>"))],
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/")
    box = page.get_by_role("searchbox", name="Пошук на сайті")
    box.fill("дронами")
    with page.expect_navigation():
        box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.locator(".search-count")).to_have_text("Знайдено матеріалів: 23")
    expect(page.locator(".search-results li")).to_have_count(20)
    expect(page.locator(".search-results mark").first).to_have_text("Дрони")
    page.screenshot(path=artifacts / f"search-{width}.png", full_page=False)

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Наступна")).click()
    expect(page.locator(".search-results li")).to_have_count(3)
    expect(page.locator(".search-results")).to_contain_text("Енергетики відновили світло")

    page.locator(".search-filters summary").click()
    page.get_by_label("Рубрика").select_option(label="Економіка")
    with page.expect_navigation():
        page.get_by_role("button", name="Знайти").last.click()
    expect(page.locator(".no-results")).to_contain_text("Нічого не знайдено")
    page.screenshot(path=artifacts / f"search-nothing-{width}.png", full_page=False)


def test_a_misspelt_search_offers_the_near_spelling(page: Page, live_server, newsroom, artifacts):
    story = make_article(headline="Переговори в Стамбулі тривали до ночі")
    page.goto(f"{live_server.url}/")
    box = page.get_by_role("searchbox", name="Пошук на сайті")
    box.fill("перегвори")
    with page.expect_navigation():
        box.press("Enter")
    expect(page.locator(".no-results")).to_contain_text("Нічого не знайдено")
    suggestion = page.locator(".respelled")
    expect(suggestion).to_have_text("Можливо, ви мали на увазі: переговори?")
    page.screenshot(path=artifacts / "search-respelled.png", full_page=False)
    with page.expect_navigation():
        suggestion.get_by_role("link").click()
    expect(page.locator(".search-results li")).to_have_count(1)
    expect(page.locator(".search-results a").first).to_have_attribute(
        "href", story.get_absolute_url()
    )
