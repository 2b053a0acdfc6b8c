"""The lite edition in Chromium: each page is one request (no stylesheet, script, font
or image fetched), styled by its inline stylesheet under the real policy, readable on a
small phone; a reader walks from the front page to a story and to its full version."""

import pytest
from playwright.sync_api import Page, expect

from ..factories import house_body, make_article, make_image
from .test_csp import watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_on_a_slow_phone_reads_the_lite_edition(
    page: Page, live_server, newsroom, artifacts
):
    article = make_article(
        headline="Енергетики відновили живлення у трьох областях",
        lead="<p>Світло повернулося до більшості споживачів уночі.</p>",
        body=house_body(image=make_image()),
        is_urgent=True,
    )
    for number in range(12):
        make_article(headline=f"Коротка новина {number} про події в громадах")
    violations = watch(page)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/lite/")
    expect(page.get_by_role("heading", name="Свіжі новини")).to_be_visible()
    # The inline stylesheet applies: the text column is narrowed, not the browser's default.
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    page.screenshot(path=artifacts / "lite-front.png", full_page=True)
    page.get_by_role("link", name=article.headline).click()
    expect(page.get_by_role("heading", name=article.headline)).to_be_visible()
    expect(page.locator("blockquote")).to_contain_text("Ми працюємо далі.")
    expect(page.get_by_role("link", name="Укрінформ")).to_be_visible()
    page.screenshot(path=artifacts / "lite-article.png", full_page=True)
    assert requests == [
        f"{live_server.url}/lite/",
        f"{live_server.url}{'/lite' + article.get_absolute_url()}",
    ]
    page.get_by_role("link", name="Повна версія").click()
    expect(page).to_have_url(f"{live_server.url}{article.get_absolute_url()}")
    assert violations == []
