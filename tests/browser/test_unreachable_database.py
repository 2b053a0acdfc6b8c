"""An editor presses Save while the database is unreachable: nothing is lost. The form is
not sent, it stays as typed with a notice in the editor's language, and it is saved by
itself once the database answers again (shpalta/accounts/unsent.py).

The real server (granian) reaches PostgreSQL through a relay that the test stops, as when
the database's host or its link goes. (On SQLite the database is a file inside the
server's processes: there is no connection to cut.)"""

import contextlib
import re
import time

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from shpalta.newsroom.models import Article

from ..factories import make_article
from ..newsroom.editor_forms import article_url
from ..servers import Relay, database_url, granian
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TYPED = "Заголовок, дописаний, поки база даних не відповідала"


@contextlib.contextmanager
def typing_over_a_relay(page: Page, tmp_path):
    """The editor signed in to granian, which reaches PostgreSQL through a relay, with a
    new headline typed into a published article's form: yields (article, relay, edit
    page's address)."""
    if connection.vendor != "postgresql":
        pytest.skip("only a database over the network can become unreachable")
    article = make_article(headline="Перша версія заголовка")
    relay = Relay(int(connection.settings_dict["PORT"] or 5432))
    with granian(tmp_path, DATABASE_URL=database_url("127.0.0.1", relay.port)) as base:
        log_in(page, base, "editor")
        edit = f"{base}{article_url('edit', article.pk)}"
        page.goto(edit)
        page.wait_for_timeout(2500)  # Wagtail's unsaved-changes check takes the form
        page.fill("#id_headline", TYPED)
        yield article, relay, edit


def test_a_save_while_the_database_is_down_waits_in_the_page(
    page: Page, tmp_path, editor, artifacts
):
    with typing_over_a_relay(page, tmp_path) as (article, relay, edit):
        relay.stop()
        try:
            page.get_by_role("button", name="Зберегти чернетку").click()
            notice = page.locator(".shpalta-unsent")
            expect(notice).to_contain_text("Не збережено: база даних недоступна")
            expect(notice).to_contain_text("Пробуємо знову кожні 5 секунд")
            page.screenshot(path=artifacts / "save-while-database-down.png")
            # Still the form, as typed; nothing reached the database.
            assert page.url == edit
            expect(page.locator("#id_headline")).to_have_value(TYPED)
            page.wait_for_timeout(6000)  # a retry, still refused
            expect(notice).to_be_visible()
            expect(page.locator("#id_headline")).to_have_value(TYPED)
            # (The test's own connection does not go through the relay.)
            assert Article.objects.get(pk=article.pk).latest_revision.content["headline"] != TYPED
        finally:
            relay.start()

        # The database is back: the next try saves the draft, as the button asked.
        expect(page.locator(".messages")).to_contain_text("оновлено", timeout=15_000)
        expect(notice).to_have_count(0)
        page.screenshot(path=artifacts / "saved-after-database-returned.png")
    saved = Article.objects.get(pk=article.pk)
    assert saved.latest_revision.content["headline"] == TYPED
    assert saved.headline == "Перша версія заголовка"  # a draft: the live story unchanged


def test_the_editor_can_stop_the_retries(page: Page, tmp_path, editor):
    with typing_over_a_relay(page, tmp_path) as (article, relay, _):
        relay.stop()
        try:
            page.get_by_role("button", name="Зберегти чернетку").click()
            page.get_by_role("button", name="Більше не пробувати").click()
            expect(page.locator(".shpalta-unsent")).to_contain_text("Більше не пробуємо")
        finally:
            relay.start()
        time.sleep(6)  # past the next try: none comes (Wagtail's autosave may save a draft)
        assert re.search(r"/edit/", page.url)
        expect(page.locator(".shpalta-unsent")).to_contain_text("Більше не пробуємо")
        expect(page.locator(".messages")).not_to_contain_text("оновлено")
        expect(page.locator("#id_headline")).to_have_value(TYPED)
        # Pressing the button again saves.
        page.get_by_role("button", name="Зберегти чернетку").click()
        expect(page.locator(".messages")).to_contain_text("оновлено", timeout=15_000)
    assert Article.objects.get(pk=article.pk).latest_revision.content["headline"] == TYPED
