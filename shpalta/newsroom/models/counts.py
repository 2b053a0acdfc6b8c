"""The archive counted by day: how many live articles an edition has on each Kyiv day of
a month, and the newest one's time. The sitemaps cut a month into pages by these counts
and date its entries by the newest: read from here, the sitemap index of a million
articles reads a row a month instead of counting the articles (a day's count needs each
article's Kyiv time, which SQLite works out in Python, row by row)."""

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


class MonthCount(models.Model):
    """An edition's live articles of a Kyiv month, by day: `days` is JSON, a list of
    [day of the month, articles, the newest's ISO time] for each day that has any, in
    day order (a future time counted too: readers see it on its day). Kept in the
    transaction that publishes, moves, takes down or deletes an article (recount_days);
    a month with none has no row."""

    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", editable=False
    )
    month = models.DateField(_("month"), help_text=_("Its first day."))
    days = models.TextField(_("articles by day"))
    newest = models.DateTimeField(_("newest publication time"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "month"], name="monthcount_edition_month")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m}"


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
            MonthCount.objects.update_or_create(
                locale_id=locale_id,
                month=month,
                defaults={"days": json.dumps(entries), "newest": newest},
            )
