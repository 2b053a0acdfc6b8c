"""Publishing rules: times, schedules, unpublishing and translations of a story."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from shpalta.editions.registry import get_edition
from shpalta.newsroom.models import Article, ArticleAuthor
from shpalta.newsroom.services import StoryAlreadyTranslatedError, article_translate

from ..factories import make_article, make_author

pytestmark = pytest.mark.django_db


def test_first_publish_fixes_the_publication_time(newsroom):
    before = timezone.now()
    article = make_article()
    assert article.live
    assert before <= article.published_at <= timezone.now()
    assert article.updated_at is None


def test_republishing_an_edit_keeps_the_time_and_marks_it_updated(newsroom):
    article = make_article()
    published_at = article.published_at
    article.headline = "Рада ухвалила закон у цілому"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.published_at == published_at
    assert article.updated_at is not None and article.updated_at >= published_at
    assert article.get_latest_revision_as_object().published_at == published_at


def test_an_editor_may_set_the_publication_time(newsroom):
    chosen = timezone.now() - timedelta(hours=5)
    article = make_article(published_at=chosen)
    assert article.published_at == chosen


def test_scheduled_article_goes_live_when_the_scheduler_runs(newsroom):
    go_live_at = timezone.now() + timedelta(seconds=1)
    article = make_article(go_live_at=go_live_at)
    assert not article.live
    assert not Article.objects.live().filter(pk=article.pk).exists()

    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.1)
    call_command("run_scheduler", "--once")

    article.refresh_from_db()
    assert article.live
    # Revisions keep times to the millisecond.
    assert abs(article.published_at - go_live_at) < timedelta(milliseconds=1)


def test_expired_article_is_taken_down_by_the_scheduler(newsroom):
    article = make_article(expire_at=timezone.now() + timedelta(seconds=1))
    assert article.live
    time.sleep(1.1)
    call_command("run_scheduler", "--once")
    article.refresh_from_db()
    assert not article.live and article.expired


def test_unpublished_article_leaves_the_live_set(newsroom):
    article = make_article()
    article.unpublish()
    assert not Article.objects.live().filter(pk=article.pk).exists()


def test_future_publication_time_is_not_live_yet(newsroom):
    article = make_article(published_at=timezone.now() + timedelta(hours=1))
    assert article.live
    assert not Article.objects.live().filter(pk=article.pk).exists()


def test_story_number_is_unique_within_an_edition(newsroom):
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(story_number=article.story_number)


def test_translation_is_a_draft_sharing_the_story(newsroom):
    original = make_article(headline="Оригінал", is_urgent=True)
    english = article_translate(article=original, edition=get_edition("en"))

    assert english.locale.language_code == "en"
    assert english.story_number == original.story_number
    assert english.translation_key == original.translation_key
    assert not english.live and english.published_at is None
    assert english.is_urgent
    assert english.ordered_authors() == original.ordered_authors()
    assert english.revisions.count() == 1


def test_translation_then_has_its_own_author_time_and_revisions(newsroom):
    original = make_article()
    english = article_translate(article=original, edition=get_edition("en"))
    translator = make_author(en="A Translator")
    english.headline = "Parliament passes the law"
    english.author_links = [ArticleAuthor(author=translator)]
    english.save()
    english.save_revision().publish()

    original.refresh_from_db()
    english.refresh_from_db()
    assert english.live and english.published_at > original.published_at
    assert english.ordered_authors() == [translator]
    assert original.ordered_authors() != [translator]
    assert original.revisions.count() == 1


def test_a_story_is_translated_into_an_edition_once(newsroom):
    original = make_article()
    article_translate(article=original, edition=get_edition("ru"))
    with pytest.raises(StoryAlreadyTranslatedError, match="already has a Русский edition"):
        article_translate(article=original, edition=get_edition("ru"))
