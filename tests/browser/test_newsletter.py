"""The newsletter as a reader meets it in Chromium: the form in the footer, a mistake
shown in the edition's language with the address kept, the confirmation e-mail's link
(a real SMTP server on loopback), and the one-click unsubscribe page."""

import re

import pytest
from playwright.sync_api import Page, expect

from shpalta.channels import newsletters
from shpalta.channels.models import Subscriber

from ..factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_subscribes_from_the_footer_and_confirms(
    page: Page, live_server, newsroom, smtp, settings, artifacts
):
    settings.SITE_URL = live_server.url
    make_article(headline="Новина дня")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/")
    footer = page.locator(".footer-newsletter")
    footer.get_by_label("Ваша адреса e-mail").fill("reader@example")
    footer.get_by_role("button", name="Підписатися").click()
    # The browser's own check, then ours: an address the browser lets through but
    # Django refuses comes back in Ukrainian with what was typed.
    if page.url.rstrip("/") == live_server.url:
        page.evaluate("document.querySelector('#footer-newsletter-email').type = 'text'")
        footer.get_by_label("Ваша адреса e-mail").fill("reader@@example")
        footer.get_by_role("button", name="Підписатися").click()
    form = page.locator("main .newsletter-form")
    expect(form.locator(".form-errors")).to_contain_text("Введіть")
    expect(form.get_by_label("Ваша адреса e-mail")).to_have_value(re.compile("reader@"))
    page.screenshot(path=artifacts / "newsletter-error.png", full_page=True)

    form.get_by_label("Ваша адреса e-mail").fill("reader@example.org")
    form.get_by_label("Термінові новини").uncheck()
    form.get_by_role("button", name="Підписатися").click()
    expect(page.locator("h1")).to_have_text("Перевірте пошту")
    page.screenshot(path=artifacts / "newsletter-check-inbox.png")

    newsletters.send_pending()
    [message] = smtp.to("reader@example.org")
    link = re.search(r"http://\S+/newsletter/confirm/\S+/", message.get_content()).group(0)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Ви підписалися")
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at and subscriber.digest and not subscriber.breaking

    page.goto(newsletters.unsubscribe_url(subscriber))
    expect(page.locator("main")).to_contain_text("reader@example.org")
    page.screenshot(path=artifacts / "newsletter-unsubscribe.png")
    page.get_by_role("button", name="Відписатися").click()
    expect(page.locator("h1")).to_have_text("Ви відписалися")
    assert not Subscriber.objects.exists()
