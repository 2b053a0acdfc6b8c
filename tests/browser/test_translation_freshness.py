"""A translator sees in Chromium that the source of a translation changed, compares, and
clears the mark by publishing it "brought up to date"."""

import re

import pytest
from playwright.sync_api import Page, expect

from shpalta.editions.registry import get_edition
from shpalta.newsroom.models import Article
from shpalta.newsroom.services import article_translate

from ..factories import make_article, make_author
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_translator_sees_the_source_changed_and_brings_it_up_to_date(
    page: Page, live_server, editor, artifacts
):
    base = live_server.url
    source = make_article(headline="Рада ухвалила бюджет", authors=[make_author()])
    english = article_translate(article=source, edition=get_edition("en"))
    english.headline, english.lead = "Parliament passes the budget", "<p>MPs voted.</p>"
    english.save_revision().publish()
    source.headline = "Рада ухвалила бюджет на 2027 рік"
    source.save_revision().publish()  # a substantive edit: "Updated" moves
    assert Article.objects.get(pk=english.pk).behind_source

    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/snippets/newsroom/article/?behind_source=true")
    row = page.get_by_role("row").filter(has_text="Parliament passes the budget")
    expect(row).to_contain_text("Джерело змінилося")
    expect(page.get_by_role("row").filter(has_text="Рада ухвалила")).to_have_count(0)
    row.get_by_role("link", name="Parliament passes the budget").click()
    warning = page.locator(".messages")
    expect(warning).to_contain_text("Джерело змінилося")
    compare = warning.get_by_role("link", name="Що змінилося в джерелі")
    expect(compare).to_have_attribute("href", re.compile(r"/revisions/compare/\d+\.\.\.\d+/"))
    page.screenshot(path=artifacts / "translation-source-changed.png")

    page.fill("#id_headline", "Parliament passes the 2027 budget")
    page.locator("#id_brought_up_to_date").check()
    page.get_by_role("button", name="Більше дій").click()
    with page.expect_navigation():  # after the admin's check that the database answers
        page.get_by_role("button", name="Опублікувати").click()
    expect(page.locator(".messages")).to_contain_text("Parliament passes the 2027 budget")
    assert not Article.objects.get(pk=english.pk).behind_source
