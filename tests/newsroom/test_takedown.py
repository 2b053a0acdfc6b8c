"""Panic unpublish through the real admin: the duty editor chooses articles (addresses,
an account since a time, everything since a time), sees what that takes down, confirms
with a reason; the set is gone from every page and can be put back; an account can be
frozen. Bad choices are refused with what was typed kept."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from shpalta.accounts.models import AuditAction, AuditRecord
from shpalta.newsroom.models import Article, Takedown

from ..conftest import _member, sign_in
from ..factories import make_article

pytestmark = pytest.mark.django_db

SCREEN = "/admin/takedown/"


@pytest.fixture
def duty(newsroom):
    user = _member("duty", "Duty editors")
    client = Client()
    sign_in(client, user)
    return client


def _choose(client, *, confirm: list[int] | None = None, **fields):
    data = {"addresses": "", "account": "", "since": "", "edition": "", "reason": "", **fields}
    if confirm is None:
        data["preview"] = "1"
    else:
        data["confirm"] = "1"
        data["article"] = [str(pk) for pk in confirm]
    return client.post(SCREEN, data)


def test_duty_editor_takes_down_chosen_articles_in_every_edition(duty, client):
    uk = make_article(headline="Помилкова новина")
    ru = make_article(edition="ru", headline="Ошибочная новость")
    en = make_article(
        edition="en", headline="A story sent by mistake", story_number=uk.story_number
    )
    kept = make_article(headline="Правильна новина")
    addresses = f"http://testserver{uk.get_absolute_url()}\n{ru.get_absolute_url()}\n"
    addresses += f"{en.story_number}\n"
    preview = _choose(duty, addresses=addresses, reason="Опубліковано помилково")
    assert preview.status_code == 200
    listed = preview.content.decode()
    for article in (uk, ru, en):
        assert f'name="article" value="{article.pk}"' in listed
    assert kept.headline not in listed
    assert Article.objects.filter(live=True).count() == 4  # a preview takes nothing down

    done = _choose(
        duty, addresses=addresses, confirm=[uk.pk, ru.pk, en.pk], reason="Опубліковано помилково"
    )
    assert done.status_code == 302
    record = Takedown.objects.get()
    assert record.reason == "Опубліковано помилково" and record.user.username == "duty"
    assert {entry["pk"] for entry in record.articles} == {uk.pk, ru.pk, en.pk}
    for article in (uk, ru, en):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.headline not in client.get(f"/{article.edition.prefix}rss/").content.decode()
        api = client.get(f"/api/v1/articles/{article.edition.code}/{article.story_number}/")
        assert api.status_code == 404
    assert client.get(kept.get_absolute_url()).status_code == 200
    assert "Помилкова новина" in duty.get(SCREEN).content.decode()  # the record is listed

    # Put back as they were: live again, their "Updated" time not moved.
    updated = {a.pk: a.updated_at for a in Article.objects.filter(pk__in=[uk.pk, ru.pk, en.pk])}
    assert duty.post(reverse("newsroom_takedown_put_back", args=[record.pk])).status_code == 302
    for article in Article.objects.filter(pk__in=[uk.pk, ru.pk, en.pk]):
        assert article.live and article.updated_at == updated[article.pk]
        assert client.get(article.get_absolute_url()).status_code == 200
    record.refresh_from_db()
    assert record.undone_by.username == "duty" and record.undone_at is not None


def test_what_an_account_did_since_a_time(duty, newsroom):
    intruder = _member("stolen", "Editors")
    before = make_article(headline="Давня новина")
    before.save_revision(user=intruder).publish(user=intruder)
    an_hour_ago = timezone.now() - timedelta(hours=1)  # before the moment chosen
    before.revisions.update(created_at=an_hour_ago)
    ModelLogEntry.objects.filter(object_id=str(before.pk)).update(timestamp=an_hour_ago)
    since = timezone.now() - timedelta(minutes=1)
    touched = [make_article(headline=f"Фейк {number}", publish=False) for number in range(3)]
    for article in touched:
        article.save_revision(user=intruder).publish(user=intruder)
    others = make_article(headline="Чесна новина")
    moment = timezone.localtime(since).strftime("%Y-%m-%d %H:%M:%S")
    preview = _choose(duty, account=str(intruder.pk), since=moment, reason="Злам")
    listed = preview.content.decode()
    assert all(f'name="article" value="{a.pk}"' in listed for a in touched)
    assert f'name="article" value="{before.pk}"' not in listed
    assert f'name="article" value="{others.pk}"' not in listed


def test_everything_published_since_a_time_in_one_edition(duty, newsroom):
    old = make_article(edition="en", published_at=timezone.now() - timedelta(hours=3))
    Article.objects.filter(pk=old.pk).update(last_published_at=timezone.now() - timedelta(hours=3))
    recent = [make_article(edition="en", headline=f"Recent {n}") for n in range(2)]
    other_edition = make_article(headline="Свіжа українська")
    moment = timezone.localtime(timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    listed = _choose(duty, since=moment, edition="en", reason="Перевірка").content.decode()
    assert all(f'name="article" value="{a.pk}"' in listed for a in recent)
    assert f'name="article" value="{old.pk}"' not in listed
    assert f'name="article" value="{other_edition.pk}"' not in listed


def test_bad_choices_are_refused_with_what_was_typed_kept(duty, newsroom):
    article = make_article()
    typed = f"{article.get_absolute_url()}\nnot-an-address"
    response = _choose(duty, addresses=typed, reason="")
    html = response.content.decode()
    assert response.status_code == 200 and "not-an-address" in html
    assert "Це поле обов" in html or "необхідно заповнити" in html  # no reason
    assert "Не адреса статті і не номер сюжету: not-an-address" in html

    nothing = _choose(duty, addresses="999999999", reason="Причина").content.decode()
    assert "Жодна опублікована стаття не відповідає" in nothing
    empty = _choose(duty, reason="Причина").content.decode()
    assert "Виберіть, що зняти" in empty
    future = timezone.localtime(timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    assert "Цей час ще не настав" in _choose(duty, since=future, reason="x").content.decode()
    unticked = _choose(duty, addresses=article.get_absolute_url(), reason="x", confirm=[])
    assert "Виберіть хоча б одну статтю" in unticked.content.decode()
    assert Article.objects.get(pk=article.pk).live and not Takedown.objects.exists()


def _refused(response) -> bool:
    """Refused as the admin refuses: 403, or sent home with "no permission"."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


def test_only_duty_editors_take_down_or_freeze(client, newsroom):
    article = make_article()
    target = _member("target", "Reporters")
    for role in ("Editors", "Reporters", "Translators"):
        sign_in(client, _member(f"someone-{role}", role))
        number = str(article.story_number)
        assert _refused(_choose(client, confirm=[article.pk], addresses=number, reason="x")), role
        freeze = {"account": target.pk, "sure": "on"}
        assert _refused(client.post(reverse("newsroom_freeze_account"), freeze)), role
    assert Article.objects.get(pk=article.pk).live and not Takedown.objects.exists()
    target.refresh_from_db()
    assert target.is_active


def test_freezing_an_account_ends_its_sessions_at_once(duty, newsroom, django_user_model):
    reporter = _member("laptop-stolen", "Reporters")
    victim = Client()
    sign_in(victim, reporter)
    assert victim.get("/admin/").status_code == 200
    refused = duty.post(reverse("newsroom_freeze_account"), {"account": reporter.pk})
    assert refused.status_code == 400  # the box "I want to…" must be ticked
    done = duty.post(reverse("newsroom_freeze_account"), {"account": reporter.pk, "sure": "on"})
    assert done.status_code == 302
    reporter.refresh_from_db()
    assert not reporter.is_active
    answer = victim.get("/admin/")
    assert answer.status_code == 302 and "/admin/login/" in answer.url
    assert AuditRecord.objects.filter(
        action=AuditAction.USER_DEACTIVATED, subject="laptop-stolen"
    ).exists()
    # Not an administrator, not oneself.
    chief = django_user_model.objects.create_superuser("chief", "chief@example.org", "x" * 16)
    assert (
        duty.post(
            reverse("newsroom_freeze_account"), {"account": chief.pk, "sure": "on"}
        ).status_code
        == 400
    )
    me = django_user_model.objects.get(username="duty")
    assert (
        duty.post(reverse("newsroom_freeze_account"), {"account": me.pk, "sure": "on"}).status_code
        == 400
    )
    chief.refresh_from_db()
    me.refresh_from_db()
    assert chief.is_active and me.is_active
