"""Every key a page or fragment is filed under is one that the purge rules make: a page
filed under a key that no publishing event purges would show a stale story until it
expires. The demo newspaper's every page type is rendered, the keys of its responses and
of everything the store kept are collected, and each must be among the keys that the
rules (newsroom.purges) give for the demo's articles, for a story going live now in any
list, and for the front pages, Support and About and the site's names."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from shpalta.caching.pages import store, surrogate_keys
from shpalta.demo.content import write_demo_content
from shpalta.editions.dates import kyiv_day_bounds, kyiv_time, kyiv_today
from shpalta.editions.fields import in_edition
from shpalta.editions.registry import EDITIONS
from shpalta.newsroom import purges
from shpalta.newsroom.models import Article, Author, Kind, Label, Section, Tag
from shpalta.newsroom.snapshots import ArticleSnapshot

from ..factories import make_article

pytestmark = pytest.mark.django_db

# Every kind of surrogate key (caching.keys), by the letters it starts with.
FAMILIES = {
    "all", "a", "stream", "front", "top", "day", "month", "year", "news", "sitemaps", "api",
    "info", "tag", "section", "author", "label", "kind", "urgent",
}  # fmt: skip


def addresses() -> list[str]:
    """Every page type of every edition, for every list, day and month that has stories."""
    live = list(
        Article.objects.live()
        .select_related("locale", "section")
        .prefetch_related("tag_links__tag", "author_links__author", "labels")
    )
    urls = ["/sitemap.xml", "/robots.txt", "/api/v1/articles/", "/api/v1/openapi.json"]
    for edition in EDITIONS:
        code, prefix = edition.code, "/" + edition.prefix
        mine = [article for article in live if article.edition == edition]
        urls += [prefix + path for path in ("", "news/", "support/", "about/", "no/such/page/")]
        for feed in ("", "urgent/", "partner/"):
            urls += [f"{prefix}{feed}rss/", f"{prefix}{feed}atom/"]
        urls += [f"/api/v1/articles/?edition={code}", f"{prefix}sitemaps/news.xml"]
        for article in mine:
            local = kyiv_time(article.published_at)
            urls += [
                article.get_absolute_url(),
                f"/api/v1/articles/{code}/{article.story_number}/",
                f"{prefix}news/{local:%Y/%m}/{local.day}/",
                f"{prefix}sitemaps/{local:%Y-%m}.xml",
                f"{prefix}sections/{article.section.slug}/",
                f"{prefix}sections/{article.section.slug}/rss/",
            ]
            if article.kind != Kind.NEWS:
                urls.append(f"{prefix}{article.url_kind}/")
            for tag in article.ordered_tags():
                slug = in_edition(tag, "slug", code)
                urls += [f"{prefix}tags/{slug}/", f"{prefix}tags/{slug}/atom/"]
                urls.append(f"/api/v1/articles/?tag={slug}")
            for author in article.ordered_authors():
                urls += [f"{prefix}authors/{author.slug}/", f"{prefix}authors/{author.slug}/rss/"]
            urls += [f"{prefix}labels/{label.slug}/" for label in article.labels.all()]
    return list(dict.fromkeys(urls))


def keys_the_rules_make() -> set[str]:
    """What the purge rules give for taking down each demo article (the same as for its
    going live), for a story going live in each edition in any section and kind with
    every tag, author and label, on any day of the archive's years, and for the other
    events of the newsroom."""
    made = purges.names_changed()
    for article in Article.objects.live().select_related("locale"):
        siblings = (
            Article.objects.filter(translation_key=article.translation_key)
            .exclude(pk=article.pk)
            .values_list("pk", "locale__language_code", "published_at")
        )
        before = ArticleSnapshot.of(article)
        made |= purges.article_changed(before=before, after=None, siblings=siblings)
    everything = {
        "tag_ids": tuple(Tag.objects.values_list("pk", flat=True)),
        "author_ids": tuple(Author.objects.values_list("pk", flat=True)),
        "label_ids": tuple(Label.objects.values_list("pk", flat=True)),
    }
    first = Article.objects.live().order_by("published_at").first().published_at
    days = range((kyiv_today() - date(kyiv_time(first).year, 1, 1)).days + 1)
    for edition in EDITIONS:
        made |= purges.front_page_changed(edition.code) | purges.info_page_changed(edition.code)
        stories = [
            {"section_id": section, "kind": kind, "published_at": timezone.now()}
            for section in Section.objects.values_list("pk", flat=True)
            for kind in Kind.values
        ] + [
            {"section_id": 0, "kind": "news", "published_at": kyiv_day_bounds(day)[0]}
            for day in (kyiv_today() - timedelta(days=back) for back in days)
        ]
        for story in stories:
            new = ArticleSnapshot(
                pk=0,
                edition=edition.code,
                translation_key=None,
                is_urgent=True,
                **everything,
                **story,
            )
            made |= purges.article_changed(before=None, after=new, siblings=[])
    return made


def family(key: str) -> str:
    return re.match(r"[a-z]+", key).group()


@pytest.fixture
def demo(newsroom):
    """A small demo newspaper, and a long read (the demo has one in forty stories)."""
    write_demo_content(seed=11, now=timezone.now() - timedelta(minutes=1), stories=16)
    tagged = Article.objects.live().filter(tag_links__isnull=False).first()
    make_article(
        edition="en",
        kind=Kind.EXPLAINER,
        headline="What the new air-defence deliveries change",
        section=tagged.section,
        tags=tagged.ordered_tags(),
        published_at=timezone.now() - timedelta(minutes=5),
    )


def test_every_key_a_page_or_fragment_is_filed_under_is_one_the_purge_rules_make(client, demo):
    filed = set()
    for url in addresses():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        filed |= surrogate_keys(response.items())
    kept = store().filed_under()
    assert kept, "the store kept nothing: the pages were not filed"
    made = keys_the_rules_make()

    stray = (filed | kept) - made
    assert not stray, f"filed under keys that no purge rule makes: {sorted(stray)}"
    # The walk reached every kind of key; a page type left out of it is not checked.
    assert {family(key) for key in filed | kept} == FAMILIES
