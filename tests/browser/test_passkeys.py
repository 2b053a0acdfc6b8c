"""Passkeys in Chromium, with its virtual authenticator (the DevTools WebAuthn domain): an
editor verified by their app adds a passkey, signs out, and the next sign-in's second step
is one touch; a browser without that passkey is refused and stays on the step."""

import re

import pytest
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from shpalta.accounts.models import AuditAction, AuditRecord

from ..conftest import PASSWORD
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_authenticator(page: Page):
    """A platform authenticator that answers at once, with the user verified; returns a
    function listing the passkeys it holds."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    authenticator = devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]
    return lambda: devtools.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})[
        "credentials"
    ]


def password_step(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/snippets/newsroom/article/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/account/two-factor/verify/"))


def test_an_editor_adds_a_passkey_and_signs_in_with_it(
    page: Page, browser, live_server, editor, artifacts
):
    base = live_server.url
    held = with_authenticator(page)
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/account/two-factor/")
    page.get_by_role("button", name="Додати ключ доступу").click()
    expect(page.locator("#passkey-register-status-message")).to_have_text("Ключ доступу додано.")
    assert WebAuthnCredential.objects.get(user=editor).confirmed
    # Bound to the host the admin was reached at: a look-alike domain cannot ask for it.
    assert [passkey["rpId"] for passkey in held()] == ["localhost"]
    page.reload()
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    page.screenshot(path=artifacts / "passkey-added.png", full_page=True)

    page.context.clear_cookies()  # signed out
    password_step(page, base)
    page.screenshot(path=artifacts / "passkey-verify.png")
    with page.expect_navigation():
        page.get_by_role("button", name="Увійти з ключем доступу").click()
    expect(page).to_have_url(f"{base}/admin/snippets/newsroom/article/")
    used = AuditRecord.objects.filter(
        user=editor, action=AuditAction.SECOND_FACTOR, details__kind="passkey"
    )
    assert used.count() == 1
    assert AuditRecord.objects.filter(user=editor, action=AuditAction.PASSKEY_ADDED).exists()

    # Another browser, with an authenticator that holds no passkey of this site: the
    # passkey is refused and the step still takes a code.
    other = browser.new_page()
    with_authenticator(other)
    password_step(other, base)
    other.get_by_role("button", name="Увійти з ключем доступу").click()
    expect(other.locator("#passkey-verification-status-message")).not_to_be_empty()
    expect(other).to_have_url(re.compile(r"/admin/account/two-factor/verify/"))
    expect(other.locator("#id_code")).to_be_visible()
    other.screenshot(path=artifacts / "passkey-refused.png")
    other.close()
