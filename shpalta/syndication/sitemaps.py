"""Sitemaps: an index, one sitemap per edition and Kyiv month of the archive, a Google
News sitemap per edition, and robots.txt.

An archive of millions of articles is cut by month, and a month into pages of
MONTH_PAGE URLs (?p=2…; the index lists every page), so that each sitemap is one indexed
range query (article_edition_stream) and a small document. Each URL names the other
editions of its story (hreflang) and x-default, the main edition's version. Sitemaps
are written out directly rather than through Django's sitemaps framework and its
templates (thousands of URLs through the template engine cost more than the queries,
bench/RESULTS.md); each month's count is kept as a fragment, purged
when a story goes live in it, leaves it or moves (its month-<ed>-<YYYY-MM> key).
"""

from datetime import date, datetime, timedelta
from html import escape
from math import ceil

from django.conf import settings
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragments
from shpalta.caching.pages import page_number
from shpalta.editions.dates import KYIV
from shpalta.editions.registry import DEFAULT_EDITION, EDITIONS, Edition
from shpalta.newsroom.models import Article

from .links import absolute

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs of the last two days
FIRST_MONTH = date(2000, 1, 1)
# URLs per month sitemap page (the protocol allows 50,000; small pages stay cheap to make
# and to fetch at a million articles, where a month holds thousands).
MONTH_PAGE = 500
# A month's count changes only by the events that purge it.
MONTH_COUNT_SECONDS = 86_400
_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=KYIV)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=KYIV)
    return start, end


def _parse_month(year: str, month: str) -> tuple[int, int]:
    number = int(month)
    today = timezone.localtime(timezone.now(), KYIV).date()
    if not 1 <= number <= 12 or not FIRST_MONTH <= date(int(year), number, 1) <= today:
        raise Http404("There is no sitemap for that month.")
    return int(year), number


def _xml_response(body: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


_COLUMNS = ("translation_key", "kind", "story_number", "published_at", "updated_at", "headline")


def month_sitemap(request: HttpRequest, year: str, month: str) -> HttpResponse:
    """One page of the edition's articles of a Kyiv month, oldest first, each with its
    last change and the addresses of its other editions."""
    code = request.edition.code
    page = page_number(request.GET.get("p", "1"))
    if page is None:
        raise Http404("There is no such sitemap page.")
    first = (page - 1) * MONTH_PAGE
    rows = list(
        Article.objects.in_edition(code)
        .live_between(*_month_bounds(*_parse_month(year, month)))
        .order_by("published_at", "id")
        .values_list(*_COLUMNS)[first : first + MONTH_PAGE]
    )
    if page > 1 and not rows:
        raise Http404("There is no such sitemap page.")
    cache_tags.add(request, "all", f"month-{code}-{year}-{month}")
    return _xml_response(_urlset(code, rows))


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News: the edition's articles of the last two days, newest first, with their
    publication (name, language), publication time and title."""
    code = request.edition.code
    rows = list(
        Article.objects.live()
        .in_edition(code)
        .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        .newest_first()
        .values_list(*_COLUMNS)[:NEWS_LIMIT]
    )
    cache_tags.add(request, "all", f"news-{code}")
    return _xml_response(_urlset(code, rows, publication=settings.PUBLISHER_NAME))


def _urlset(code: str, rows: list[tuple], publication: str = "") -> str:
    """A sitemap of these articles (rows of _COLUMNS) of edition `code`, each naming its
    story's other editions (read in one query); a news sitemap when `publication` is
    given. Written out directly: thousands of URLs through the template engine cost more
    than the queries."""
    editions: dict = {}
    siblings = (
        Article.objects.live()
        .filter(translation_key__in={row[0] for row in rows})
        .values_list(
            "translation_key", "locale__language_code", "kind", "story_number", "published_at"
        )
    )
    for key, language, kind, story, published_at in siblings:
        editions.setdefault(key, {})[language] = absolute(
            Article.address(language, kind, published_at, story)
        )
    news = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if publication else ""
    lines = [
        _XML,
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{news}'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
    ]
    for key, kind, story, published_at, updated_at, headline in rows:
        location = absolute(Article.address(code, kind, published_at, story))
        lines.append(f"<url><loc>{escape(location)}</loc>")
        if publication:
            lines.append(
                f"<news:news><news:publication><news:name>{escape(publication)}</news:name>"
                f"<news:language>{code}</news:language></news:publication>"
                "<news:publication_date>"
                f"{timezone.localtime(published_at).isoformat()}</news:publication_date>"
                f"<news:title>{escape(headline)}</news:title></news:news>"
            )
        else:
            modified = timezone.localtime(updated_at or published_at).isoformat()
            lines.append(f"<lastmod>{modified}</lastmod>")
        versions = editions.get(key, {})
        if len(versions) > 1:  # a story in one edition has no alternates to name
            for edition in EDITIONS:
                if edition.code in versions:
                    lines.append(_alternate(edition.code, versions[edition.code]))
            lines.append(_alternate("x-default", versions.get(DEFAULT_EDITION.code, location)))
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)


def _alternate(language: str, location: str) -> str:
    return f'<xhtml:link rel="alternate" hreflang="{language}" href="{escape(location)}"/>'


def _month_counts(request: HttpRequest, edition: Edition) -> list[tuple[int, int, int, str]]:
    """(year, month, articles, newest) for each month from the edition's first article to
    now that has articles. Each month is counted over the edition-stream index once and
    kept as a fragment until a story goes live in it, leaves it or moves."""
    code = edition.code
    articles = Article.objects.in_edition(code)
    first = articles.live().order_by("published_at").values_list("published_at", flat=True).first()
    if first is None:
        return []
    today = timezone.localtime(timezone.now(), KYIV).date()
    year, month = timezone.localtime(first, KYIV).year, timezone.localtime(first, KYIV).month
    months = []
    while (year, month) <= (today.year, today.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def count(year: int, month: int):
        def render():
            counts = articles.live_between(*_month_bounds(year, month)).aggregate(
                n=Count("id"), newest=Max("published_at")
            )
            newest = timezone.localtime(counts["newest"]).isoformat() if counts["n"] else ""
            return f"{counts['n']} {newest}", {"all", f"month-{code}-{year:04d}-{month:02d}"}

        return render

    kept = cached_fragments(
        request,
        {f"sitemap-count-{code}-{y:04d}-{m:02d}": count(y, m) for y, m in months},
        seconds=MONTH_COUNT_SECONDS,
        inherit=False,  # the index is filed under "sitemaps", purged with every count
    )
    counted = []
    for year, month in months:
        number, _, newest = kept[f"sitemap-count-{code}-{year:04d}-{month:02d}"].partition(" ")
        if int(number):
            counted.append((year, month, int(number), newest))
    return counted


def sitemap_index(request: HttpRequest) -> HttpResponse:
    cache_tags.add(request, "all", "sitemaps")
    lines = [_XML, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for edition in EDITIONS:
        with translation.override(edition.code):
            news = absolute(reverse("feeds:news_sitemap"))
            sample = absolute(reverse("feeds:month_sitemap", args=["2000", "01"]))
        lines.append(f"<sitemap><loc>{escape(news)}</loc></sitemap>\n")
        for year, month, number, newest in _month_counts(request, edition):
            url = escape(sample.replace("2000-01", f"{year:04d}-{month:02d}"))
            for page in range(1, ceil(number / MONTH_PAGE) + 1):
                location = url if page == 1 else f"{url}?p={page}"
                lines.append(
                    f"<sitemap><loc>{location}</loc><lastmod>{newest}</lastmod></sitemap>\n"
                )
    lines.append("</sitemapindex>\n")
    return _xml_response("".join(lines))


def robots_txt(request: HttpRequest) -> HttpResponse:
    cache_tags.add(request, "all")
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {absolute('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
