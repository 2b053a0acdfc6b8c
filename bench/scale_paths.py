"""Addresses of every page type, sampled from whatever archive the database holds (run by
bench/run.py through `manage.py shell`): the same choice at 10,000 and at 1,000,000
articles. Prints one JSON object: page type → list of paths."""

import json
import random
from datetime import timedelta

from django.db.models import Max, Min

from shpalta.editions.dates import kyiv_time, kyiv_today
from shpalta.editions.fields import in_edition
from shpalta.editions.registry import EDITIONS
from shpalta.newsroom.models import Article, ArticleTag, Author, Section

SAMPLE = 20
rng = random.Random(7)  # noqa: S311  (a repeatable sample, not a secret)
live = Article.objects.live().select_related("locale")
bounds = Article.objects.aggregate(low=Min("pk"), high=Max("pk"))


def some_articles() -> list[Article]:
    found = []
    while len(found) < SAMPLE:
        pick = live.filter(pk__gte=rng.randint(bounds["low"], bounds["high"])).first()
        if pick is not None:
            found.append(pick)
    return found


def code_prefix(code: str) -> str:
    return next(e for e in EDITIONS if e.code == code).prefix.rstrip("/")


def edition_path(code: str, path: str) -> str:
    head = code_prefix(code)
    return f"/{head}{path}" if head else path


articles = some_articles()
tags = []
for article in articles:
    link = ArticleTag.objects.filter(article=article).select_related("tag").first()
    if link is not None:
        code = article.locale.language_code
        tags.append((code, in_edition(link.tag, "slug", code)))
authors = list(Author.objects.order_by("?").values_list("slug", flat=True)[:SAMPLE])
sections = list(Section.objects.values_list("slug", flat=True))
today = kyiv_today()
# Past days within the archive (nineteen years back at most: the twenty-year archives'
# sample as before; a denser archive of a few weeks, its own days).
first = Article.objects.aggregate(first=Min("published_at"))["first"]
span = (today - kyiv_time(first).date()).days if first else 2
days = [
    today - timedelta(days=rng.randint(1, max(1, min(365 * 19, span - 1)))) for _ in range(SAMPLE)
]
codes = [edition.code for edition in EDITIONS]
paths = {
    "article": [article.get_absolute_url() for article in articles],
    "front page": [edition_path(code, "/") for code in codes],
    "All News, today": [edition_path(code, "/news/") for code in codes],
    "All News, a past day": [
        edition_path(rng.choice(codes), f"/news/{day:%Y/%m}/{day.day}/") for day in days
    ],
    "tag page": [edition_path(code, f"/tags/{slug}/") for code, slug in tags],
    "author page": [edition_path(rng.choice(codes), f"/authors/{slug}/") for slug in authors],
    "section page": [
        edition_path(code, f"/sections/{slug}/") for code in codes for slug in sections
    ],
    "RSS, edition and tag": [edition_path(code, "/rss/") for code in codes]
    + [edition_path(code, f"/tags/{slug}/rss/") for code, slug in tags],
    "sitemap index": ["/sitemap.xml"],
    "month sitemap": [
        edition_path(
            article.locale.language_code, f"/sitemaps/{kyiv_time(article.published_at):%Y-%m}.xml"
        )
        for article in articles
    ],
    "news sitemap": [edition_path(code, "/sitemaps/news.xml") for code in codes],
    "API list, an edition": [f"/api/v1/articles/?edition={code}" for code in codes],
    "API, by tag (all editions)": [f"/api/v1/articles/?tag={slug}" for _, slug in tags],
    "API, by section (all editions)": [f"/api/v1/articles/?section={slug}" for slug in sections],
    "API detail": [
        f"/api/v1/articles/{article.locale.language_code}/{article.story_number}/"
        for article in articles
    ],
}
print(json.dumps(paths))
