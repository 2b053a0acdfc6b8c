"""A session that ends while an editor writes: what was typed before it ended is there
when they sign in again (Wagtail's autosave keeps it as the article's latest draft), and
so is what was typed after it, once they press Save or Publish (shpalta/accounts/unsent.py
keeps the post and saves it as a draft after the sign-in)."""

import re
import time

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import Page, expect

from shpalta.accounts.sessions import SIGNED_IN_AT
from shpalta.newsroom.models import Article

from ..conftest import PASSWORD, current_code
from ..factories import make_article
from ..newsroom.editor_forms import article_url
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TYPED = "Заголовок, який редактор дописав перед кінцем сеансу"


def end_every_session_by_the_clock() -> None:
    """As if twelve hours had passed since each sign-in."""
    for row in Session.objects.all():
        data = row.get_decoded()
        if SIGNED_IN_AT in data:
            data[SIGNED_IN_AT] = time.time() - 13 * 3600
            row.session_data = Session.objects.encode(data)
            row.save()


def sign_in_again(page: Page, editor) -> None:
    """Password and code on the sign-in page the ended session was sent to. The code used
    at the first sign-in is refused within its 30 s, so this waits for the next one."""
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/account/two-factor/verify/"))
    time.sleep(30 - time.time() % 30 + 0.5)
    page.fill("#id_code", current_code(editor))
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_what_was_typed_before_the_session_ended_is_there_after_signing_in_again(
    page: Page, live_server, editor, artifacts
):
    article = make_article(headline="Перша версія заголовка")
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}{article_url('edit', article.pk)}")
    # Wagtail's unsaved-changes check takes the form as loaded after 2 s; from then on
    # every change is autosaved as a draft revision within a second.
    page.wait_for_timeout(2500)
    headline = page.locator("#id_headline")
    headline.fill("")
    headline.press_sequentially(TYPED)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        latest = Article.objects.get(pk=article.pk).latest_revision
        if latest and latest.content["headline"] == TYPED:
            break
        page.wait_for_timeout(250)
    else:
        pytest.fail("autosave kept nothing")

    end_every_session_by_the_clock()
    page.goto(f"{live_server.url}{article_url('edit', article.pk)}")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.locator(".messages")).to_contain_text("Ваш сеанс завершився")
    page.screenshot(path=artifacts / "session-ended.png")

    # Signing in again from that page brings the editor back to the article.
    sign_in_again(page, editor)
    page.wait_for_url(re.compile(re.escape(article_url("edit", article.pk)) + "$"))
    expect(page.locator("#id_headline")).to_have_value(TYPED)
    assert Article.objects.get(pk=article.pk).live  # the published version is untouched


def test_a_save_pressed_after_the_session_ended_keeps_what_was_typed_after_it(
    page: Page, live_server, editor, artifacts
):
    """Typed after the session ended (autosave finds it ended and pauses), then Publish:
    sign in again, and what was typed is there, saved as a draft and not published."""
    article = make_article(headline="Перша версія заголовка")
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}{article_url('edit', article.pk)}")
    page.wait_for_timeout(2500)
    end_every_session_by_the_clock()
    headline = page.locator("#id_headline")
    headline.fill("")
    headline.press_sequentially(TYPED)
    page.wait_for_timeout(1500)  # autosave tries, finds the session ended
    page.locator("footer .w-dropdown__toggle").click()  # Publish is in the save menu
    with page.expect_navigation():
        page.get_by_role("button", name="Опублікувати").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.locator(".messages")).to_contain_text("Те, що ви зберігали, збережено")
    page.screenshot(path=artifacts / "session-ended-save-kept.png")

    sign_in_again(page, editor)
    expect(page.locator(".messages")).to_contain_text("збережено як чернетку")
    expect(page.locator("#id_headline")).to_have_value(TYPED)
    page.screenshot(path=artifacts / "session-ended-saved-as-draft.png")
    saved = Article.objects.get(pk=article.pk)
    assert saved.headline == "Перша версія заголовка"  # not published
    assert saved.latest_revision.content["headline"] == TYPED
