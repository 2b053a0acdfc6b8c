"""Sitemaps: an index, one sitemap per edition and Kyiv month of the archive, a Google
News sitemap per edition, and robots.txt.

An archive of millions of articles is cut by month, and a month into pages of whole Kyiv
days of about newsroom's MONTH_PAGE URLs (?p=2…; the index lists every page). Each URL
names the other editions of its story (hreflang) and x-default, the main edition's
version. Sitemaps are written out directly rather than through Django's sitemaps
framework and its templates (thousands of URLs through the template engine cost more
than the queries, bench/RESULTS.md). A month's articles per day (where its pages are
cut) and its number of pages (the index's entries) are read from the archive's counts
(newsroom's MonthCount, kept by the publishing transaction), the rest from kept
fragments:
- a year of the index's entries and, for its sitemap's pages, a month's, purged with
  the month (keys.month: a story goes live in it, leaves it or moves; the year's
  entries by keys.year, purged with each of its months), and the editions' first
  years, purged with the index;
- each day's <url>s (oldest first for a month page; newest first, with publication
  times, for the news sitemap to cut at 48 hours), purged with the day and with each
  of its articles.
A page of a month that holds thousands of stories thus costs about what a sparse
month's does, and a story going live remakes its day and its year alone. A document
is put together from its kept days as bytes, and its ETag from their digests. A page is
filed under its month's or its news key, never under its articles' keys: hundreds of
them would overflow the header a cache reads (newsroom.purges purges those keys
on every change of the page's stories, their other editions' included)."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from html import escape

from django.conf import settings
from django.db.models import Case, Count, Max, Q, TextField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import Encoded, cached_encoded_fragments, cached_fragments
from shpalta.caching.keys import release
from shpalta.caching.pages import page_number
from shpalta.editions.dates import kyiv_day_bounds, kyiv_iso, kyiv_time, kyiv_today
from shpalta.editions.registry import DEFAULT_EDITION, EDITIONS
from shpalta.newsroom.models import Article, MonthCount, sitemap_pages
from shpalta.newsroom.models.article import Prepared, edition_locale

from .links import absolute

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs of the last two days
FIRST_MONTH = date(2000, 1, 1)
# A month's counts and a day's URLs change only by the events that purge them.
KEPT_SECONDS = 86_400
_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _parse_month(year: str, month: str) -> tuple[int, int]:
    asked = (int(year), int(month))  # compared as numbers: year 0000 is no date
    today = kyiv_today()
    first, last = (FIRST_MONTH.year, FIRST_MONTH.month), (today.year, today.month)
    if not 1 <= asked[1] <= 12 or not first <= asked <= last:
        raise Http404("There is no sitemap for that month.")
    return asked


def _xml_response(parts: Iterable[bytes | Encoded]) -> HttpResponse:
    """The document of these parts: our own bytes, and kept fragments or a fragment's
    first bytes. Its ETag is made of the fragments' digests (made once, when each was
    kept) and lengths and of our bytes, not of the whole (hundreds of kilobytes)."""
    digest, chunks = hashlib.sha256(release().encode()), []
    for part in parts:
        if isinstance(part, Encoded):
            digest.update(f"{part.etag}:{len(part.body)}".encode())
            chunks.append(part.body)
        else:
            digest.update(part)
            chunks.append(part)
    response = HttpResponse(b"".join(chunks), content_type="application/xml")
    response["ETag"] = f'"{digest.hexdigest()[:32]}"'
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


_COLUMNS = ("pk", "translation_key", "kind", "story_number", "published_at", "updated_at")


@dataclass(frozen=True)
class Month:
    """A month of an edition as its sitemaps see it: the Kyiv days of each of its pages,
    and its newest publication time (ISO 8601, "" when it has none)."""

    pages: list[list[int]]
    newest: str


def _month(code: str, year: int, month: int) -> Month:
    """The Month of the edition's (year, month), from the archive's counts by day
    (MonthCount)."""
    row = (
        MonthCount.objects.filter(locale_id=edition_locale(code), month=date(year, month, 1))
        .values_list("days", "newest")
        .first()
    )
    return _month_of(code, year, month, row)


def _month_of(
    code: str,
    year: int,
    month: int,
    row: tuple[str, datetime] | None,
    today_live: tuple[int, datetime | None] | None = None,
) -> Month:
    """The Month of the edition's (year, month) from its MonthCount's days and newest
    time (None: it has no row); today from its live articles instead (a time later
    today is not shown): their number and newest time, read here unless given
    (`today_live`)."""
    today = kyiv_today()
    this_month = (year, month) == (today.year, today.month)
    entries, newest = (json.loads(row[0]), row[1]) if row else ([], None)
    if this_month:
        entries = [entry for entry in entries if entry[0] < today.day]
        newest = max((datetime.fromisoformat(e[2]) for e in entries), default=None)
    days = [(day, n) for day, n, _ in entries]
    if this_month:
        if today_live is None:
            today_live = _today_live([code], today).get(code, (0, None))
        count, latest = today_live
        if count:
            newest = max(newest or latest, latest)
            days.append((today.day, count))
    return Month(sitemap_pages(days), kyiv_iso(newest))


def _today_live(codes: list[str], today: date) -> dict[str, tuple[int, datetime]]:
    """The number and newest publication time of `today`'s live articles in each of
    these editions that has any, by edition code: one query, grouped by edition."""
    rows = (
        Article.objects.live_between(*kyiv_day_bounds(today))
        .filter(locale__language_code__in=codes)
        .values_list("locale__language_code")
        .annotate(n=Count("*"), newest=Max("published_at"))
    )
    return {code: (n, newest) for code, n, newest in rows}


def _page_counts(asked: dict[str, list[tuple[int, int]]]) -> dict[tuple, tuple]:
    """(pages, newest publication time in ISO 8601) of each edition's (year, month)
    asked (by edition code), by (code, year, month), for the index: a past month's from
    its row's number of pages (a cold index of twenty years reads 240 rows an edition,
    and their days would be most of its work), this month's from its days and today's
    articles (_month_of()). One query of the editions' months, first to last, and one
    of today's articles by edition."""
    if not asked:
        return {}
    today = kyiv_today()
    this_month = (today.year, today.month)
    ranges = Q()
    for code, months in asked.items():
        ranges |= Q(
            locale_id=edition_locale(code),
            month__gte=date(*min(months), 1),
            month__lte=date(*max(months), 1),
        )
    rows = (
        MonthCount.objects.filter(ranges)
        .annotate(
            days_now=Case(
                When(month=date(*this_month, 1), then="days"),
                default=Value(""),
                output_field=TextField(),
            )
        )
        .values_list("locale__language_code", "month", "pages", "newest", "days_now")
    )
    found, this_rows = {}, {}
    for code, first, pages, newest, days in rows:
        if (first.year, first.month) == this_month:
            this_rows[code] = (days, newest)
        else:
            found[code, first.year, first.month] = (pages, kyiv_iso(newest))
    now = [code for code, months in asked.items() if this_month in months]
    if now:
        today_live = _today_live(now, today)
        for code in now:
            counted = _month_of(
                code, *this_month, this_rows.get(code), today_live.get(code, (0, None))
            )
            found[code, *this_month] = (len(counted.pages), counted.newest)
    return {
        (code, *month): found.get((code, *month), (0, ""))
        for code, months in asked.items()
        for month in months
    }


def _kept_month(request: HttpRequest, code: str, year: int, month: int) -> Month:
    """A Month for its sitemap's pages, kept as a fragment until a story goes live in
    it, leaves it or moves (its keys.month): a page read warm reads the store alone."""
    name = keys.sitemap_month_fragment(code, year, month)

    def render():
        counted = _month(code, year, month)
        return json.dumps(asdict(counted)), {keys.ALL, keys.month(code, year, month)}

    kept = cached_fragments(request, {name: render}, seconds=KEPT_SECONDS, inherit=False)
    return Month(**json.loads(kept[name]))


def month_sitemap(request: HttpRequest, year: str, month: str) -> HttpResponse:
    """One page of the edition's articles of a Kyiv month, oldest first, each with its
    last change and the addresses of its other editions. A page is made of whole days,
    each kept as a fragment, so that a page of a dense month costs what a sparse one
    does, and a story going live remakes one day."""
    code = request.edition.code
    number = page_number(request.GET.get("p", "1"))
    if number is None:
        raise Http404("There is no such sitemap page.")
    year_number, month_number = _parse_month(year, month)
    counted = _kept_month(request, code, year_number, month_number)
    if number > max(len(counted.pages), 1):
        raise Http404("There is no such sitemap page.")
    days = (
        [date(year_number, month_number, day) for day in counted.pages[number - 1]]
        if counted.pages
        else []
    )
    renders, prepare = _day_renders(code, days)
    # The page is filed under its month alone: the month key is purged by every change of
    # its stories, and hundreds of article keys would not fit a cache's header.
    kept = cached_encoded_fragments(
        request, renders, seconds=KEPT_SECONDS, inherit=False, prepare=prepare
    )
    cache_tags.add(request, keys.ALL, keys.month(code, year_number, month_number))
    return _xml_response(_urlset(kept[key] for key in renders))


def _day_renders(code: str, days: list[date], news: bool = False):
    """The renders of the <url>s of the edition's articles of each of these Kyiv days,
    by fragment key, and a `prepare` that reads the days not kept together (one query of
    their articles, one of their stories' other editions) rather than two a day."""
    by_key = {keys.sitemap_day_fragment(code, day, news=news): day for day in days}
    read: dict[date, tuple[str, set[str]]] = {}

    def prepare(missing: list[str]) -> None:
        read.update(_days_urls(code, [by_key[key] for key in missing], news))

    def render_of(day: date):
        def render():
            if day not in read:
                read.update(_days_urls(code, [day], news))
            return read[day]

        return render

    return {key: render_of(day) for key, day in by_key.items()}, prepare


def _days_urls(code: str, days: list[date], news: bool) -> dict[date, tuple[str, set[str]]]:
    """The <url>s of the edition's articles of each of these Kyiv days, filed under the
    day's key and each article's (an edit changes its <lastmod> or title, a story's other
    edition going live its alternates). Oldest first, for a month sitemap; for the news
    sitemap newest first, after a line of JSON that gives each <url>'s publication time
    in microseconds and the byte where it starts ([[time, start], …]), for the window to
    cut. One query reads the days' stories in every edition: the edition's articles of
    the days are those of its language (one a story), the rest their alternates."""
    on_days = (
        Article.objects.in_edition(code)
        .live_between(kyiv_day_bounds(min(days))[0], kyiv_day_bounds(max(days))[1])
        .values("translation_key")
    )
    stories = list(
        Article.objects.live()
        .filter(translation_key__in=on_days)
        .values_list("locale__language_code", *_COLUMNS, *(["headline"] if news else []))
    )
    rows = sorted(
        (story[1:] for story in stories if story[0] == code),
        key=lambda row: (row[4], row[0]),
        reverse=news,
    )
    urls = _urls(code, rows, stories, publication=settings.PUBLISHER_NAME if news else "")
    by_day: dict[date, list[tuple]] = {day: [] for day in days}
    for row in rows:
        shown_on = by_day.get(kyiv_time(row[4]).date())
        if shown_on is not None:  # not a day between them that is kept
            shown_on.append(row)
    found = {}
    for day, on_day in by_day.items():
        shown = {keys.ALL, keys.day(code, day), *keys.articles(row[0] for row in on_day)}
        if not news:
            found[day] = "".join(urls[row[0]] for row in on_day), shown
            continue
        starts, at = [], 0
        for row in on_day:
            starts.append((_microseconds(row[4]), at))
            at += len(urls[row[0]].encode())
        found[day] = json.dumps(starts) + "\n" + "".join(urls[row[0]] for row in on_day), shown
    return found


def _microseconds(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News: the edition's articles of the last two days, newest first, with their
    publication (name, language), publication time and title: the <url>s of the Kyiv
    days the window touches, kept per day; only the oldest day is cut, at the window's
    start (or a day at NEWS_LIMIT)."""
    code = request.edition.code
    now = timezone.now()
    since = now - NEWS_WINDOW
    today, first = kyiv_today(), kyiv_time(since).date()
    days = [today - timedelta(days=back) for back in range((today - first).days + 1)]
    renders, prepare = _day_renders(code, days, news=True)
    kept = cached_encoded_fragments(  # filed as a month is
        request, renders, seconds=KEPT_SECONDS, inherit=False, prepare=prepare
    )
    cutoff, room, parts = _microseconds(since), NEWS_LIMIT, []
    for day, key in zip(days, renders, strict=True):  # newest day first
        index, _, urls = kept[key].body.partition(b"\n")
        etag = kept[key].etag
        starts = json.loads(index)
        if kyiv_day_bounds(day)[0] >= since and len(starts) <= room:  # the whole day
            parts.append(Encoded(urls, etag))
            room -= len(starts)
            continue
        taken = min(room, sum(1 for published, _ in starts if published >= cutoff))
        parts.append(Encoded(urls[: starts[taken][1]] if taken < len(starts) else urls, etag))
        room -= taken
        if not room:
            break
    cache_tags.add(request, keys.ALL, keys.news(code))
    return _xml_response(_urlset(parts, news=True))


def _urlset(urls: Iterable[Encoded], news: bool = False) -> list[bytes | Encoded]:
    namespace = b' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else b""
    return [
        _XML,
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' + namespace,
        b' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
        *urls,
        b"</urlset>\n",
    ]


def _urls(code: str, rows: list[tuple], stories: list[tuple], publication: str = "") -> dict:
    """The <url> of each of these articles (rows of _COLUMNS, and the headline for a news
    sitemap) of edition `code`, by id, in the rows' order, each naming its story's other
    editions (`stories`: each edition's row of the stories, led by its language); a
    news sitemap's when `publication` is given. Written out directly: thousands of URLs
    through the template engine cost more than the queries."""
    editions: dict = {}
    for language, _, key, kind, story, published_at, *_ in stories:  # escaped once, used twice
        editions.setdefault(key, {})[language] = escape(
            absolute(Article.address(language, kind, published_at, story))
        )
    urls = {}
    for pk, key, _, _, published_at, updated_at, *headline in rows:
        versions = editions[key]
        location = versions[code]
        lines = [f"<url><loc>{location}</loc>"]
        if publication:
            lines.append(
                f"<news:news><news:publication><news:name>{escape(publication)}</news:name>"
                f"<news:language>{code}</news:language></news:publication>"
                "<news:publication_date>"
                f"{kyiv_iso(published_at)}</news:publication_date>"
                f"<news:title>{escape(headline[0])}</news:title></news:news>"
            )
        else:
            modified = kyiv_iso(Article.modified(published_at, updated_at))
            lines.append(f"<lastmod>{modified}</lastmod>")
        if len(versions) > 1:  # a story in one edition has no alternates to name
            for edition in EDITIONS:
                if edition.code in versions:
                    lines.append(_alternate(edition.code, versions[edition.code]))
            lines.append(_alternate("x-default", versions.get(DEFAULT_EDITION.code, location)))
        lines.append("</url>\n")
        urls[pk] = "".join(lines)
    return urls


def _alternate(language: str, location: str) -> str:
    """An alternate version's link; `location` escaped."""
    return f'<xhtml:link rel="alternate" hreflang="{language}" href="{location}"/>'


# The publication time of an edition's first live article, compiled once (a cold index
# runs it for each edition).
_first_live = Prepared(
    lambda code: (
        Article.objects.in_edition(code)
        .live()
        .order_by("published_at")
        .values_list("published_at")[:1]
    )
)


def _first_years(request: HttpRequest) -> dict[str, int]:
    """The Kyiv year of each edition's first live article (an edition with none left
    out), kept until a story goes live, is taken down or moves (keys.SITEMAPS, as the
    index)."""

    def render():
        years = {}
        for edition in EDITIONS:
            for (first,) in _first_live(edition.code):
                years[edition.code] = kyiv_time(first).year
        return json.dumps(years), {keys.ALL, keys.SITEMAPS}

    name = keys.SITEMAP_FIRST_YEARS_FRAGMENT
    return json.loads(cached_fragments(request, {name: render}, seconds=KEPT_SECONDS)[name])


def _year_entries(code: str, year: int, sample: str, counted: dict):
    """The render of the index's entries for the edition's pages of a year, from its
    months in `counted` (by (code, year, month): the index reads those of every year not
    kept at once, before any is rendered); filed under the year's key (purged with each
    of its months), so that a story going live remakes its year alone."""

    def render():
        lines = []
        for month in _index_months(year):
            url = escape(sample.replace("2000-01", f"{year:04d}-{month[1]:02d}"))
            pages, newest = counted[code, *month]
            for page in range(1, pages + 1):
                location = url if page == 1 else f"{url}?p={page}"
                lines.append(
                    f"<sitemap><loc>{location}</loc><lastmod>{newest}</lastmod></sitemap>\n"
                )
        return "".join(lines), {keys.ALL, keys.year(code, year)}

    return render


def _index_months(year: int) -> list[tuple[int, int]]:
    """The months of a year that the index lists: none after this one."""
    today = kyiv_today()
    return [(year, m) for m in range(1, 13) if (year, m) <= (today.year, today.month)]


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Each edition's news sitemap and every page of its month sitemaps, a year of
    entries kept as one fragment. The months of the years not kept are read together (a
    cold index: one query of every edition's months' numbers of pages, one of today's
    articles)."""
    cache_tags.add(request, keys.ALL, keys.SITEMAPS)
    first_years, this_year = _first_years(request), kyiv_today().year
    news, years, renders = {}, {}, {}
    counted: dict[tuple, tuple] = {}
    for edition in EDITIONS:
        code = edition.code
        with translation.override(code):
            news[code] = absolute(reverse("feeds:news_sitemap"))
            sample = absolute(reverse("feeds:month_sitemap", args=["2000", "01"]))
        for year in range(first_years.get(code, this_year + 1), this_year + 1):
            name = keys.sitemap_year_fragment(code, year)
            years[name] = code, year
            renders[name] = _year_entries(code, year, sample, counted)

    def count(missing: list[str]) -> None:
        asked: dict[str, list[tuple[int, int]]] = {}
        for name in missing:
            code, year = years[name]
            asked.setdefault(code, []).extend(_index_months(year))
        counted.update(_page_counts(asked))

    kept = cached_encoded_fragments(
        request, renders, seconds=KEPT_SECONDS, inherit=False, prepare=count
    )
    lines = [_XML, b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for edition in EDITIONS:
        lines.append(f"<sitemap><loc>{escape(news[edition.code])}</loc></sitemap>\n".encode())
        lines.extend(kept[name] for name, (code, _) in years.items() if code == edition.code)
    lines.append(b"</sitemapindex>\n")
    return _xml_response(lines)


def robots_txt(request: HttpRequest) -> HttpResponse:
    cache_tags.add(request, keys.ALL)
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {absolute('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
