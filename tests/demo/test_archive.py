"""The synthetic archive for benchmarks: sizes, spread, numbering, and pages that work."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Max, Min
from django.utils import timezone

from shpalta.newsroom.models import Article, ArticleAuthor, ArticleTag, NewsImage
from shpalta.newsroom.renditions import MAIN_IMAGE_SPECS
from shpalta.newsroom.services import allocate_story_number

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_archive_spreads_articles_over_the_years_in_three_editions(client, newsroom):
    call_command("generate_archive", "--articles", "400", "--years", "20", verbosity=0)
    assert Article.objects.count() == 400
    by_edition = dict(Article.objects.values_list("locale__language_code").annotate(n=Count("id")))
    assert by_edition["uk"] > by_edition["ru"] > by_edition["en"] > 0
    span = Article.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    assert span["last"] - span["first"] > timedelta(days=365 * 19)
    assert span["last"] <= timezone.now()
    # The editions of a story share its number; a new story gets a number past them all.
    assert allocate_story_number() > Article.objects.aggregate(n=Max("story_number"))["n"]
    old = Article.objects.live().in_edition("en").order_by("published_at").first()
    assert old.tag_links.exists() and old.author_links.exists()
    # Links are written as rows: they carry their article's list fields.
    for link in [*old.tag_links.all(), *old.author_links.all()]:
        assert (link.locale_id, link.live, link.published_at) == (
            old.locale_id,
            True,
            old.published_at,
        )
    # Articles are written with their ids: the newsroom's next article still gets one.
    archived = Article.objects.aggregate(last=Max("pk"))["last"]
    assert make_article(edition="en").pk > archived
    # Its pictures have what Publish makes: a first reader resizes none.
    pictured = NewsImage.objects.filter(title__startswith="Archive picture")
    assert pictured.exists()
    for image in pictured:
        made = set(image.renditions.values_list("filter_spec", flat=True))
        assert set(MAIN_IMAGE_SPECS) <= made, image
    page = client.get(old.get_absolute_url())
    assert page.status_code == 200
    assert old.headline in page.content.decode()
    assert old.published_at < timezone.now() - timedelta(days=365 * 15)
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get(f"/api/v1/articles/en/{old.story_number}/").status_code == 200


def test_a_second_run_adds_to_the_archive(newsroom):
    call_command("generate_archive", "--articles", "50", verbosity=0)
    call_command("generate_archive", "--articles", "50", "--seed", "2", verbosity=0)
    assert Article.objects.count() == 100
    numbers = Article.objects.values("locale", "story_number").annotate(n=Count("id"))
    assert all(row["n"] == 1 for row in numbers)


def test_the_archive_leaves_its_tables_indexes_and_keys_as_they_were(newsroom):
    """On PostgreSQL the load sets the tables' foreign keys and plain indexes aside and
    makes them again (the search index's full-text indexes too): none may be lost or
    changed."""
    from wagtail.search.models import IndexEntry

    tables = [
        model._meta.db_table
        for model in (Article, ArticleTag, ArticleAuthor, Article.labels.through, IndexEntry)
    ]

    def schema():
        with connection.cursor() as cursor:
            return {
                table: connection.introspection.get_constraints(cursor, table) for table in tables
            }

    before = schema()
    assert any(
        constraint["foreign_key"] for constraint in before[ArticleTag._meta.db_table].values()
    )
    call_command("generate_archive", "--articles", "30", verbosity=0)
    assert schema() == before


def test_the_archive_is_searchable_as_the_newsroom_would_index_it(client, newsroom):
    """The generator fills the search index from each sentence's lemmas; what it holds for
    an article is what Wagtail's own indexing of that article holds."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from shpalta.newsroom import search

    def vectors(entry, name):
        """Each tsvector's lexemes with their weights (positions differ: the generator
        lemmatises sentence by sentence, an article's own text is read as a whole)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT array_agg(DISTINCT (lexeme, weights)::text) FROM unnest({name}))"  # noqa: S608
                f" FROM {IndexEntry._meta.db_table} WHERE id = %s",
                [entry.pk],
            )
            return cursor.fetchone()[0]

    call_command("generate_archive", "--articles", "60", verbosity=0)
    article = Article.objects.in_edition("uk").order_by("pk").first()
    entries = IndexEntry.objects.filter(object_id=str(article.pk), content_type__model="article")
    generated = entries.get()
    if connection.vendor == "postgresql":
        written = {name: vectors(generated, name) for name in ("title", "body", "autocomplete")}
    get_search_backend().add(article)  # as publishing would
    assert list(entries) == [generated]  # the same entry, written over
    indexed = IndexEntry.objects.get(pk=generated.pk)
    # The lemmas as text (PostgreSQL keeps them beside its tsvectors, with positions).
    for field in (
        ("title", "body") if connection.vendor == "sqlite" else ("title_text", "body_text")
    ):
        assert set(getattr(generated, field).split()) == set(getattr(indexed, field).split())
    if connection.vendor == "postgresql":
        for name, lexemes in written.items():
            assert lexemes and lexemes == vectors(indexed, name), name
        assert 0 < generated.title_norm != 1.0
    word = search.words(article.headline)[0]
    found = search.find(Article.objects.live().in_edition("uk"), search.Query.parse(word, "uk"))
    assert article.pk in found.ids
    assert client.get("/search/", {"q": word}).status_code == 200


def test_the_archive_can_leave_the_search_index_alone(newsroom):
    from wagtail.search.models import IndexEntry

    call_command("generate_archive", "--articles", "20", "--no-search-index", verbosity=0)
    assert not IndexEntry.objects.filter(content_type__model="article").exists()
