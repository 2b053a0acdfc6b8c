"""Admin sessions: ended on the server at sign-out, after 12 hours, after 2 hours idle, and
when the password changes or an administrator ends them."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from shpalta.accounts.models import AuditAction, AuditRecord
from shpalta.accounts.sessions import SEEN_AT, SIGNED_IN_AT
from shpalta.newsroom.models import Article

from ..conftest import PASSWORD, current_code, password_sign_in, sign_in

pytestmark = pytest.mark.django_db


def _age(client, **seconds_ago):
    session = SessionStore(client.cookies["sessionid"].value)
    for key, ago in seconds_ago.items():
        session[{"signed_in": SIGNED_IN_AT, "seen": SEEN_AT}[key]] = time.time() - ago
    session.save()


def test_sign_out_ends_the_session_on_the_server(client, editor):
    sign_in(client, editor)
    stolen = client.cookies["sessionid"].value
    client.post(reverse("wagtailadmin_logout"))
    thief = Client()
    thief.cookies["sessionid"] = stolen
    response = thief.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")


def test_a_session_idle_for_two_hours_ends(client, editor):
    sign_in(client, editor)
    _age(client, seen=2 * 3600 + 60)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[0][0].startswith("/admin/login/")
    assert "двох годин бездіяльності" in response.content.decode()
    assert AuditRecord.objects.get(action=AuditAction.SIGN_OUT).details == {"reason": "idle"}


def test_a_session_ends_after_twelve_hours_however_busy(client, editor):
    sign_in(client, editor)
    _age(client, signed_in=12 * 3600 + 60, seen=10)
    response = client.get("/admin/snippets/newsroom/article/")
    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/snippets/newsroom/article/"


def test_a_busy_session_within_its_hours_goes_on(client, editor):
    sign_in(client, editor)
    _age(client, signed_in=11 * 3600, seen=3600)
    assert client.get("/admin/").status_code == 200


def _account_form(client) -> dict:
    """The account page's form as the browser would post it."""
    page = lxml_html.fromstring(client.get(reverse("wagtailadmin_account")).content)
    form = page.xpath("//form[.//input[@name='password-old_password']]")[0]
    data = {}
    for field in form.xpath(".//input[@name] | .//select[@name] | .//textarea[@name]"):
        if field.get("type") in ("checkbox", "radio") and field.get("checked") is None:
            continue
        if field.tag == "select":
            chosen = field.xpath("./option[@selected]/@value") or field.xpath("./option/@value")
            data[field.get("name")] = chosen[0] if chosen else ""
        else:
            data[field.get("name")] = field.get("value") or field.text or ""
    return data


def test_changing_the_password_ends_the_other_sessions(client, editor):
    other_device = Client()
    sign_in(other_device, editor)
    sign_in(client, editor)

    data = _account_form(client)
    data.update(
        {
            "name_email-first_name": "Олена",
            "name_email-last_name": "Коваль",
            "password-old_password": PASSWORD,
            "password-new_password1": "short-pass1",
            "password-new_password2": "short-pass1",
        }
    )
    refused = client.post(reverse("wagtailadmin_account"), data)
    assert refused.status_code == 200
    assert "щонайменше з 12 символів" in refused.content.decode()

    data["password-new_password1"] = data["password-new_password2"] = "seven-long-words-here"
    assert client.post(reverse("wagtailadmin_account"), data).status_code == 302
    assert client.get("/admin/").status_code == 200  # this session goes on
    assert other_device.get("/admin/").url.startswith("/admin/login/")
    assert AuditRecord.objects.filter(action=AuditAction.PASSWORD_CHANGED).count() == 1


def test_session_cookie_flags(client, editor):
    response = password_sign_in(client, "editor")
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_save_posted_after_the_session_ended_is_kept_and_saved_as_a_draft(client, editor, filing):
    """Publish pressed two hours after the last request: the editor is sent to sign in,
    and once back (password and code) what they posted is saved, as a draft."""
    from ..factories import make_article
    from ..newsroom.editor_forms import article_form, article_url
    from .test_two_factor import VERIFY

    article = make_article(headline="Перша версія", **{"section": filing["section"]})
    edit = article_url("edit", article.pk)
    sign_in(client, editor)
    _age(client, seen=2 * 3600 + 60)
    typed = {**article_form(**filing, headline="Друга версія, дописана"), "action-publish": "1"}

    response = client.post(edit, typed, follow=True)
    assert response.redirect_chain[0][0] == f"/admin/login/?next={edit}"
    assert "Те, що ви зберігали, збережено" in response.content.decode()
    assert Article.objects.get(pk=article.pk).latest_revision.content["headline"] == (
        "Перша версія"
    )

    password_sign_in(client, "editor")
    back = client.post(VERIFY, {"code": current_code(editor), "next": edit})
    assert back.status_code == 302 and back.url == edit
    page = client.get(edit, follow=True)
    assert "збережено як чернетку, не опубліковано" in page.content.decode()
    saved = Article.objects.get(pk=article.pk)
    assert saved.headline == "Перша версія"  # the published version, untouched
    assert saved.latest_revision.content["headline"] == "Друга версія, дописана"
    assert saved.has_unpublished_changes
    # Kept once: the next visit is an ordinary one.
    assert client.get(edit).status_code == 200
    assert saved.revisions.count() == Article.objects.get(pk=article.pk).revisions.count()


def test_what_was_posted_is_kept_for_the_same_person_only(client, editor, reporter, filing):
    from ..factories import make_article
    from ..newsroom.editor_forms import article_form, article_url
    from .test_two_factor import VERIFY

    article = make_article(headline="Перша версія", **{"section": filing["section"]})
    edit = article_url("edit", article.pk)
    sign_in(client, editor)
    _age(client, seen=2 * 3600 + 60)
    client.post(edit, article_form(**filing, headline="Чужий текст"))
    # Someone else signs in in that browser: nothing of the editor's is saved for them.
    password_sign_in(client, "reporter")
    client.post(VERIFY, {"code": current_code(reporter), "next": edit})
    assert client.get(edit).status_code == 200
    assert Article.objects.get(pk=article.pk).latest_revision.content["headline"] == (
        "Перша версія"
    )


def test_a_deletion_posted_after_the_session_ended_is_not_kept(client, editor, filing):
    from ..factories import make_article
    from ..newsroom.editor_forms import article_url
    from .test_two_factor import VERIFY

    article = make_article(headline="Перша версія", **{"section": filing["section"]})
    delete = article_url("delete", article.pk)
    sign_in(client, editor)
    _age(client, seen=2 * 3600 + 60)
    client.post(delete)
    password_sign_in(client, "editor")
    client.post(VERIFY, {"code": current_code(editor), "next": delete})
    assert client.get(delete).status_code == 200  # the confirmation page, asked again
    assert Article.objects.filter(pk=article.pk).exists()
