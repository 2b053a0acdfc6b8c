"""The newsroom's work through the real Wagtail admin views: write, preview, schedule,
submit, approve, publish, translate, unpublish."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from shpalta.newsroom.models import Article

from ..conftest import sign_in
from ..factories import make_article, make_image
from .editor_forms import article_form, article_url, every_block

pytestmark = pytest.mark.django_db


def _create(client, filing, action=None, locale="uk", **fields):
    data = article_form(**filing, **fields)
    if action:
        data[f"action-{action}"] = action
    return client.post(article_url("add") + f"?locale={locale}", data)


def test_reporter_writes_a_draft_with_every_block(client, reporter, filing):
    sign_in(client, reporter)
    image = make_image()
    earlier = make_article(headline="Попередня")
    response = _create(client, filing, blocks=every_block(image=image, earlier=earlier))

    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(headline="Оборона тримається")
    assert not article.live
    assert article.locale.language_code == "uk"
    assert article.story_number > 0
    assert [block.block_type for block in article.get_latest_revision_as_object().body] == [
        "source",
        "quote",
        "details",
        "ad_slot",
        "paragraph",
        "embed",
        "image",
        "background",
    ]
    assert article.ordered_authors() == [filing["author"]]
    assert article.ordered_tags() == [filing["tag"]]
    assert client.get(f"/news/2020/01/1/{article.story_number}/").status_code == 404


def test_reporter_cannot_publish_but_can_submit_for_review(client, reporter, filing):
    sign_in(client, reporter)
    page = client.get(article_url("add") + "?locale=uk").content.decode()
    assert 'name="action-publish"' not in page
    assert 'name="action-submit"' in page

    _create(client, filing, action="publish")
    article = Article.objects.get()
    assert not article.live

    _create(client, filing, action="submit", headline="На перевірку")
    submitted = Article.objects.get(headline="На перевірку")
    assert submitted.workflow_in_progress
    assert not submitted.live


def test_editor_approves_a_submitted_article_and_it_is_public(client, reporter, editor, filing):
    sign_in(client, reporter)
    _create(client, filing, action="submit")
    article = Article.objects.get()
    task_state = article.current_workflow_task_state

    sign_in(client, editor)
    response = client.post(article_url("workflow_action", article.pk, "approve", task_state.pk))
    assert response.status_code in (200, 302)

    article.refresh_from_db()
    assert article.live and article.published_at is not None
    assert client.get(article.get_absolute_url()).status_code == 200


def test_preview_shows_the_article_in_its_edition(client, editor, filing):
    sign_in(client, editor)
    data = article_form(**filing)
    add_page = client.get(article_url("add") + "?locale=en").content.decode()
    url = article_url("preview_on_add") + "?locale=en"
    assert url in add_page.replace("&amp;", "&")
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = client.get(url).content.decode()
    assert "<h1>Оборона тримається</h1>" in html
    assert '<html lang="en">' in html and "Source:" in html and "Quote:" in html

    assert client.post(article_url("add") + "?locale=uk", data).status_code == 302
    article = Article.objects.get()
    preview = article_url("preview_on_edit", article.pk)
    assert client.post(preview, data).json()["is_valid"]
    assert "Джерело:" in client.get(preview).content.decode()
    assert not Article.objects.live().exists()


def test_editor_publishes_and_readers_see_it(client, editor, filing):
    sign_in(client, editor)
    response = _create(client, filing, action="publish")
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.live
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Оборона тримається" in page.content.decode()


def test_editing_a_published_article_makes_a_new_revision(client, editor, filing):
    sign_in(client, editor)
    _create(client, filing, action="publish")
    article = Article.objects.get()
    data = article_form(
        **filing,
        headline="Оборона тримається: оновлено",
        story_number=str(article.story_number),
    )
    data.update(
        {
            "author_links-INITIAL_FORMS": "1",
            "author_links-0-id": str(article.author_links.get().pk),
            "tag_links-INITIAL_FORMS": "1",
            "tag_links-0-id": str(article.tag_links.get().pk),
        }
    )
    data["action-publish"] = "publish"
    response = client.post(article_url("edit", article.pk), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.revisions.count() == 2
    assert article.headline == "Оборона тримається: оновлено"
    assert article.updated_at is not None


def test_publication_time_keeps_its_seconds_on_edit(client, editor, filing):
    sign_in(client, editor)
    _create(client, filing, action="publish")
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(
        published_at=article.published_at.replace(second=40, microsecond=123456)
    )
    article.refresh_from_db()
    page = client.get(article_url("edit", article.pk)).content.decode()
    shown = re.search(r'name="published_at"[^>]*value="([^"]+)"', page)[1]
    data = article_form(**filing, story_number=str(article.story_number), published_at=shown)
    data.update(
        {
            "author_links-INITIAL_FORMS": "1",
            "author_links-0-id": str(article.author_links.get().pk),
            "tag_links-INITIAL_FORMS": "1",
            "tag_links-0-id": str(article.tag_links.get().pk),
            "action-publish": "publish",
        }
    )
    before = article.published_at
    assert client.post(article_url("edit", article.pk), data).status_code == 302
    article.refresh_from_db()
    assert article.published_at == before and article.published_at.second == 40
    # A time changed by the editor is taken as typed.
    later = timezone.localtime(before + timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    data["published_at"] = later
    assert client.post(article_url("edit", article.pk), data).status_code == 302
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == later
    assert article.published_at.second == 0


def test_editor_schedules_an_article(client, editor, filing):
    sign_in(client, editor)
    go_live_at = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    response = _create(client, filing, action="publish", go_live_at=go_live_at)
    assert response.status_code == 302
    article = Article.objects.get()
    assert not article.live
    assert article.revisions.get().approved_go_live_at is not None


def test_editor_translates_an_article_into_a_draft_of_another_edition(client, editor, filing):
    sign_in(client, editor)
    _create(client, filing, action="publish")
    original = Article.objects.get()
    english = Locale.objects.get(language_code="en")
    url = reverse(
        "simple_translation:submit_snippet_translation",
        args=["newsroom", "article", original.pk],
    )
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302

    translation = Article.objects.get(locale=english)
    assert response["Location"] == article_url("edit", translation.pk)
    assert translation.story_number == original.story_number
    assert translation.translation_key == original.translation_key
    assert not translation.live
    assert translation.headline == original.headline  # prefilled, for the translator to rewrite


def test_editor_unpublishes_and_the_page_is_gone(client, editor, filing):
    sign_in(client, editor)
    _create(client, filing, action="publish")
    article = Article.objects.get()
    url = article.get_absolute_url()
    response = client.post(article_url("unpublish", article.pk))
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert client.get(url).status_code == 404


def test_article_list_shows_each_editions_articles_with_their_status(client, editor, filing):
    make_article(headline="Опублікована")
    make_article(edition="en", headline="Draft in English", publish=False)
    sign_in(client, editor)
    html = client.get(article_url("list")).content.decode()
    assert "Опублікована" in html and "Draft in English" in html
    assert "Версія" in html and "Статус" in html
    assert (
        client.get(article_url("list") + "?locale=en").content.decode().count("Опублікована") == 0
    )


def test_editor_orders_top_stories_of_an_edition(client, editor, filing):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from shpalta.newsroom.models import FrontPage

    first, second = make_article(headline="Перша"), make_article(headline="Друга")
    english = make_article(edition="en", headline="English")
    front = FrontPage.objects.get(locale__language_code="uk")
    url = reverse("wagtailsnippets_newsroom_frontpage:edit", args=[front.pk])
    sign_in(client, editor)

    def post(*articles):
        stories = inline_formset([{"article": article.pk} for article in articles])
        return client.post(url, nested_form_data({"top_stories": stories}))

    assert "Виберіть статті лише цієї версії" in post(first, english).content.decode()
    assert post(second, first).status_code == 302
    assert [story.article for story in front.top_stories.order_by("sort_order")] == [second, first]
