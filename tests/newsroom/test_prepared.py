"""Queries compiled once and run with new arguments (newsroom.models.article.Prepared)
answer what their querysets answer, on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from shpalta.newsroom.models import Article
from shpalta.newsroom.models.article import Prepared, as_datetime, live_story

from ..factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def _related(code, tag, story):
    return Article.objects.listed("tag_links", tag, code).exclude(pk=story).values_list("pk")[:3]


def test_a_prepared_query_answers_as_its_queryset(newsroom):
    drones, energy = make_tag("drones", en="drones"), make_tag("energy", en="energy")
    now = timezone.now()
    stories = [
        make_article(
            edition="en",
            headline=f"Story {n}",
            tags=[drones if n % 2 else energy],
            published_at=now - timedelta(hours=n),
        )
        for n in range(7)
    ]
    prepared = Prepared(_related)
    for story in stories:  # compiled by the first call, run with each one's values after
        for tag in (drones, energy):
            assert prepared("en", tag.pk, story.pk) == list(_related("en", tag.pk, story.pk))
    assert prepared("uk", drones.pk, stories[0].pk) == []  # another edition: its own SQL


def test_times_read_by_a_prepared_query_are_aware(newsroom):
    story = make_article(edition="ru")
    pk, kind, published_at = live_story("ru", story.story_number)
    assert (pk, kind) == (story.pk, story.kind)
    assert published_at == story.published_at and published_at.tzinfo is not None
    assert as_datetime(published_at) == published_at
    assert live_story("en", story.story_number) is None  # not in that edition


def test_an_argument_missing_from_the_sql_is_refused():
    prepared = Prepared(
        lambda code, number: Article.objects.filter(story_number=5).values_list("pk")
    )
    with pytest.raises(ValueError, match="argument"):
        prepared("en", 7)
