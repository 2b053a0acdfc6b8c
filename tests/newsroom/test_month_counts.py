"""The archive's counts by month and day (MonthCount), which the sitemaps read instead of
counting the articles: kept by publishing, moving, taking down and deleting an article,
and made by the archive generator and the migration as a recount from the articles
would make them."""

import json
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from shpalta.demo.archive import generate_archive
from shpalta.editions.dates import KYIV, kyiv_day_bounds, kyiv_time, kyiv_today
from shpalta.newsroom.models import Article, MonthCount, recount_days

from ..factories import make_article

pytestmark = pytest.mark.django_db
ONE = timedelta(seconds=1)


def counts(edition: str = "en") -> dict[str, list]:
    """{"YYYY-MM": [[day, articles], …]} of an edition, as kept."""
    return {
        f"{row.month:%Y-%m}": [entry[:2] for entry in json.loads(row.days)]
        for row in MonthCount.objects.filter(locale__language_code=edition)
    }


def test_publishing_moving_taking_down_and_deleting_keep_the_counts(newsroom):
    first = make_article(edition="en", published_at=datetime(2021, 3, 1, 9, 0, tzinfo=KYIV))
    # 23:30 in Kyiv is the next day in UTC's eyes: the Kyiv day counts.
    late = make_article(edition="en", published_at=datetime(2021, 3, 1, 23, 30, tzinfo=KYIV))
    make_article(edition="uk", published_at=datetime(2021, 3, 1, 10, 0, tzinfo=KYIV))
    assert counts() == {"2021-03": [[1, 2]]}
    assert counts("uk") == {"2021-03": [[1, 1]]}
    row = MonthCount.objects.get(locale__language_code="en")
    assert row.newest == late.published_at

    late.published_at = datetime(2021, 4, 2, 8, 0, tzinfo=KYIV)  # the editor moves it
    late.save_revision().publish()
    assert counts() == {"2021-03": [[1, 1]], "2021-04": [[2, 1]]}
    assert MonthCount.objects.get(month__month=3, locale__language_code="en").newest == (
        first.published_at
    )

    Article.objects.get(pk=first.pk).unpublish()
    assert counts() == {"2021-04": [[2, 1]]}  # a month with none has no row
    Article.objects.get(pk=late.pk).delete()
    assert counts() == {}
    assert counts("uk") == {"2021-03": [[1, 1]]}


def test_an_article_saved_as_a_draft_is_not_counted(newsroom):
    make_article(edition="en", published_at=datetime(2021, 3, 1, 9, 0, tzinfo=KYIV), publish=False)
    assert counts() == {}


def test_a_story_later_today_is_counted_but_not_shown_in_the_index_yet(client, newsroom, settings):
    settings.PAGE_CACHE = False
    now = timezone.now()
    start, end = kyiv_day_bounds(kyiv_today())
    shown = make_article(edition="en", published_at=max(now - timedelta(minutes=5), start))
    later = make_article(edition="en", published_at=min(now + timedelta(minutes=30), end - ONE))
    day = kyiv_time(later.published_at)
    assert counts()[f"{day:%Y-%m}"][-1] == [day.day, 2]
    index = client.get("/sitemap.xml").content.decode()
    lastmod = timezone.localtime(shown.published_at).isoformat()
    assert f"<lastmod>{lastmod}</lastmod>" in index  # not the later story's time


def test_the_generator_counts_what_a_recount_counts(newsroom):
    make_article(edition="en", published_at=timezone.now() - timedelta(days=2))
    generate_archive(articles=300, days=90, search_index=False)
    generated = {edition: counts(edition) for edition in ("uk", "ru", "en")}
    assert sum(n for month in generated["uk"].values() for _, n in month) > 50
    MonthCount.objects.all().delete()
    recount_days(
        (article.locale.language_code, kyiv_time(article.published_at).date())
        for article in Article.objects.filter(live=True).select_related("locale")
    )
    assert {edition: counts(edition) for edition in ("uk", "ru", "en")} == generated


def test_a_month_knows_its_sitemap_pages_and_the_migration_counts_them(newsroom, monkeypatch):
    """The index reads a month's number of pages from its row: kept by recount_days(),
    and counted for the rows there were by the migration that added it, as
    sitemap_pages() cuts them."""
    from importlib import import_module

    from django.apps import apps

    from shpalta.newsroom.models import counts

    migration = import_module("shpalta.newsroom.migrations.0019_month_count_pages")
    monkeypatch.setattr(counts, "MONTH_PAGE", migration.MONTH_PAGE)
    march = [datetime(2021, 3, day, 9, 0, tzinfo=KYIV) for day in (1, 1, 2, 9)]
    for moment in march:
        make_article(edition="en", published_at=moment)
    assert MonthCount.objects.get().pages == 1
    monkeypatch.setattr(counts, "MONTH_PAGE", 2)
    recount_days([("en", march[0].date())])
    row = MonthCount.objects.get()
    assert row.pages == 2  # days 1 and 2 cannot share a page of two; day 9 joins day 2
    assert counts.sitemap_pages([(1, 2), (2, 1), (9, 1), (10, 3), (11, 1)]) == [
        [1],
        [2, 9],
        [10],
        [11],
    ]
    MonthCount.objects.update(pages=0)  # as the migration finds the rows
    monkeypatch.setattr(migration, "MONTH_PAGE", 2)
    migration.count_pages(apps, None)
    assert MonthCount.objects.get().pages == 2


def test_a_cold_index_asks_as_many_queries_for_twenty_years_as_for_one(client, newsroom, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from shpalta.caching.local import forget_all
    from shpalta.caching.pages import store

    settings.PAGE_CACHE = False

    def cold_index_queries() -> int:
        store().clear()
        forget_all()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    for edition in ("en", "uk"):  # the editions with articles: one query each
        make_article(edition=edition, published_at=timezone.now() - timedelta(days=3))
    client.get("/sitemap.xml")  # the process's own names, read once
    one_year = cold_index_queries()
    for year in range(2006, 2026, 3):
        make_article(edition="en", published_at=datetime(year, 5, 1, 12, 0, tzinfo=KYIV))
        make_article(edition="uk", published_at=datetime(year, 11, 1, 12, 0, tzinfo=KYIV))
    assert cold_index_queries() == one_year
    index = client.get("/sitemap.xml").content.decode()
    assert index.count("/eng/sitemaps/") == 1 + 8  # the news sitemap, eight months
