"""The archive counted by day: how many live articles an edition has on each Kyiv day of
a month, and the newest one's time. The sitemaps cut a month into pages by these counts
and date its entries by the newest: read from here, the sitemap index of a million
articles reads a row a month instead of counting the articles (a day's count needs each
article's Kyiv time, which SQLite works out in Python, row by row), and a month's number
of pages from its row instead of its days."""

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from django.db import models, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from shpalta.editions.dates import kyiv_day_bounds

from .article import Article

# URLs per month sitemap page, in whole Kyiv days (the protocol allows 50,000; small
# pages stay cheap to make and to fetch at a million articles, where a month holds
# thousands). A day that alone holds more is a page of its own.
MONTH_PAGE = 500


class MonthCount(models.Model):
    """An edition's live articles of a Kyiv month, by day: `days` is JSON, a list of
    [day of the month, articles, the newest's ISO time] for each day that has any, in
    day order (a future time counted too: readers see it on its day). Kept in the
    transaction that publishes, moves, takes down or deletes an article (recount_days);
    a month with none has no row. `pages`: how many pages its sitemap has
    (sitemap_pages()), for the sitemap index, which lists them for every month."""

    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", editable=False
    )
    month = models.DateField(_("month"), help_text=_("Its first day."))
    days = models.TextField(_("articles by day"))
    newest = models.DateTimeField(_("newest publication time"))
    pages = models.PositiveIntegerField(_("sitemap pages"), default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "month"], name="monthcount_edition_month")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m}"


def sitemap_pages(days: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The Kyiv days of each page of a month's sitemap, from its (day, articles) in day
    order: whole days to a page, up to MONTH_PAGE articles (a day of more is a page
    alone)."""
    pages: list[list[int]] = []
    size = 0
    for day, number in days:
        if pages and size + number <= MONTH_PAGE:
            pages[-1].append(day)
            size += number
        else:
            pages.append([day])
            size = number
    return pages


def recount_days(days: Iterable[tuple[str, date]]) -> None:
    """Count again the live articles of each (edition code, Kyiv day) given, from the
    articles themselves (one indexed range a day; not live_between(), which stops at
    now), into its month's row. The row is locked first, so that two stories published
    at once on a day are both counted (the second counts after the first commits)."""
    locales = dict(Locale.objects.values_list("language_code", "pk"))
    by_month = defaultdict(set)
    for code, day in days:
        by_month[locales[code], day.replace(day=1)].add(day)
    for (locale_id, month), changed in sorted(by_month.items()):
        with transaction.atomic():
            row = (
                MonthCount.objects.select_for_update().filter(locale=locale_id, month=month).first()
            )
            kept = {day: (n, newest) for day, n, newest in json.loads(row.days)} if row else {}
            for day in changed:
                start, end = kyiv_day_bounds(day)
                found = Article.objects.filter(
                    locale_id=locale_id, live=True, published_at__gte=start, published_at__lt=end
                ).aggregate(n=Count("*"), newest=Max("published_at"))
                if found["n"]:
                    kept[day.day] = (found["n"], found["newest"].isoformat())
                else:
                    kept.pop(day.day, None)
            if not kept:
                MonthCount.objects.filter(locale=locale_id, month=month).delete()
                continue
            entries = [[day, n, newest] for day, (n, newest) in sorted(kept.items())]
            newest = max(datetime.fromisoformat(entry[2]) for entry in entries)
            pages = len(sitemap_pages((day, n) for day, n, _ in entries))
            MonthCount.objects.update_or_create(
                locale_id=locale_id,
                month=month,
                defaults={"days": json.dumps(entries), "newest": newest, "pages": pages},
            )
