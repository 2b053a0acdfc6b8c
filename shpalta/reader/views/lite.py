"""The lite edition (`/lite/`, `/rus/lite/`, `/eng/lite/`): the front page, All News by
day and every article as plain HTML for 2G in a shelter, old browsers and screen
readers. No images, scripts, web fonts or requests to anyone else; one small
stylesheet inline (allowed by its hash: reader.csp). A lite address is the full one with
`lite/` after the edition's prefix.

The pages are kept by the page cache under the same surrogate keys as their full
versions, so a publishing event purges both. They are rendered straight from one
template each: no chrome fragment, no recent-news column."""

import base64
import hashlib
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragment
from shpalta.caching.pages import page_number
from shpalta.editions.addresses import address_in_each
from shpalta.editions.dates import kyiv_day_bounds, kyiv_today
from shpalta.editions.registry import EDITIONS, edition_for_path
from shpalta.newsroom.models import Article
from shpalta.newsroom.models.article import live_story
from shpalta.syndication.links import absolute

from ..assembly import SLOT
from .common import (
    FIRST_DAY,
    archive_day,
    article_editions,
    background_links,
    day_url,
    in_each_edition,
    live_in_edition,
    paged,
)
from .front import choose_top_stories

PREFIX = "lite/"
LITE_DAY = "reader:lite_day"
# Lines of a list page: 20 headlines of the longest kind (255 letters, a label) and the
# page around them stay under 15 KB.
FRONT_ITEMS = 16  # after the four top stories
DAY_ITEMS = 20
# An article's text a lite page holds at most: with the headline, lead and the page
# around it a part stays under 15 KB.
PART_BYTES = 10_000
STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "reader" / "lite.css"


def lite_address(path: str) -> str:
    """The lite version of a full page's address (`/rus/news/…` → `/rus/lite/news/…`)."""
    edition = edition_for_path(path)
    return f"/{edition.prefix}{PREFIX}{path.removeprefix('/' + edition.prefix)}"


def full_address(path: str) -> str:
    """The full version of a lite page's address."""
    edition = edition_for_path(path)
    return "/" + edition.prefix + path.removeprefix(f"/{edition.prefix}{PREFIX}")


def is_lite(path: str) -> bool:
    return path.startswith(f"/{edition_for_path(path).prefix}{PREFIX}")


@cache
def style() -> tuple[str, str]:
    """The lite stylesheet's text, and its hash for the Content-Security-Policy."""
    text = STYLESHEET.read_text().strip()
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return text, f"'sha256-{digest}'"


def _render(request: HttpRequest, template: str, context: dict, status: int = 200):
    """A lite page: its own template with the edition links to the same page in each
    edition's lite version and the full version's address (the canonical one)."""
    # A 404 page is kept and answers every address that is not a page: no address in it.
    full = full_address(request.path) if status == 200 else reverse("reader:front")
    links = context.pop("links", None) or address_in_each("reader:lite_front")
    context = {
        "style": style()[0],
        "full_url": full,
        "canonical": absolute(full) if status == 200 else "",
        "edition_links": [
            {"edition": edition, "url": links[edition.code], "current": edition == request.edition}
            for edition in EDITIONS
            if edition.code in links
        ],
        **context,
    }
    cache_tags.add(request, keys.ALL)
    return HttpResponse(render_to_string(template, context, request=request), status=status)


def lite_front(request: HttpRequest) -> HttpResponse:
    code = request.edition.code
    live = live_in_edition(request).newest_first().for_listing()
    top = choose_top_stories(request)
    latest = list(live.exclude(pk__in=[article.pk for article in top])[:FRONT_ITEMS])
    cache_tags.add(request, keys.front(code), keys.top(code), keys.stream(code))
    cache_tags.add_articles(request, [*top, *latest])
    return _render(
        request,
        "reader/lite/front.html",
        {"top_stories": top, "latest": latest, "list_day": kyiv_today()},
    )


def lite_all_news(
    request: HttpRequest, year: str | None = None, month: str | None = None, day: str | None = None
) -> HttpResponse:
    """All News of one Kyiv day, today by default, in pages of DAY_ITEMS."""
    today = kyiv_today()
    shown = archive_day(year, month, day)
    start, end = kyiv_day_bounds(shown)
    page = paged(
        request,
        Article.objects.in_edition(request.edition.code)
        .live_between(start, end)
        .newest_first()
        .for_listing(),
        per_page=DAY_ITEMS,
    )
    cache_tags.add(request, keys.day(request.edition.code, shown))
    cache_tags.add_articles(request, page.object_list)
    links = in_each_edition(
        lambda edition: (
            reverse("reader:lite_all_news") if shown == today else day_url(shown, LITE_DAY)
        )
    )
    return _render(
        request,
        "reader/lite/all_news.html",
        {
            "day": shown,
            "is_today": shown == today,
            "list_day": shown,
            "page": page,
            "previous_day_url": day_url(shown - timedelta(days=1), LITE_DAY)
            if shown > FIRST_DAY
            else None,
            "next_day_url": day_url(shown + timedelta(days=1), LITE_DAY) if shown < today else None,
            "links": links,
        },
    )


def lite_article(request: HttpRequest, kind: str, year: str, month: str, day: str, story: str):
    code = request.edition.code
    found = live_story(code, int(story))
    if found is None:
        raise Http404(_("There is no published article with this number in this edition."))
    pk, article_kind, published_at = found
    canonical = lite_address(Article.address(code, article_kind, published_at, int(story)))
    if request.path != canonical:
        return redirect(canonical, permanent=True)
    article = Article.objects.for_page(pk)
    links = {
        **address_in_each("reader:lite_front"),
        **{code: lite_address(path) for code, path in article_editions(article).items()},
    }
    linked = background_links(article)

    # The blocks in one render, a slot mark after each, rather than a render each.
    blocks = render_to_string(
        "reader/lite/blocks.html", {"blocks": article.body, "slot": SLOT}, request=request
    ).split(SLOT)[:-1]
    parts = _parts([mark_safe(html.strip()) for html in blocks])  # noqa: S308  (ours)
    number = page_number(request.GET.get("page", "1"))
    if number is None or number > len(parts):
        raise Http404(_("There is no such page."))
    cache_tags.add(request, *keys.articles([pk, *linked]))
    return _render(
        request,
        "reader/lite/article.html",
        {
            "article": article,
            "links": links,
            "blocks": parts[number - 1],
            "part": number,
            "parts": len(parts),
        },
    )


def _parts(blocks: list[str]) -> list[list[str]]:
    """An article's blocks in parts of at most PART_BYTES each (a block longer than that
    is a part of its own), so that a long read is a few lite pages rather than one heavy
    one; always at least one part."""
    parts: list[list[str]] = [[]]
    size = 0
    for html in blocks:
        length = len(html.encode())
        if parts[-1] and size + length > PART_BYTES:
            parts.append([])
            size = 0
        parts[-1].append(html)
        size += length
    return parts


def lite_not_found(request: HttpRequest) -> HttpResponse:
    """The edition's lite 404 page, kept like the full one (reader.views.pages)."""

    def render():
        response = _render(request, "reader/lite/404.html", {}, status=404)
        return response.content.decode(), set(cache_tags.of_request(request))

    html = cached_fragment(request, keys.not_found_fragment(f"{request.edition.code}-lite"), render)
    return HttpResponse(html, status=404)
