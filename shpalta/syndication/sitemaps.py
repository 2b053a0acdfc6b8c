"""Sitemaps on Django's sitemaps framework: an index, one sitemap per edition and Kyiv
month of the archive, a Google News sitemap per edition, and robots.txt.

An archive of millions of articles is cut by month so that each sitemap is one indexed
range query (article_edition_stream) and stays far below the 50,000-URL limit; a month
that outgrows it is paged with ?p= and the index lists every page. Each URL names the
other editions of its story (hreflang) and x-default, the main edition's version.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from math import ceil
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation

from shpalta.caching import tags as cache_tags
from shpalta.editions.dates import KYIV
from shpalta.editions.registry import DEFAULT_EDITION, EDITIONS, Edition
from shpalta.newsroom.models import Article

from .links import absolute

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs of the last two days
FIRST_MONTH = date(2000, 1, 1)


@dataclass(frozen=True)
class _SiteURL:
    """What Sitemap.get_urls() wants of a Site: the domain, here always SITE_URL's."""

    domain: str


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=KYIV)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=KYIV)
    return start, end


class ArticleSitemap(Sitemap):
    """Live articles of one edition; subclasses choose which."""

    limit = 50_000

    def __init__(self, edition: Edition):
        self.edition = edition

    def live(self):
        return Article.objects.live().in_edition(self.edition.code)

    def location(self, article: Article) -> str:
        return article.get_absolute_url()

    def lastmod(self, article: Article) -> datetime:
        return article.updated_at or article.published_at

    def get_urls(self, page=1, site=None, protocol=None):
        # Always the public address (SITE_URL), never the Host a request came with.
        public = urlsplit(settings.SITE_URL)
        return super().get_urls(page, _SiteURL(public.netloc), public.scheme)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        keys = {url["item"].translation_key for url in urls}
        siblings: dict = {}
        for sibling in (
            Article.objects.live().filter(translation_key__in=keys).select_related("locale")
        ):
            siblings.setdefault(sibling.translation_key, {})[sibling.locale.language_code] = (
                absolute(sibling.get_absolute_url())
            )
        for url in urls:
            editions = siblings.get(url["item"].translation_key, {})
            if len(editions) < 2:
                continue  # a story in one edition has no alternates to name
            url["alternates"] = [
                {"lang_code": edition.code, "location": editions[edition.code]}
                for edition in EDITIONS
                if edition.code in editions
            ]
            default = editions.get(DEFAULT_EDITION.code) or url["location"]
            url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls


class MonthSitemap(ArticleSitemap):
    def __init__(self, edition: Edition, year: int, month: int):
        super().__init__(edition)
        self.start, self.end = _month_bounds(year, month)

    def items(self):
        return (
            Article.objects.in_edition(self.edition.code)
            .live_between(self.start, self.end)
            .select_related("locale")
            .order_by("published_at", "id")
            .only(
                "locale__language_code",
                "translation_key",
                "kind",
                "story_number",
                "published_at",
                "updated_at",
            )
        )


class NewsSitemap(ArticleSitemap):
    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            self.live()
            .filter(published_at__gte=since)
            .select_related("locale")
            .newest_first()[:NEWS_LIMIT]
        )


def _parse_month(year: str, month: str) -> tuple[int, int]:
    number = int(month)
    today = timezone.localtime(timezone.now(), KYIV).date()
    if not 1 <= number <= 12 or not FIRST_MONTH <= date(int(year), number, 1) <= today:
        raise Http404("There is no sitemap for that month.")
    return int(year), number


def month_sitemap(request: HttpRequest, year: str, month: str) -> HttpResponse:
    site = MonthSitemap(request.edition, *_parse_month(year, month))
    cache_tags.add(request, "all", f"month-{request.edition.code}-{year}-{month}")
    return sitemap(
        request, {"month": site}, section="month", template_name="syndication/sitemap.xml"
    )


def news_sitemap(request: HttpRequest) -> HttpResponse:
    cache_tags.add(request, "all", f"news-{request.edition.code}")
    response = sitemap(
        request,
        {"news": NewsSitemap(request.edition)},
        section="news",
        template_name="syndication/news_sitemap.xml",
    )
    response.context_data["publication_name"] = settings.PUBLISHER_NAME
    return response


@dataclass(frozen=True)
class IndexEntry:
    location: str
    last_mod: datetime | None = None


def _archive_months(edition: Edition) -> list[tuple[int, int, int, datetime | None]]:
    """(year, month, pages, newest) for each month from the edition's first article to
    now: one count per month over the edition-stream index. The index is kept in the
    page cache and purged (key `sitemaps`) when a story goes live, is taken down or
    moves in time, the only changes that alter these counts."""
    articles = Article.objects.in_edition(edition.code)
    first = articles.live().order_by("published_at").values_list("published_at", flat=True).first()
    months = []
    if first is not None:
        today = timezone.localtime(timezone.now(), KYIV).date()
        year, month = timezone.localtime(first, KYIV).year, timezone.localtime(first, KYIV).month
        while (year, month) <= (today.year, today.month):
            counts = articles.live_between(*_month_bounds(year, month)).aggregate(
                n=Count("id"), newest=Max("published_at")
            )
            if counts["n"]:
                months.append(
                    (year, month, ceil(counts["n"] / MonthSitemap.limit), counts["newest"])
                )
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def sitemap_index(request: HttpRequest) -> HttpResponse:
    cache_tags.add(request, "all", "sitemaps")
    entries = []
    for edition in EDITIONS:
        with translation.override(edition.code):
            entries.append(IndexEntry(absolute(reverse("feeds:news_sitemap"))))
            for year, month, pages, newest in _archive_months(edition):
                url = absolute(reverse("feeds:month_sitemap", args=[f"{year:04d}", f"{month:02d}"]))
                entries.append(IndexEntry(url, newest))
                entries += [IndexEntry(f"{url}?p={page}", newest) for page in range(2, pages + 1)]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    cache_tags.add(request, "all")
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {absolute('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
