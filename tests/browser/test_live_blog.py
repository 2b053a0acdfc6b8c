"""A reader's page of a live blog in Chromium: a new update arrives without a reload,
behind a "new updates" button (the page does not move by itself); the update's own
address leads to it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from shpalta.newsroom.models import LiveEntry

from ..factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_update_arrives_without_a_reload(
    page: Page, live_server, newsroom, settings, artifacts
):
    settings.LIVE_POLL_SECONDS = 1
    blog = make_article(kind="live", headline="Атака на енергетику: онлайн")
    LiveEntry.objects.create(
        article=blog,
        published_at=timezone.now() - timezone.timedelta(minutes=5),
        headline="Перші вибухи",
        body=[("paragraph", "<p>У місті чути вибухи, працює ППО.</p>")],
        pinned=True,
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}{blog.get_absolute_url()}")
    expect(page.locator(".live-status")).to_contain_text("Наживо")
    page.evaluate("window.shpaltaNoReload = true")
    entry = LiveEntry.objects.create(
        article=blog,
        headline="Світло повертають",
        body=[("paragraph", "<p>Енергетики почали відновлювати живлення.</p>")],
    )
    button = page.locator(".live-new")
    expect(button).to_have_text("1 нове оновлення", timeout=10_000)
    expect(page.locator(f"#entry-{entry.pk}")).to_have_count(0)
    button.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "live-blog-new-update.png")
    button.click()
    expect(page.locator(f"#entry-{entry.pk}")).to_contain_text("Світло повертають")
    expect(button).to_be_hidden()
    assert page.evaluate("window.shpaltaNoReload") is True  # the same page, not reloaded
    page.screenshot(path=artifacts / "live-blog.png", full_page=True)

    page.goto(f"{live_server.url}{blog.get_absolute_url()}#entry-{entry.pk}")
    expect(page.locator(f"#entry-{entry.pk}")).to_be_in_viewport()


def test_a_reporter_writes_an_update_in_the_admin(page: Page, live_server, newsroom, artifacts):
    from ..conftest import _member
    from .test_newsroom_flow import log_in

    _member("reporter", "Reporters")
    blog = make_article(kind="live", headline="Атака на енергетику: онлайн")
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server.url, "reporter")
    page.get_by_role("link", name="Онлайн-трансляції").click()
    page.get_by_role("link", name="Додати оновлення трансляції").first.click()
    page.select_option("#id_article", str(blog.pk))
    page.fill("#id_headline", "Світло повертають")
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Абзац").click()
    text = page.locator("[data-contentpath=body] [contenteditable=true]").first
    expect(text).to_be_visible()
    text.click()
    page.keyboard.type("Енергетики відновили живлення.")
    # Draftail writes what was typed into the form a moment later (its save interval).
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("Енергетики"))
    expect(page.locator("#id_pinned")).to_have_count(0)  # editors alone pin key points
    expect(text).to_have_text("Енергетики відновили живлення.")
    page.screenshot(path=artifacts / "live-blog-admin-update.png", full_page=True)
    page.get_by_role("button", name="Створити").click()
    expect(page.locator(".messages")).to_contain_text("Світло повертають")
    expect(page.locator("table.listing .icon-cross")).to_have_count(1)  # not a key point
    page.screenshot(path=artifacts / "live-blog-admin-saved.png")
    [entry] = LiveEntry.objects.filter(article=blog)
    assert entry.text() == "Енергетики відновили живлення.", entry.body.raw_data
    assert entry.created_by.username == "reporter"
