"""A reader's page of a live blog in Chromium: a new update arrives without a reload,
behind a "new updates" button (the page does not move by itself); the update's own
address leads to it."""

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
