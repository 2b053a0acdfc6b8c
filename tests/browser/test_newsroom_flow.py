"""A reporter writes a story in the Wagtail editor, an editor approves it, and a reader
finds it on the public site: the whole newsroom in a real browser."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from shpalta.newsroom.models import Article

from ..conftest import PASSWORD, current_code
from ..factories import make_author, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str, username: str) -> None:
    """Password, then the code of the user's authenticator app."""
    user = get_user_model().objects.get(username=username)
    code = current_code(user)  # gives the user an authenticator before the sign-in
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/account/two-factor/verify/"))
    page.fill("#id_code", code)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_reporter_writes_editor_approves_reader_reads(
    page: Page, browser, live_server, reporter, editor, artifacts
):
    base = live_server.url
    make_section("war", uk="Війна")
    make_author("oksana", uk="Оксана Мельник")

    # The reporter writes the story with a quote, files it and submits it for review.
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "reporter")
    page.goto(f"{base}/admin/snippets/newsroom/article/add/?locale=uk")
    page.fill("#id_headline", "Сили оборони відбили атаку біля Харкова")
    page.locator("[data-contentpath=lead] [contenteditable=true]").click()
    page.keyboard.type("Наступ зупинили до світанку, повідомили в штабі.")
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Пряма мова").click()
    page.locator("[data-contentpath=body] textarea").first.fill("Ми тримаємо позиції.")
    page.get_by_role("tab", name="Рубрикація").click()
    page.select_option("#id_section", label="Війна")
    page.get_by_role("button", name="Додати автори").click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("row").filter(has_text="Оксана Мельник").get_by_role("checkbox").check()
    chooser.get_by_text("Підтвердити вибір").click()
    expect(
        page.locator("[data-contentpath=author]").filter(has_text="Оксана Мельник")
    ).to_have_count(1)
    page.screenshot(path=artifacts / "editor-filing.png", full_page=True)

    # The preview shows the story as readers will see it, in the edition's chrome.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("Сили оборони відбили атаку біля Харкова")
    expect(preview.locator(".block-quote blockquote")).to_contain_text("Ми тримаємо позиції.")
    menu = preview.locator(".site-nav .all-sections")
    expect(menu.locator("a", has_text="Війна")).to_have_count(1)  # in the closed menu
    expect(preview.locator(".site-footer")).to_contain_text("Новини поштою")
    page.screenshot(path=artifacts / "editor-preview.png")
    page.locator('[data-side-panel-toggle="preview"]').click()
    page.get_by_role("button", name="Більше дій").click()
    page.get_by_role("button", name=re.compile("Надіслати в")).click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")

    article = Article.objects.get()
    assert article.workflow_in_progress and not article.live

    # The editor finds it on the dashboard and approves it, which publishes it.
    editor_page = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(editor_page, base, "editor")
    editor_page.get_by_role("link", name=article.headline).last.click()
    editor_page.get_by_role("button", name="Більше дій").click()
    editor_page.get_by_role("button", name="Схвалити і Опублікувати").click()
    expect(editor_page.locator(".messages")).to_contain_text(article.headline)

    article.refresh_from_db()
    assert article.live

    # A reader on a phone finds it on the front page and opens it.
    reader = browser.new_page(viewport={"width": 360, "height": 780})
    reader.goto(f"{base}/")
    reader.locator("main").get_by_role("link", name=article.headline).click()
    expect(reader.locator("h1")).to_have_text(article.headline)
    expect(reader.locator(".byline")).to_contain_text("Оксана Мельник")
    expect(reader.locator(".block-quote blockquote")).to_contain_text("Ми тримаємо позиції.")
    assert reader.url == f"{base}{article.get_absolute_url()}"
    reader.screenshot(path=artifacts / "article-phone.png", full_page=True)
