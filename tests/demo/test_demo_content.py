"""The demo newspaper: enough, varied, linked, written once, the same every time."""

import re
from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from shpalta.ads.models import AdSlot
from shpalta.demo.content import DemoContentExistsError, write_demo_content
from shpalta.newsroom.models import (
    Article,
    Author,
    Correction,
    Kind,
    Label,
    NewsImage,
    Section,
    Tag,
)

pytestmark = pytest.mark.django_db


def test_demo_command_writes_a_newspaper_and_prints_working_logins(client, capsys):
    started = timezone.now()
    call_command("demo_content", "--password", "demo-password-1")
    out = capsys.readouterr().out

    articles = Article.objects.live()
    editions = Counter(articles.values_list("locale__language_code", flat=True))
    assert articles.count() >= 300
    assert editions["uk"] > editions["ru"] > editions["en"] > 0
    assert articles.filter(published_at__lt=started - timedelta(days=3)).count() == 0
    assert Author.objects.count() >= 12
    assert Tag.objects.count() >= 40
    assert Section.objects.count() >= 8
    assert NewsImage.objects.filter(credit="").count() == 0 < NewsImage.objects.count()
    in_three = Article.objects.values("translation_key").annotate(n=Count("id")).filter(n=3)
    assert in_three.count() >= 10
    assert set(articles.values_list("kind", flat=True)) == set(Kind.values)
    assert articles.filter(is_urgent=True).exists()
    # A running live blog in each edition, its updates spread over hours, two key points.
    for code in ("uk", "ru", "en"):
        [blog] = articles.filter(kind=Kind.LIVE, locale__language_code=code)
        assert blog.coverage_ended_at is None
        entries = blog.live_entries.all()
        assert entries.count() >= 20 and entries.filter(pinned=True).count() == 2
        assert len({entry.author_id for entry in entries}) == 2
        assert entries.first().published_at <= timezone.now()
    for label in ("explainer", "exclusive", "live"):
        assert articles.filter(labels__slug=label).exists(), label
    assert articles.filter(has_photos=True).exists() and articles.filter(has_video=True).exists()
    # A few corrected stories in each edition, dated after the story and marked updated.
    for code in ("uk", "ru", "en"):
        corrected = Correction.objects.shown_in(code)
        assert 3 <= corrected.count() <= 20, code
        for correction in corrected:
            assert correction.article.published_at <= correction.made_at <= timezone.now()
            assert correction.article.updated_at == correction.made_at

    linked = 0
    for article in articles.filter(locale__language_code="en"):
        for block in article.body:
            if block.block_type == "background":
                for item in block.value:
                    assert item["article"].published_at < article.published_at
                    assert item["article"].locale_id == article.locale_id
                    linked += 1
    assert linked > 10

    for article in articles.select_related("locale"):
        assert client.get(article.get_absolute_url()).status_code == 200

    assert "editor, reporter, translator, duty" in out and "demo-password-1" in out
    # The demo logins have authenticators; `demo_code` prints what they show now.
    assert "bin/demo-code editor" in out
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "demo-password-1"}, follow=False
    )
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/account/two-factor/verify/" in response.url
    call_command("demo_code", "editor")
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"\d{6}", code)
    response = client.post("/admin/account/two-factor/verify/", {"code": code, "next": "/admin/"})
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200

    # A second run leaves the content alone and still prints the logins.
    call_command("demo_content", "--password", "demo-password-2")
    assert Article.objects.count() == sum(editions.values())
    assert "already has articles" in capsys.readouterr().out
    with pytest.raises(DemoContentExistsError):
        write_demo_content()


def _wipe():
    Article.objects.all().delete()
    for model in (AdSlot, Tag, Section, Label, Author, NewsImage):
        model.objects.all().delete()


def test_demo_is_the_same_for_the_same_seed():
    now = timezone.now()
    write_demo_content(seed=7, now=now, stories=12)
    first = list(Article.objects.order_by("id").values_list("headline", "published_at", "kind"))
    _wipe()
    write_demo_content(seed=7, now=now, stories=12)
    second = list(Article.objects.order_by("id").values_list("headline", "published_at", "kind"))
    assert first == second and len(first) > 12
