"""Queries compiled once and run with new arguments (newsroom.models.article.Prepared)
answer what their querysets answer, on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from shpalta.newsroom.models import Article, Correction, Label, Tag
from shpalta.newsroom.models.article import Prepared, lines_by_id, live_story

from ..factories import make_article, make_author, make_image, make_tag

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


def test_rows_come_as_the_orm_gives_them(newsroom):
    story = make_article(edition="ru")
    pk, kind, published_at = live_story("ru", story.story_number)
    assert (pk, kind) == (story.pk, story.kind)
    assert published_at == story.published_at and published_at.tzinfo is not None
    assert live_story("en", story.story_number) is None  # not in that edition


def test_an_argument_missing_from_the_sql_is_refused():
    prepared = Prepared(
        lambda code, number: Article.objects.filter(story_number=5).values_list("pk")
    )
    with pytest.raises(ValueError, match="argument"):
        prepared("en", 7)


def test_an_article_read_for_its_page_shows_what_its_relations_hold(
    newsroom, django_assert_num_queries
):
    authors = [make_author("olena", uk="Олена Марчук"), make_author("taras", uk="Тарас Гук")]
    tags = [make_tag("nato", uk="НАТО"), make_tag("drones", uk="дрони")]
    label = Label.objects.create(slug="live", name_uk="НАЖИВО", name_en="LIVE")
    story = make_article(authors=authors[::-1], tags=tags[::-1], labels=[label])
    Correction.objects.create(article=story, text="Дату виправлено.", made_at=timezone.now())
    plain = Article.objects.get(pk=story.pk)
    page = Article.objects.for_page(story.pk)
    with django_assert_num_queries(0):
        shown = (
            page.ordered_authors(), page.ordered_tags(), page.shown_labels(),
            page.shown_corrections(),
        )  # fmt: skip
    expected = (
        plain.ordered_authors(), plain.ordered_tags(), list(plain.labels.all()),
        plain.shown_corrections(),
    )  # fmt: skip
    assert [[o.pk for o in objects] for objects in shown] == [
        [o.pk for o in objects] for objects in expected
    ]
    assert [a.pk for a in shown[0]] == [authors[1].pk, authors[0].pk]  # the article's order
    assert shown[0][0].name_uk == "Тарас Гук"
    assert [t.pk for t in shown[1]] == [tags[1].pk, tags[0].pk]
    (correction,) = shown[3]
    assert correction.made_at == expected[3][0].made_at and correction.made_at.tzinfo
    assert correction.text == "Дату виправлено."
    section = plain.section
    with django_assert_num_queries(0):  # read with its row, as select_related() does
        assert (page.locale.language_code, page.section, page.main_image) == ("uk", section, None)
        assert page.section.name_uk == section.name_uk
    assert list(page.body.raw_data) == list(plain.body.raw_data)
    assert page.headline == plain.headline


def _as_made(thing) -> dict:
    """What an object from a row holds: its fields' values (the text's blocks as given),
    which it was not given, and its state."""
    deferred = thing.get_deferred_fields()
    fields = {
        field.attname: getattr(thing, field.attname)
        for field in type(thing)._meta.concrete_fields
        if field.attname not in deferred
    }
    if isinstance(thing, Article) and "body" not in deferred:
        fields["body"] = (type(thing.body).__name__, list(thing.body.raw_data))
    return {
        **fields,
        "deferred": deferred,
        "state": (thing._state.adding, thing._state.db),
    }


def test_rows_are_made_into_the_objects_the_orm_makes(newsroom):
    """Articles and what they join are made without Model.__init__ (article.made()); they
    hold what the ORM's own objects hold, and save as those do."""
    story = make_article(
        edition="en",
        tags=[make_tag("drones", en="drones")],
        body=[{"type": "paragraph", "value": "<p>Text.</p>"}],
        main_image=make_image(),
        summary="A summary.",
    )
    orm = Article.objects.select_related("locale", "section", "main_image").get(pk=story.pk)
    page = Article.objects.for_page(story.pk)
    assert _as_made(page) == _as_made(orm)
    assert _as_made(page.section) == _as_made(orm.section)
    assert _as_made(page.locale) == _as_made(orm.locale)
    assert _as_made(page.main_image) == _as_made(orm.main_image)  # from_db(): post_init
    assert _as_made(page.ordered_tags()[0]) == _as_made(orm.ordered_tags()[0])
    line = lines_by_id([story.pk])[story.pk]
    lines_orm = Article.objects.defer("body", "lead").select_related("locale").get(pk=story.pk)
    assert _as_made(line) == _as_made(lines_orm)
    assert line.get_deferred_fields() == {"body", "lead"}
    page.headline = "Saved from a made object"
    page.save(update_fields=["headline"])
    assert Article.objects.get(pk=story.pk).headline == "Saved from a made object"


def test_an_article_that_is_not_there_is_not_read_for_a_page(newsroom):
    story = make_article()
    story.delete()
    with pytest.raises(Article.DoesNotExist):
        Article.objects.for_page(story.pk)


def test_a_list_query_is_compiled_once_per_length_and_answers_each():
    prepared = Prepared(lambda _all, *ids: Article.objects.filter(pk__in=ids).values_list("pk"))
    assert prepared("", 1, 2) == prepared("", 3) == []
    assert len(prepared._compiled) == 2  # one SQL for two arguments, one for one


def test_lines_read_by_id_show_what_for_lines_reads(newsroom, django_assert_num_queries):
    urgent = Label.objects.create(slug="urgent", name_en="URGENT")
    exclusive = Label.objects.create(slug="exclusive", name_en="EXCLUSIVE")
    now = timezone.now()
    stories = [
        make_article(
            edition="en",
            headline=f"Line {n}",
            labels=[[], [urgent], [urgent, exclusive]][n % 3],
            published_at=now - timedelta(minutes=n),
        )
        for n in range(130)  # more than one query's worth of ids
    ]
    ids = [story.pk for story in reversed(stories)] + [10**9]  # and one that is not there
    with django_assert_num_queries(4):  # 2 × (rows, labels)
        lines = lines_by_id(ids)
    assert sorted(lines) == sorted(ids[:-1])
    expected = Article.objects.for_lines().in_bulk(ids)
    with django_assert_num_queries(0):
        for pk, line in lines.items():
            assert line.get_absolute_url() == expected[pk].get_absolute_url()
            assert line.headline == expected[pk].headline
            assert line.published_at == expected[pk].published_at
            assert [label.slug for label in line.shown_labels()] == [
                label.slug for label in expected[pk].labels.all()
            ]
    assert [label.name_en for label in lines[stories[2].pk].shown_labels()] == [
        "EXCLUSIVE", "URGENT",
    ]  # fmt: skip
    assert "body" in lines[stories[0].pk].get_deferred_fields()  # the text is not read


def test_a_prepared_query_takes_text_for_a_text_column(newsroom):
    """A mark stands for a slug too: the ORM gives it to the database as its digits."""
    drones, energy = make_tag("drones"), make_tag("energy")
    Tag.objects.filter(pk=energy.pk).update(slug_en="power")
    by_slug = Prepared(
        lambda code, slug: Tag.objects.filter(**{f"slug_{code}": slug}).values_list("pk")
    )
    assert by_slug("en", "drones") == [(drones.pk,)]
    assert by_slug("en", "power") == [(energy.pk,)]
    assert by_slug("uk", "energy") == [(energy.pk,)]  # each edition's column: its own SQL
    assert by_slug("en", "energy") == []
    assert by_slug("en", "no-such-tag") == []
