"""An editor corrects a published story in the Wagtail editor; a reader sees the
correction on the story and in the corrections log: in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from shpalta.newsroom.models import Article

from ..factories import make_article, make_author
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORRECTION = (
    "У попередній версії було неправильно вказано кількість збитих дронів: їх було 12, а не 21."
)


def test_editor_corrects_a_story_and_readers_see_it(
    page: Page, browser, live_server, editor, artifacts
):
    base = live_server.url
    article = make_article(
        headline="Сили ППО збили 12 дронів над Києвом", authors=[make_author("oksana")]
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/snippets/newsroom/article/edit/{article.pk}/")
    page.get_by_role("button", name=re.compile("Додати виправлення", re.IGNORECASE)).click()
    page.locator("#id_corrections-0-text").fill(CORRECTION)
    page.locator("#id_corrections-0-text").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "editor-correction.png", full_page=False)
    page.get_by_role("button", name="Більше дій").click()
    with page.expect_navigation():  # after the admin's check that the database answers
        page.get_by_role("button", name="Опублікувати").click()
    expect(page.locator(".messages")).to_contain_text(article.headline)

    article.refresh_from_db()
    assert article.corrections.count() == 1 and article.updated_at is not None

    reader = browser.new_page(viewport={"width": 390, "height": 844})
    reader.goto(f"{base}{article.get_absolute_url()}")
    corrected = reader.locator(".byline .corrected")
    expect(corrected).to_have_text("Виправлено")
    corrected.click()
    expect(reader.locator("#corrections")).to_be_in_viewport()
    expect(reader.locator("#corrections")).to_contain_text(CORRECTION)
    expect(reader.locator("#corrections strong")).to_contain_text(re.compile(r"Виправлення, \d"))
    reader.screenshot(path=artifacts / "article-correction.png", full_page=False)

    reader.goto(f"{base}/corrections/")
    expect(reader.locator("h1")).to_have_text("Виправлення")
    entry = reader.locator(".corrections-log li").first
    expect(entry).to_contain_text(CORRECTION)
    reader.screenshot(path=artifacts / "corrections-log.png", full_page=True)
    entry.get_by_role("link", name=article.headline).click()
    expect(reader.locator(f"#correction-{article.corrections.get().pk}")).to_be_in_viewport()
    assert Article.objects.get(pk=article.pk).live
