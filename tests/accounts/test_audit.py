"""Who did what, when, from where and with which browser: sign-ins, roles, publishing and
ad code, readable and exportable by administrators and by nobody else, and never edited."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shpalta.accounts.models import AuditAction, AuditRecord
from shpalta.newsroom.models import Article

from ..conftest import PASSWORD, _member, password_sign_in, sign_in
from ..newsroom.editor_forms import article_url
from ..newsroom.test_editor_flows import _create

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Newsroom laptop)"
OFFICE = "198.51.100.20"


@pytest.fixture
def laptop():
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=OFFICE)


@pytest.fixture
def chief(newsroom):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)


def test_publishing_scheduling_unpublishing_and_deleting_are_recorded(laptop, editor, filing):
    sign_in(laptop, editor)
    _create(laptop, filing, action="publish", headline="Перша новина")
    article = Article.objects.get()
    laptop.post(article_url("unpublish", article.pk))
    go_live_at = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    _create(laptop, filing, action="publish", headline="Друга новина", go_live_at=go_live_at)
    laptop.post(article_url("delete", article.pk))

    records = {
        record.action: record for record in AuditRecord.objects.filter(user=editor).order_by("pk")
    }
    assert {
        AuditAction.PUBLISHED,
        AuditAction.UNPUBLISHED,
        AuditAction.SCHEDULED,
        AuditAction.DELETED,
    } <= set(records)
    published = records[AuditAction.PUBLISHED]
    assert published.subject == "Перша новина"
    assert published.ip_address == OFFICE and published.user_agent == BROWSER
    assert published.details["type"] == "newsroom.Article"
    assert records[AuditAction.SCHEDULED].subject == "Друга новина"


def test_sign_in_and_sign_out_are_recorded(laptop, editor):
    password_sign_in(laptop, "editor", address=OFFICE)
    laptop.post(reverse("wagtailadmin_logout"))
    actions = list(AuditRecord.objects.filter(user=editor).values_list("action", flat=True))
    assert actions == [AuditAction.SIGN_OUT, AuditAction.SIGN_IN]  # newest first
    assert set(AuditRecord.objects.filter(user=editor).values_list("ip_address", flat=True)) == {
        OFFICE
    }


def test_users_roles_and_passwords_changed_by_an_administrator_are_recorded(laptop, chief):
    sign_in(laptop, chief)
    user = get_user_model().objects.create_user("newcomer", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Reporters"))
    user.groups.add(Group.objects.get(name="Editors"))
    user.groups.remove(Group.objects.get(name="Reporters"))
    user.set_password("another-long-password-7")
    user.save()
    user.is_active = False
    user.save()

    rows = list(AuditRecord.objects.order_by("pk").values_list("action", "subject", "details"))
    actions = [(action, subject) for action, subject, _details in rows]
    assert (AuditAction.USER_CREATED, "newcomer") in actions
    assert (AuditAction.PASSWORD_CHANGED, "newcomer") in actions
    assert (AuditAction.USER_DEACTIVATED, "newcomer") in actions
    roles = [details for action, _subject, details in rows if action == AuditAction.ROLES_CHANGED]
    assert roles[-1] == {"removed": ["Reporters"], "roles": ["Editors"]}


def test_ad_code_changes_are_recorded(laptop, newsroom):
    manager = _member("ads", "Ad managers")
    sign_in(laptop, manager)
    response = laptop.post(
        reverse("wagtailsnippets_ads_adslot:add") + "?locale=uk",
        {
            "placement": "sidebar",
            "enabled": "on",
            "code": "<script src='https://ads.example/x.js'></script>",
            "hosts": "ads.example",
            "every": "10",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    record = AuditRecord.objects.get(action=AuditAction.AD_CODE_CHANGED)
    assert record.user == manager and record.ip_address == OFFICE


def test_only_administrators_read_the_trail_and_export_it(laptop, editor, chief):
    sign_in(laptop, editor)
    assert laptop.get(reverse("accounts_audit")).status_code in (302, 403)

    Client(REMOTE_ADDR="203.0.113.7").post(
        "/admin/login/", {"username": "editor", "password": "a-wrong-one"}
    )
    sign_in(laptop, chief)
    page = laptop.get(reverse("accounts_audit"))
    assert page.status_code == 200
    assert "203.0.113.7" in page.content.decode()

    filtered = laptop.get(reverse("accounts_audit") + "?action=sign_in_failed")
    assert "203.0.113.7" in filtered.content.decode()
    assert laptop.get(reverse("accounts_audit") + "?action=published").status_code == 200

    exported = laptop.get(reverse("accounts_audit") + "?export=csv")
    assert exported.status_code == 200
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    failed = [row for row in rows if row["Адреса"] == "203.0.113.7"]
    assert failed and failed[0]["Дія"] == "Невдалий вхід" and failed[0]["Користувач"] == "editor"


def test_records_cannot_be_changed_or_deleted(editor):
    record = AuditRecord.objects.create(action=AuditAction.SIGN_IN, user=editor)
    record.subject = "rewritten"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        AuditRecord.objects.update(subject="rewritten")
    assert AuditRecord.objects.get(pk=record.pk).subject == ""
