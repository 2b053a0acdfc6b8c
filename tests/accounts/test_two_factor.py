"""A password alone opens no admin URL: the first sign-in enrols an authenticator app,
every later one asks for its code, and the codes themselves cannot be replayed."""

import os
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from shpalta.accounts.middleware import OPEN_BEFORE_SECOND_FACTOR
from shpalta.accounts.models import AuditAction, AuditRecord
from shpalta.accounts.twofactor import give_authenticator

from ..admin_urls import admin_urls
from ..conftest import PASSWORD, current_code, password_sign_in, sign_in

pytestmark = pytest.mark.django_db

VERIFY = "/admin/account/two-factor/verify/"
SETUP = "/admin/account/two-factor/"


def code_of(device: TOTPDevice, *, steps_ago: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() - steps_ago * device.step
    return f"{totp.token():06d}"


def test_a_password_alone_reaches_no_admin_url(client, editor):
    """Every URL under /admin/ (previews, choosers, JSON endpoints and exports included)
    sends a user who gave only a password to the second step."""
    password_sign_in(client, "editor")
    urls = admin_urls()
    assert len(urls) > 200, "the resolver walk found too few admin URLs"
    reached = []
    for url in urls:
        if url.name in OPEN_BEFORE_SECOND_FACTOR:
            continue
        path = url.path()
        response = client.get(path)
        if response.status_code == 404:
            continue  # an id that names nothing: Django answered before any view ran
        if not (response.status_code == 302 and response.url.startswith(VERIFY)):
            reached.append((path, response.status_code))
    assert reached == []
    # With no authenticator yet, the second step is its enrolment.
    assert client.get(VERIFY).url.startswith(f"{SETUP}?next=")


def test_first_sign_in_enrols_an_authenticator_and_shows_recovery_codes(client, editor):
    password_sign_in(client, "editor")
    key_before = client.session.session_key
    page = client.get("/admin/snippets/newsroom/article/", follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == f"{SETUP}?next=/admin/snippets/newsroom/article/"
    html = page.content.decode()
    assert "<svg" in html and "Налаштуйте двоетапний вхід" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    # The key shown for typing by hand is the device's, in groups of four.
    assert re.search(r"<code>([A-Z2-7]{4} ?)+</code>", html)

    wrong = client.post(SETUP, {"code": "000000", "next": "/admin/snippets/newsroom/article/"})
    assert wrong.status_code == 200
    assert "Код неправильний" in wrong.content.decode()
    assert 'value="000000"' in wrong.content.decode()  # what was typed stays
    time.sleep(1.1)  # the pause a wrong code earns (OTP_TOTP_THROTTLE_FACTOR)

    done = client.post(
        SETUP, {"code": code_of(device), "next": "/admin/snippets/newsroom/article/"}
    )
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.session.session_key != key_before  # a new session key once verified
    assert client.get("/admin/snippets/newsroom/article/").status_code == 200
    actions = set(AuditRecord.objects.filter(user=editor).values_list("action", flat=True))
    assert {AuditAction.SIGN_IN, AuditAction.DEVICE_ENROLLED} <= actions


def test_later_sign_ins_ask_for_the_code(client, editor):
    code = current_code(editor)
    password_sign_in(client, "editor")
    key_after_password = client.session.session_key
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert "Підтвердьте" in client.get(response.url).content.decode()
    done = client.post(VERIFY, {"code": code, "next": "/admin/snippets/newsroom/article/"})
    assert done.status_code == 302 and done.url == "/admin/snippets/newsroom/article/"
    assert client.session.session_key != key_after_password
    assert client.get("/admin/").status_code == 200
    record = AuditRecord.objects.filter(action=AuditAction.SECOND_FACTOR).get()
    assert record.user == editor and record.ip_address == "127.0.0.1"


def test_wrong_expired_and_replayed_codes_are_refused(client, editor):
    device = TOTPDevice.objects.get(pk=TOTPDevice.objects.create(user=editor, confirmed=True).pk)
    password_sign_in(client, "editor")

    for code in ["123456", code_of(device, steps_ago=3), "not a code", ""]:
        response = client.post(VERIFY, {"code": code})
        assert response.status_code == 200, code
        assert client.get("/admin/").status_code == 302
        device.refresh_from_db()
        device.throttling_failure_timestamp = None  # past the pause the wrong code earned
        device.throttling_failure_count = 0
        device.save()

    code = code_of(device)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200

    # The same code again, in another session within its 30 seconds: refused.
    client.post(reverse("wagtailadmin_logout"))
    password_sign_in(client, "editor")
    replay = client.post(VERIFY, {"code": code})
    assert replay.status_code == 200 and "вже використаний" in replay.content.decode()
    # Three wrong codes and the replay; the empty form never reached a device.
    assert AuditRecord.objects.filter(action=AuditAction.SECOND_FACTOR_FAILED).count() == 4


def test_wrong_codes_slow_the_next_tries(client, editor):
    device = TOTPDevice.objects.create(user=editor, confirmed=True)
    password_sign_in(client, "editor")
    client.post(VERIFY, {"code": "111111"})
    client.post(VERIFY, {"code": "222222"})
    # Even the right code waits out the pause the wrong ones earned.
    throttled = client.post(VERIFY, {"code": code_of(device)})
    assert throttled.status_code == 200
    assert "Забагато неправильних кодів" in throttled.content.decode()


def test_a_recovery_code_signs_in_once(client, editor):
    sign_in(client, editor)
    page = client.post(reverse("accounts_recovery_codes"))
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.content.decode())
    assert len(codes) == 10
    client.post(reverse("wagtailadmin_logout"))

    password_sign_in(client, "editor")
    typed = f"{codes[0][:4].upper()} {codes[0][4:].upper()}"  # as read off paper
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 302
    assert StaticToken.objects.filter(device__user=editor).count() == 9
    client.post(reverse("wagtailadmin_logout"))

    password_sign_in(client, "editor")
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200
    assert client.get("/admin/").status_code == 302
    assert AuditRecord.objects.filter(action=AuditAction.RECOVERY_CODE_USED).count() == 1


@pytest.mark.parametrize(
    "target", ["https://evil.example/admin/", "//evil.example/", "/news/", "javascript:alert(1)"]
)
def test_a_next_address_off_the_admin_goes_to_the_admin_home(client, editor, target):
    code = current_code(editor)
    password_sign_in(client, "editor")
    response = client.post(VERIFY, {"code": code, "next": target})
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_missing_csrf_token_is_refused(editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    code = current_code(editor)
    login_page = strict.get("/admin/login/")
    token = login_page.cookies["csrftoken"].value
    assert login_page.cookies["csrftoken"]["httponly"]
    strict.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert strict.post(VERIFY, {"code": code}).status_code == 403
    assert strict.get("/admin/").status_code == 302


def test_an_administrator_resets_a_lost_phone(client, editor, django_user_model):
    from django.test import Client

    chief = django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    passkey(editor)
    editors_browser = Client()
    sign_in(editors_browser, editor)
    assert editors_browser.get("/admin/").status_code == 200

    # Another editor may not do it.
    other = Client()
    sign_in(other, get_user_model().objects.create_user("other", password=PASSWORD))
    assert other.post(reverse("accounts_reset", args=[editor.pk])).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=editor).exists()

    sign_in(client, chief)
    assert "editor" in client.get(reverse("accounts_people")).content.decode()
    response = client.post(reverse("accounts_reset", args=[editor.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not WebAuthnCredential.objects.filter(user=editor).exists()

    # The editor's open session ends at once; the next sign-in enrols a new phone.
    ended = editors_browser.get("/admin/")
    assert ended.status_code == 302 and ended.url.startswith("/admin/login/")
    password_sign_in(editors_browser, "editor")
    assert editors_browser.get("/admin/").url.startswith(SETUP)
    record = AuditRecord.objects.get(action=AuditAction.DEVICES_RESET)
    assert record.user == chief and record.subject == "editor"


def passkey(user) -> WebAuthnCredential:
    """A passkey as the library stores one (tests/browser/test_passkeys.py makes real
    ones in Chromium)."""
    return WebAuthnCredential.objects.create(
        user=user, name=user.get_username(), credential_id=os.urandom(16), public_key=b"key"
    )


def test_people_remove_their_own_passkeys_only(client, editor, reporter):
    mine, theirs = passkey(editor), passkey(reporter)
    sign_in(client, editor)
    page = client.get(SETUP).content.decode()
    assert page.count('action="/admin/account/two-factor/passkeys/') == 1
    client.post(reverse("accounts_passkey_remove", args=[theirs.pk]))
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()
    client.post(reverse("accounts_passkey_remove", args=[mine.pk]))
    assert not WebAuthnCredential.objects.filter(pk=mine.pk).exists()
    assert AuditRecord.objects.filter(user=editor, action=AuditAction.PASSKEY_REMOVED).count() == 1


def test_a_passkey_is_added_by_a_verified_session_only(client, editor):
    """The password alone may answer a passkey challenge (the second step) but never add
    a passkey: that would be a second factor made by whoever holds the password."""
    give_authenticator(user=editor)
    password_sign_in(client, "editor")
    begin = client.post(reverse("otp_webauthn:credential-registration-begin"))
    assert begin.status_code == 302 and begin.url.startswith(VERIFY)
    challenge = client.post(reverse("otp_webauthn:credential-authentication-begin"))
    assert challenge.status_code == 200 and challenge.json()["rpId"] == "testserver"
    # A forged answer is refused in the admin's language, and recorded.
    refused = client.post(
        reverse("otp_webauthn:credential-authentication-complete"),
        '{"id": "AAAA", "rawId": "AAAA", "type": "public-key", "response": {}}',
        content_type="application/json",
    )
    assert refused.status_code >= 400
    assert re.search("[іїєґ]", refused.json()["detail"]), refused.json()  # Ukrainian
    assert not client.session.get("otp_device_id")
    assert AuditRecord.objects.filter(
        action=AuditAction.SECOND_FACTOR_FAILED, details__kind="passkey"
    ).exists()


def test_switching_enforcement_off_is_explicit_and_check_deploy_warns(
    client, editor, settings, capsys
):
    settings.ADMIN_2FA_REQUIRED = False
    password_sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match=r"shpalta\.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")
