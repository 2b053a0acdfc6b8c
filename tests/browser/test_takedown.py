"""The duty editor's panic screen in Chromium: choose, look at what goes, confirm with a
reason, see the record; a reader finds the story gone."""

import pytest
from playwright.sync_api import Page, expect

from shpalta.newsroom.models import Article

from ..conftest import _member
from ..factories import make_article
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_duty_editor_takes_down_and_puts_back(
    page: Page, browser, live_server, newsroom, artifacts
):
    base = live_server.url
    _member("duty", "Duty editors")
    wrong = [make_article(headline=f"Фейкова новина {n}") for n in range(3)]
    right = make_article(headline="Справжня новина")
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "duty")
    page.get_by_role("link", name="Зняти з публікації").first.click()
    page.fill("#id_addresses", "\n".join(a.get_absolute_url() for a in wrong))
    page.fill("#id_reason", "Злам облікового запису")
    page.get_by_role("button", name="Показати, що буде знято").click()
    expect(page.locator("#takedown-preview")).to_contain_text("3")
    page.locator("#takedown-preview").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "takedown-preview.png")
    page.get_by_role("button", name="Зняти зараз").click()
    expect(page.locator(".messages")).to_contain_text("Знято статей: 3")
    page.get_by_role("button", name="Повернути").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "takedown-done.png")
    assert not Article.objects.filter(pk__in=[a.pk for a in wrong], live=True).exists()
    assert Article.objects.get(pk=right.pk).live

    reader = browser.new_page()
    response = reader.goto(f"{base}{wrong[0].get_absolute_url()}")
    assert response.status == 404
    expect(reader.locator("h1")).to_be_visible()

    page.get_by_role("button", name="Повернути").click()
    expect(page.locator(".messages")).to_contain_text("Знову опубліковано статей: 3")
    assert reader.goto(f"{base}{wrong[0].get_absolute_url()}").status == 200
