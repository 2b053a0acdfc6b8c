"""The Telegram outbox as the editor sees it in Chromium: the state of a story's post on
its edit page, the cancel during the undo window, the report of every post."""

import pytest
from playwright.sync_api import Page, expect

from shpalta.channels import telegram
from shpalta.channels.models import TelegramPost

from ..conftest import _member
from ..factories import make_article
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_sees_and_cancels_a_waiting_post(
    page: Page, live_server, newsroom, bot, settings, artifacts
):
    base = live_server.url
    _member("editor", "Editors")
    settings.PUBLISH_UNDO_SECONDS = 600
    waiting = make_article(headline="Новина, яку скасують")
    settings.PUBLISH_UNDO_SECONDS = 0
    sent = make_article(headline="Новина, що вийшла в канал", is_urgent=True)
    telegram.send_pending()
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "editor")

    page.goto(f"{base}/admin/snippets/newsroom/article/edit/{waiting.pk}/")
    notice = page.locator(".messages").filter(has_text="@shpalta_uk")
    expect(notice).to_contain_text("очікує")
    expect(notice).to_contain_text("Вийде о")
    page.screenshot(path=artifacts / "telegram-waiting.png")
    notice.get_by_role("link", name="Скасувати").click()
    expect(page.locator("h1")).to_contain_text("Скасувати допис у Telegram")
    page.get_by_role("button", name="Не надсилати").click()
    expect(page.locator(".messages")).to_contain_text("у Telegram це не вийде")
    assert page.url.endswith(f"/article/edit/{waiting.pk}/")
    assert TelegramPost.objects.get(article=waiting).state == TelegramPost.State.CANCELLED

    page.get_by_role("button", name="Звіти").click()
    page.get_by_role("link", name="Telegram").click()
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text=sent.headline)).to_contain_text("Надіслано")
    expect(rows.filter(has_text=waiting.headline)).to_contain_text("Скасував(ла) editor")
    page.screenshot(path=artifacts / "telegram-report.png", full_page=True)
    [message] = bot.messages("@shpalta_uk")
    assert "Терміново" in message["text"]
