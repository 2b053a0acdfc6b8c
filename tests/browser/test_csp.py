"""In Chromium, under the real Content-Security-Policy: the reader's pages, their ad code
(a listed host, a hashed inline script) and the newsroom's editor run without a single
violation, and a script the policy does not name is refused."""

import time

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from shpalta.ads.models import AdSlot, Placement

from ..factories import make_article
from ..newsroom.editor_forms import article_url
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AD_SCRIPT = "window.adRan = true;"


def watch(page: Page) -> list[str]:
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    page.route(
        "https://cdn.adnetwork.example/**",
        lambda route: route.fulfill(body="window.adTagRan = true;", content_type="text/javascript"),
    )
    return violations


def test_reader_pages_and_their_ads_run_without_violations(
    page: Page, live_server, newsroom, artifacts
):
    AdSlot.objects.create(
        locale=Locale.objects.get(language_code="en"),
        placement=Placement.AFTER_LEAD,
        code=f'<script src="https://cdn.adnetwork.example/tag.js"></script><script>{AD_SCRIPT}</script>',
        hosts="cdn.adnetwork.example",
    )
    article = make_article(
        edition="en",
        headline="Air defence works through the night",
        body=[("embed", {"url": "https://youtu.be/M7lc1UVf-VE", "caption": ""})],
    )
    violations = watch(page)
    for url in ["/eng/", "/eng/news/", article.get_absolute_url()]:
        page.goto(f"{live_server.url}{url}")
    page.mouse.wheel(0, 600)
    # Polled with a function: wait_for_function's string predicate is run through eval
    # when it polls, which the page's own policy refuses (a flaky EvalError on CI).
    deadline = time.monotonic() + 10
    while not page.evaluate("() => window.adRan === true && window.adTagRan === true"):
        assert time.monotonic() < deadline, "the ad slots' scripts did not run"
        page.wait_for_timeout(50)
    page.get_by_role("button", name="Load from YouTube").click()
    expect(page.locator(".embed-box iframe")).to_be_visible()
    page.screenshot(path=artifacts / "csp-article.png", full_page=True)
    assert violations == []

    # Markup that got into a page some other way runs nothing the policy does not name.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
        " document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected") is None
    assert any("inline script" in violation for violation in violations)


def test_the_newsroom_editor_runs_without_violations(page: Page, live_server, reporter, filing):
    violations = watch(page)
    log_in(page, live_server.url, "reporter")
    page.goto(f"{live_server.url}{article_url('add')}?locale=uk")
    page.fill("#id_headline", "Перевірка політики безпеки")
    page.get_by_role("tab", name="Рубрикація").click()
    page.get_by_role("button", name="Додати автори").click()  # an inline panel's own script
    expect(page.get_by_text("Підтвердити вибір")).to_be_visible()
    page.keyboard.press("Escape")
    page.goto(f"{live_server.url}/admin/images/")
    page.goto(f"{live_server.url}/admin/account/two-factor/")
    assert violations == []
