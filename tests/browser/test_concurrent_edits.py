"""Two editors open one draft in Chromium; the first saves; the second's save from the
older form is refused with what they typed kept and the first one's change named. An
editor's own autosaves are no such conflict."""

import re
import time

import pytest
from playwright.sync_api import Browser, expect

from shpalta.newsroom.models import Article

from ..conftest import _member
from ..factories import make_article, make_author, make_tag
from ..newsroom.editor_forms import article_url
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROUNDS = 20  # as the raw-post test (tests/newsroom/test_concurrent_edits.py)


def _editor_page(browser: Browser, base: str, username: str):
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    log_in(page, base, username)
    return page


def test_second_editor_is_stopped_before_overwriting_the_first(
    browser: Browser, live_server, newsroom, artifacts
):
    base = live_server.url
    _member("olena", "Editors")
    _member("taras", "Editors")
    article = make_article(
        headline="Початкова назва", authors=[make_author()], tags=[make_tag("nato")], publish=False
    )
    olena, taras = _editor_page(browser, base, "olena"), _editor_page(browser, base, "taras")
    edit = f"{base}/admin/snippets/newsroom/article/edit/{article.pk}/"
    for round in range(ROUNDS):
        olena.goto(edit)
        taras.goto(edit)
        lead = olena.locator("[data-contentpath=lead] [contenteditable=true]")
        lead.click()
        olena.keyboard.press("End")
        olena.keyboard.type(f" Доповнення {round}.")
        expect(olena.locator("input[name=lead]")).to_have_value(re.compile(f"Доповнення {round}"))
        olena.get_by_role("button", name="Зберегти чернетку").click()
        expect(olena.locator(".messages")).to_contain_text("оновлено")

        taras.fill("#id_headline", f"Назва Тараса {round}")
        taras.get_by_role("button", name="Зберегти чернетку").click()
        message = taras.locator(".messages")
        expect(message).to_contain_text("Не збережено")
        expect(message).to_contain_text("olena")
        expect(taras.locator("#id_headline")).to_have_value(f"Назва Тараса {round}")
        compare = message.get_by_role("link", name="Порівняти з версією, яку ви відкрили")
        expect(compare).to_have_attribute("href", re.compile(r"/revisions/compare/\d+\.\.\.\d+/"))
        # Give the form's autosave its chance to try (Wagtail refuses it: the form still
        # holds the version Taras opened).
        taras.wait_for_timeout(1000)
        if round == 0:
            taras.evaluate("() => window.scrollTo(0, 0)")
            taras.screenshot(path=artifacts / "editor-overwrite-refused.png")
        latest = Article.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert f"Доповнення {round}." in latest.lead  # the first editor's work is there
        assert latest.headline != f"Назва Тараса {round}"

        # Saved again, knowingly, from the refused form.
        taras.get_by_role("button", name="Зберегти чернетку").click()
        expect(taras.locator(".messages")).to_contain_text("оновлено")
        latest = Article.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert latest.headline == f"Назва Тараса {round}"


def test_saving_after_wagtails_autosave_is_no_conflict(browser: Browser, live_server, newsroom):
    """Autosave leaves the form's loaded revision as it was opened: the editor's own Save
    after it was once refused as if a colleague had saved in between."""
    _member("olena", "Editors")
    article = make_article(headline="Перша версія заголовка", publish=False)
    page = _editor_page(browser, live_server.url, "olena")
    page.goto(f"{live_server.url}{article_url('edit', article.pk)}")
    page.wait_for_timeout(2500)  # Wagtail's unsaved-changes check takes the form
    page.fill("#id_headline", "Друга версія, збережена автозаписом")
    deadline = time.monotonic() + 10
    while Article.objects.get(pk=article.pk).revisions.count() < 2:
        assert time.monotonic() < deadline, "autosave saved nothing"
        page.wait_for_timeout(250)
    page.fill("#id_headline", "Третя версія, збережена кнопкою")
    page.get_by_role("button", name="Зберегти чернетку").click()
    expect(page.locator(".messages")).to_contain_text("оновлено")
    latest = Article.objects.get(pk=article.pk).latest_revision
    assert latest.content["headline"] == "Третя версія, збережена кнопкою"
