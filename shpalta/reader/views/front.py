"""The front page: the editors' top stories, the stream of the latest, and the column
of sections."""

from datetime import timedelta

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragment
from shpalta.editions.dates import kyiv_today
from shpalta.newsroom.models import Article, Kind, Section, TopStory
from shpalta.newsroom.models.article import Prepared, lines_by_id
from shpalta.syndication.metadata import organization, page_head

from ..lines import headline_line, story_card
from .common import PER_PAGE, front_page_links, headlines, live_in_edition, render_page

TOP_STORIES = 4
SECTION_BLOCK_ITEMS = 3
SECTION_BLOCK_WINDOW = timedelta(days=7)


def front_page(request: HttpRequest) -> HttpResponse:
    live = live_in_edition(request).newest_first()
    top = choose_top_stories(request)
    stream = live.exclude(pk__in=[article.pk for article in top])[:PER_PAGE]
    links = front_page_links()
    code = request.edition.code
    cache_tags.add(request, keys.front(code), keys.top(code))
    cache_tags.add_articles(request, top)
    head = page_head(request, alternates=links)
    head.description = _("News of Ukraine and the world, as it happens.")
    head.structured_data = [organization()]
    return render_page(
        request,
        "reader/front.html",
        {
            "top_cards": [story_card(story, with_summary=True) for story in top],
            "headlines": headlines(request, stream),
            "section_blocks_html": cached_fragment(request, *_section_blocks(request)),
        },
        links,
        head=head,
    )


# The editors' choice (its stories live in the edition), and the latest long reads but
# those: compiled once (the article page's top stories and the front pages run them).
_chosen = Prepared(
    lambda code: (
        TopStory.objects.filter(
            front_page__locale__language_code=code,
            article__in=Article.objects.live().in_edition(code),
        )
        .order_by("sort_order")
        .values_list("article_id")
    )
)
_long_reads = Prepared(
    lambda code, *leave_out: (
        Article.objects.live()
        .in_edition(code)
        .exclude(kind=Kind.NEWS)
        .exclude(pk__in=leave_out)
        .newest_first()
        .values_list("pk")[: TOP_STORIES + 1]
    )
)


def choose_top_stories(request: HttpRequest, limit: int = TOP_STORIES) -> list[Article]:
    """The editors' choice in their order, then the latest long reads up to `limit` (at
    most TOP_STORIES + 1: the article page's, which leaves the article's own out), as
    lines_by_id() reads them (no text)."""
    if limit > TOP_STORIES + 1:
        raise ValueError(f"choose_top_stories() chooses at most {TOP_STORIES + 1} stories")
    code = request.edition.code
    chosen = [pk for (pk,) in _chosen(code)]
    top = chosen[:limit]
    if len(top) < limit:
        top += [pk for (pk,) in _long_reads(code, *chosen)][: limit - len(top)]
    stories = lines_by_id(top)
    return [stories[pk] for pk in top if pk in stories]


def _section_blocks(request: HttpRequest):
    """The front page's column of sections, each with its latest few stories of the last
    week: its fragment's key and how to render it. One query over the week; kept until
    a story goes live in (or leaves) one of the edition's sections."""
    code = request.edition.code
    today = kyiv_today()

    def render():
        recent = (
            live_in_edition(request)
            .filter(published_at__gte=timezone.now() - SECTION_BLOCK_WINDOW)
            .annotate(
                rank=Window(
                    RowNumber(), partition_by=F("section_id"), order_by=F("published_at").desc()
                )
            )
            .filter(rank__lte=SECTION_BLOCK_ITEMS)
            .for_listing()
            .order_by("section_id", "rank")
        )
        by_section: dict[int, list[Article]] = {}
        for article in recent:
            by_section.setdefault(article.section_id, []).append(article)
        sections = list(Section.objects.all())
        blocks = [
            (section, [headline_line(article, today) for article in by_section[section.pk]])
            for section in sections
            if section.pk in by_section
        ]
        html = render_to_string(
            "reader/includes/section_blocks.html",
            {"section_blocks": blocks},
            request=request,
        )
        shown = {keys.ALL, *(keys.section(code, section.pk) for section in sections)}
        return html, shown | keys.articles(article.pk for article in recent)

    return keys.section_blocks_fragment(code, today), render
