"""Corrections through the real admin: attached to a published story, shown on it, in the
edition's corrections log and its feeds, in JSON-LD, ninjs and the partners' feed; a
minor edit keeps the "Updated" time; bad corrections are refused with what was typed kept."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from shpalta.newsroom.models import Article, Correction

from ..conftest import sign_in
from ..syndication.test_api import VALIDATOR
from .editor_forms import article_form, article_url

pytestmark = pytest.mark.django_db

CORRECTION = "У попередній версії було неправильно названо місто, де впали уламки."


def _publish_new(client, filing) -> Article:
    data = article_form(**filing)
    data["action-publish"] = "publish"
    assert client.post(article_url("add") + "?locale=uk", data).status_code == 302
    return Article.objects.get()


def _edit(article: Article, filing, *, corrections=(), publish=True, **fields) -> dict:
    """The edit form of a published article as the editor posts it."""
    data = article_form(
        **filing,
        story_number=str(article.story_number),
        corrections=[],
        **fields,
    )
    data.update(
        {
            "author_links-INITIAL_FORMS": "1",
            "author_links-0-id": str(article.author_links.get().pk),
            "tag_links-INITIAL_FORMS": "1",
            "tag_links-0-id": str(article.tag_links.get().pk),
            "corrections-TOTAL_FORMS": str(len(corrections)),
            "corrections-INITIAL_FORMS": str(sum(1 for c in corrections if c.get("id"))),
        }
    )
    for index, correction in enumerate(corrections):
        for name in ("id", "text", "made_at"):
            data[f"corrections-{index}-{name}"] = correction.get(name, "")
        data[f"corrections-{index}-ORDER"] = str(index + 1)
        data[f"corrections-{index}-DELETE"] = ""
    if publish:
        data["action-publish"] = "publish"
    return data


def _json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found[1])


def test_a_correction_shows_on_the_story_and_wherever_it_goes(client, editor, filing):
    sign_in(client, editor)
    article = _publish_new(client, filing)
    first_published = article.published_at
    response = client.post(
        article_url("edit", article.pk), _edit(article, filing, corrections=[{"text": CORRECTION}])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    correction = article.corrections.get()
    assert correction.made_at is not None and correction.made_at >= first_published
    assert article.updated_at == correction.made_at or article.updated_at >= first_published
    client.logout()

    page = client.get(article.get_absolute_url()).content.decode()
    end = page[page.index('id="corrections"') :]
    assert CORRECTION in end and "Виправлення, " in end  # "Correction, 5 грудня 2026, 19:40:"
    assert 'href="#corrections"' in page[: page.index('id="corrections"')]  # by the dateline
    news_article = _json_ld(page)
    [comment] = news_article["correction"]
    assert comment["@type"] == "CorrectionComment" and comment["text"] == CORRECTION
    assert comment["datePublished"].endswith(("+02:00", "+03:00"))  # Kyiv time

    log = client.get("/corrections/")
    assert log.status_code == 200
    listed = log.content.decode()
    assert CORRECTION in listed and article.headline in listed
    assert f"{article.get_absolute_url()}#correction-{correction.pk}" in listed

    feed = etree.fromstring(client.get("/corrections/rss/").content)
    [item] = feed.iter("item")
    assert CORRECTION in item.findtext("description")
    assert item.findtext("link").endswith(f"#correction-{correction.pk}")
    atom = client.get("/corrections/atom/")
    assert atom.status_code == 200 and CORRECTION in atom.content.decode()

    ninjs = client.get(f"/api/v1/articles/uk/{article.story_number}/").json()
    VALIDATOR.validate(ninjs)
    assert {"role": "correction", "contentType": "text/plain", "value": CORRECTION} in ninjs[
        "descriptions"
    ]
    assert "edNote" in ninjs and CORRECTION in ninjs["bodies"][0]["value"]
    assert CORRECTION in client.get("/partner/rss/").content.decode()


def test_the_corrections_log_speaks_each_editions_language_and_is_paged(client, newsroom):
    from ..factories import make_article

    for number in range(32):
        article = make_article(edition="ru", headline=f"Новость {number}")
        article.corrections = [Correction(text=f"Исправление {number}")]
        article.save_revision().publish()
    page = client.get("/rus/corrections/").content.decode()
    assert '<h1 class="page-title">Исправления</h1>' in page
    assert "Исправление 31" in page and "Исправление 0<" not in page  # newest first
    assert client.get("/rus/corrections/?page=2").status_code == 200
    assert "Исправление 0<" in client.get("/rus/corrections/?page=2").content.decode()
    assert client.get("/rus/corrections/?page=3").status_code == 404
    assert client.get("/rus/corrections/?page=x").status_code == 404
    # Another edition's log has none of them.
    english = client.get("/eng/corrections/").content.decode()
    assert "Исправление" not in english and "No story of this edition" in english


def test_a_minor_edit_keeps_the_updated_time(client, editor, filing):
    sign_in(client, editor)
    article = _publish_new(client, filing)
    client.post(article_url("edit", article.pk), _edit(article, filing, headline="Правка"))
    article.refresh_from_db()
    updated = article.updated_at
    assert updated is not None

    minor = _edit(article, filing, headline="Правка без друкарської помилки", minor_edit="on")
    assert client.post(article_url("edit", article.pk), minor).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Правка без друкарської помилки"
    assert article.updated_at == updated
    # The box starts unticked on the next edit.
    form = client.get(article_url("edit", article.pk)).content.decode()
    assert re.search(r'<input[^>]*name="minor_edit"[^>]*>', form)[0].count("checked") == 0

    # A correction marks the story updated even on a minor edit.
    corrected = _edit(article, filing, minor_edit="on", corrections=[{"text": CORRECTION}])
    assert client.post(article_url("edit", article.pk), corrected).status_code == 302
    article.refresh_from_db()
    assert article.updated_at > updated


def test_a_correction_without_text_is_refused_and_the_edit_is_kept(client, editor, filing):
    sign_in(client, editor)
    article = _publish_new(client, filing)
    when = timezone.localtime(timezone.now() - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    data = _edit(
        article, filing, headline="Нова назва", corrections=[{"text": "  ", "made_at": when}]
    )
    response = client.post(article_url("edit", article.pk), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Нова назва" in html  # what the editor typed is still in the form
    field = html[: html.index('id="id_corrections-0-text"')]
    field = field[field.rindex("w-field__errors") :]
    assert "Це поле необхідно заповнити" in field  # in the admin's language, at the field
    assert not Correction.objects.exists()
    article.refresh_from_db()
    assert article.headline != "Нова назва"


def test_a_correction_dated_in_the_future_is_refused(client, editor, filing):
    sign_in(client, editor)
    article = _publish_new(client, filing)
    later = timezone.localtime(timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = _edit(article, filing, corrections=[{"text": CORRECTION, "made_at": later}])
    response = client.post(article_url("edit", article.pk), data)
    assert response.status_code == 200
    assert not Correction.objects.exists()
    html = response.content.decode()
    assert CORRECTION in html
    assert "Виправлення не може мати дату в майбутньому" in html


def test_a_correction_keeps_its_time_through_later_edits(client, editor, filing):
    sign_in(client, editor)
    article = _publish_new(client, filing)
    client.post(
        article_url("edit", article.pk), _edit(article, filing, corrections=[{"text": CORRECTION}])
    )
    correction = Correction.objects.get()
    made_at = correction.made_at
    # The form shows the correction as the latest revision holds it (without its time).
    again = _edit(
        article,
        filing,
        headline="Ще одна правка",
        corrections=[{"id": str(correction.pk), "text": CORRECTION}],
    )
    assert client.post(article_url("edit", article.pk), again).status_code == 302
    assert Correction.objects.get().made_at == made_at
