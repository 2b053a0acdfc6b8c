"""What every reader page shares: the edition's live articles, paging, the links to
the page in each edition, and rendering a page's own parts into the kept chrome."""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragment, cached_per_article
from shpalta.caching.pages import page_number
from shpalta.editions.addresses import address, address_in_each
from shpalta.editions.dates import kyiv_today
from shpalta.editions.registry import EDITIONS, Edition
from shpalta.newsroom.models import Article, Kind, Section
from shpalta.newsroom.models.article import KIND_URL_SEGMENTS, Prepared, lines_by_id
from shpalta.syndication.metadata import FeedLink, PageHead, page_head

from .. import assembly
from ..lines import headline_line

PER_PAGE = 30
RECENT_NEWS = 20
# The oldest day the archive can be asked for; earlier dates are not a valid address.
FIRST_DAY = date(2000, 1, 1)


def live_in_edition(request: HttpRequest):
    return Article.objects.live().in_edition(request.edition.code)


def paged(request: HttpRequest, queryset, per_page: int = PER_PAGE, count: int | None = None):
    """The page of a list that ?page= asks for; 404 for a page that is not there. `count`,
    when the caller has a cheaper way to it than counting the queryset."""
    number = page_number(request.GET.get("page", "1"))
    if number is None:
        raise Http404(_("There is no such page."))
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None


def headlines(request: HttpRequest, articles, day: date | None = None) -> list[SafeString]:
    """The lines of a list (reader.lines) of `articles`, a queryset or a list
    of ids, each kept per article and edition: a day of a dense archive costs nearly
    what a day of a sparse one does. A line gives its item's time, and its date too when
    that is not `day` (today unless All News of another day)."""
    if not isinstance(articles, list):
        articles = list(articles.values_list("pk", flat=True))
    day = day or kyiv_today()
    return cached_per_article(
        request,
        keys.headline_lines(request.edition.code, day),
        articles,
        lines_by_id,
        lambda article: headline_line(article, day),
    )


def archive_day(year: str | None, month: str | None, day: str | None) -> date:
    """The Kyiv day an All News address asks for (today without one); 404 for a day that
    is not a date or not in the archive."""
    today = kyiv_today()
    if year is None:
        return today
    try:
        shown = date(int(year), int(month), int(day))
    except ValueError:
        raise Http404(_("That is not a date.")) from None
    if not FIRST_DAY <= shown <= today:
        raise Http404(_("There is no news for that day."))
    return shown


def day_url(day: date, route: str = "reader:day") -> str:
    """The address of All News of a Kyiv day (`route`: its lite version's, reader:lite_day)."""
    return reverse(route, kwargs={"year": day.year, "month": f"{day.month:02d}", "day": day.day})


def background_links(article: Article) -> set[int]:
    """The articles an article's Background blocks link to: its page shows their state."""
    return {
        item["article"].pk
        for block in article.body
        if block.block_type == "background"
        for item in block.value
        if item["article"] is not None
    }


# A story's address in each edition, compiled once (a cold article page runs it once).
_editions = Prepared(
    lambda _all_editions, story: (
        Article.objects.live()
        .filter(
            translation_key=Subquery(Article.objects.filter(pk=story).values("translation_key")[:1])
        )
        .values_list("locale__language_code", "kind", "published_at", "story_number")
    )
)


def article_editions(article: Article) -> dict[str, str]:
    """The story's address in each edition where it is published, in edition order (its
    page's and its lite page's edition links; elsewhere they lead to the front page)."""
    by_edition = {
        code: Article.address(code, kind, published_at, number)
        for code, kind, published_at, number in _editions("", article.pk)
    }
    return {
        edition.code: by_edition[edition.code] for edition in EDITIONS if edition.code in by_edition
    }


def in_each_edition(url: Callable[[Edition], str]) -> dict[str, str]:
    links = {}
    for edition in EDITIONS:
        with translation.override(edition.code):
            links[edition.code] = url(edition)
    return links


def front_page_links() -> dict[str, str]:
    return address_in_each("reader:front")


def chrome(request: HttpRequest) -> dict:
    """What the site's chrome shows: the menu and the outside links."""
    return {
        "menu_kinds": [
            (kind, address("reader:kind", segment))
            for kind, segment in KIND_URL_SEGMENTS.items()
            if kind != Kind.NEWS
        ],
        "menu_sections": Section.objects.all(),
        "social_url": settings.SOCIAL_URL,
        "offline_reading": settings.OFFLINE_READING,
    }


def shell_fragment(request: HttpRequest):
    """The kept fragment of the edition's chrome (reader.assembly)."""
    return keys.shell_fragment(request.edition.code), lambda: assembly.render_shell(
        request, chrome(request)
    )


def edition_switch(request: HttpRequest, links: dict[str, str]) -> list[dict]:
    return [
        {"edition": edition, "url": links[edition.code], "current": edition == request.edition}
        for edition in EDITIONS
    ]


def render_page(
    request: HttpRequest,
    template: str,
    context: dict,
    links: dict[str, str],
    status=200,
    *,
    head: PageHead | None = None,
    feeds: list[FeedLink] = (),
):
    """Render a reader page's own parts and put them into the edition's kept chrome:
    edition switch, recent news, and the head (canonical, hreflang, feeds, social
    cards). Unless `head` says otherwise the page exists in every edition, at `links`."""
    if head is None:
        head = page_head(request, alternates=links, feeds=feeds, title=context.get("title", ""))
    cache_tags.add(request, keys.ALL)
    own = {
        "edition_switch": edition_switch(request, links),
        # Rendered only by the pages that show it, and kept between requests.
        "recent_news_html": lambda: cached_fragment(request, *recent_news(request)),
        "support_url": settings.SUPPORT_URL,
        "newsroom_email": settings.DEFAULT_FROM_EMAIL,
        "head": head,
    }
    parts = assembly.render_parts(request, template, {**own, **context})
    shell = cached_fragment(request, *shell_fragment(request)).split(assembly.SLOT)
    return HttpResponse(assembly.assemble(shell, parts), status=status)


# The edition's newest stories, compiled once (the recent-news column is rendered anew
# each time a story goes live).
_newest = Prepared(
    lambda code: (
        Article.objects.live().in_edition(code).newest_first().values_list("pk")[:RECENT_NEWS]
    )
)


def recent_news(request: HttpRequest):
    """The recent-news column's fragment: its key and how to render it. Its lines are
    the kept lines of today's lists (headlines()): after a story goes live, only its
    own line is new."""
    code = request.edition.code

    today = kyiv_today()

    def render():
        recent = [pk for (pk,) in _newest(code)]
        html = render_to_string(
            "reader/includes/recent_news.html",
            {"recent_news": headlines(request, recent, today)},
            request=request,
        )
        return html, {keys.ALL, keys.stream(code), *keys.articles(recent)}

    return keys.recent_news_fragment(code, today), render
