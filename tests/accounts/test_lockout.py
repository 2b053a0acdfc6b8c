"""Wrong passwords lock a user out of one address only, an address that tries many names
is locked out whole, and administrators see and lift the locks."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from shpalta.accounts.models import AuditAction, AuditRecord

from ..conftest import PASSWORD, password_sign_in, sign_in

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
NEWSROOM = "198.51.100.20"


def signed_in(response) -> bool:
    return response.status_code == 302 and "/admin/login/" not in response.url


def test_five_wrong_passwords_lock_the_user_out_of_that_address_only(editor):
    attacker, newsroom = Client(), Client()
    for _ in range(4):
        assert password_sign_in(attacker, "editor", "wrong-password", ATTACKER).status_code == 200
    # The fifth wrong password locks, and says so.
    assert password_sign_in(attacker, "editor", "wrong-password", ATTACKER).status_code == 429
    refused = password_sign_in(attacker, "editor", PASSWORD, ATTACKER)
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Вхід призупинено" in page and "за київським часом" in page

    # The editor, at the newsroom's address, still signs in.
    assert signed_in(password_sign_in(newsroom, "editor", PASSWORD, NEWSROOM))

    assert AuditRecord.objects.filter(action=AuditAction.LOCKED_OUT).count() == 1
    failed = AuditRecord.objects.filter(action=AuditAction.SIGN_IN_FAILED)
    assert failed.count() == 6 and set(failed.values_list("username", flat=True)) == {"editor"}
    assert set(failed.values_list("ip_address", flat=True)) == {ATTACKER}
    assert failed.filter(details__refused="locked").count() == 1


def test_four_wrong_passwords_then_the_right_one_sign_in(editor):
    client = Client()
    for _ in range(4):
        password_sign_in(client, "editor", "wrong-password", ATTACKER)
    assert signed_in(password_sign_in(client, "editor", PASSWORD, ATTACKER))


def test_an_address_trying_many_names_is_locked_out_after_twenty(editor):
    client = Client()
    for number in range(20):
        password_sign_in(client, f"guess{number}", "wrong-password", ATTACKER)
    assert password_sign_in(client, "editor", PASSWORD, ATTACKER).status_code == 429
    assert signed_in(password_sign_in(Client(), "editor", PASSWORD, NEWSROOM))


def test_unknown_names_are_refused_like_known_ones(editor):
    unknown = password_sign_in(Client(), "nobody-here", "wrong-password", ATTACKER)
    known = password_sign_in(Client(), "editor", "wrong-password", NEWSROOM)
    assert unknown.status_code == known.status_code == 200
    assert unknown.context["form"].errors == known.context["form"].errors
    record = AuditRecord.objects.filter(action=AuditAction.SIGN_IN_FAILED, user=None)
    assert set(record.values_list("username", flat=True)) == {"nobody-here", "editor"}


def test_an_administrator_sees_and_lifts_a_lock(client, editor):
    attacker = Client()
    for _ in range(5):
        password_sign_in(attacker, "editor", "wrong-password", ATTACKER)
    assert password_sign_in(attacker, "editor", PASSWORD, ATTACKER).status_code == 429

    # Only administrators see the page.
    sign_in(client, editor)
    assert client.get(reverse("accounts_people")).status_code in (302, 403)

    chief = get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    sign_in(client, chief)
    page = client.get(reverse("accounts_people"))
    assert page.status_code == 200
    html = page.content.decode()
    assert ATTACKER in html and "заблоковано" in html
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get(username="editor", ip_address=ATTACKER)
    assert client.post(reverse("accounts_lift_lock", args=[attempt.pk])).status_code == 302
    assert signed_in(password_sign_in(attacker, "editor", PASSWORD, ATTACKER))
    lifted = AuditRecord.objects.get(action=AuditAction.LOCK_LIFTED)
    assert lifted.user == chief and lifted.subject == "editor"
