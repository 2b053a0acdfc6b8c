"""The article page, put together from kept parts."""

import json
from datetime import datetime, timedelta
from functools import cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragment, cached_fragments
from shpalta.editions.switch import switch_html
from shpalta.newsroom.models import Article, Kind
from shpalta.newsroom.models.article import Prepared, live_story
from shpalta.syndication.links import absolute
from shpalta.syndication.metadata import describe_article, page_head

from .. import assembly
from ..body import article_body, article_more, article_title
from ..lines import story_card
from .common import (
    article_editions,
    background_links,
    edition_switch,
    front_page_links,
    headlines,
    recent_news,
    shell_fragment,
)
from .front import TOP_STORIES, choose_top_stories
from .lite import lite_address

RELATED = 3
# The newest other stories of a tag in the edition: compiled once (a cold article page
# runs it once).
_related = Prepared(
    lambda code, tag, story: (
        Article.objects.listed("tag_links", tag, code).exclude(pk=story).values_list("pk")[:RELATED]
    )
)


def article_page(request: HttpRequest, kind: str, year: str, month: str, day: str, story: str):
    """The article, put together from kept parts: the edition's chrome, the article's own
    parts (title, head, edition switch, text), the blocks under it (related stories, top
    stories) and the recent-news column. Each is kept under the keys of what it shows,
    so an uncached request costs one indexed lookup and one read of the store."""
    code = request.edition.code
    pk, published_at, moved = _story_at(request, story)
    if moved:
        return moved

    @cache
    def article() -> Article:
        return Article.objects.for_page(pk, renditions=True)

    recent_key, render_recent = recent_news(request)
    parts_key, more_key = keys.article_parts_fragment(pk), keys.article_more_fragment(pk)
    kept = cached_fragments(
        request,
        dict(
            [
                shell_fragment(request),
                (parts_key, lambda: _article_parts(request, article())),
                (more_key, lambda: _article_more(request, article())),
                (recent_key, render_recent),
            ]
        ),
        unkept=() if _parts_kept(published_at) else (parts_key, more_key),
    )
    title, head, switch, text, after_text, aside, after_aside = kept[parts_key].split(assembly.SLOT)
    parts = [
        title,
        head,
        switch,
        text + kept[more_key] + after_text,
        aside + kept[recent_key] + after_aside,
    ]
    cache_tags.add(request, keys.ALL, keys.article(pk))
    shell = kept[keys.shell_fragment(code)].split(assembly.SLOT)
    return HttpResponse(assembly.assemble(shell, parts))


def _story_at(request: HttpRequest, story: str, *, kind: str = "", address=str):
    """(pk, published_at, None) of the live story with this number in the request's
    edition (and of `kind`, if given), or (pk, published_at, a permanent redirect) when
    the date or kind in the path is wrong (an old link, a retyped URL); 404 when there is
    none. `address` makes the path expected from the story's own address."""
    code = request.edition.code
    found = live_story(code, int(story))
    if found is None or (kind and found[1] != kind):
        raise Http404(_("There is no published article with this number in this edition."))
    pk, story_kind, published_at = found
    canonical = address(Article.address(code, story_kind, published_at, int(story)))
    moved = redirect(canonical, permanent=True) if request.path != canonical else None
    return pk, published_at, moved


def _parts_kept(published_at: datetime) -> bool:
    """Whether an article page keeps its own parts (settings.ARTICLE_PARTS_DAYS)."""
    return timezone.now() - published_at <= timedelta(days=settings.ARTICLE_PARTS_DAYS)


def _article_parts(request: HttpRequest, article: Article) -> tuple[str, set[str]]:
    """The article's own parts, with a slot mark where the blocks under it and the
    recent-news column go. They change when the article, one of its other editions (the
    edition switch) or an article its Background links to does."""
    editions = article_editions(article)
    head = describe_article(page_head(request, alternates=editions), article)
    head.lite = absolute(lite_address(article.get_absolute_url()))
    head.lite_title = _("Lite edition")
    context = {
        "request": request,
        "article": article,
        "updates_url": live_updates_address(article.get_absolute_url()),
        "live_poll_seconds": settings.LIVE_POLL_SECONDS,
    }
    # reader/assembly.PARTS, written here rather than by article.html through slots.html
    # (the template engine's work on a cold page was as much as the text's): the blocks
    # under the text and the recent-news column are slot marks, filled from their own
    # fragments.
    parts = [
        article_title(article),
        head.html(),
        switch_html(edition_switch(request, {**front_page_links(), **editions})),
        "\n" + article_body(context) + assembly.SLOT,
        assembly.SLOT,
    ]
    html = assembly.SLOT.join(parts)
    return html, {keys.ALL, *keys.articles([article.pk, *background_links(article)])}


def _article_more(request: HttpRequest, article: Article) -> tuple[str, set[str]]:
    """The blocks under an article: more on its first tag (the tag's lines, kept per
    article), and the edition's top stories (kept once for the edition: top_cards)."""
    code = request.edition.code
    tags = article.ordered_tags()
    related_tag = tags[0] if tags else None
    related: list[int] = []
    related_lines = []
    if related_tag:
        related = [pk for (pk,) in _related(code, related_tag.pk, article.pk)]
        related_lines = headlines(request, related)
    cards = top_cards(request)
    top = [(pk, card) for pk, card in cards if pk != article.pk][:TOP_STORIES]
    html = article_more(related_tag, related_lines, [card for _, card in top])
    shown = {keys.ALL, keys.top(code), *keys.articles([*related, *(pk for pk, _ in top)])}
    if related_tag:
        shown.add(keys.tag(code, related_tag.pk))
    return html, shown


def top_cards(request: HttpRequest) -> list[tuple[int, SafeString]]:
    """The edition's top stories as cards, one more than a page shows (an article's own
    card is left out under it): kept as one fragment until the editors' choice or the
    long reads change (keys.top), so that a cold article page does not choose them."""
    code = request.edition.code

    def render():
        chosen = choose_top_stories(request, limit=TOP_STORIES + 1)
        cards = [[story.pk, story_card(story)] for story in chosen]
        return json.dumps(cards), {keys.ALL, keys.top(code), *keys.articles(s.pk for s in chosen)}

    kept = cached_fragment(request, keys.top_cards_fragment(code), render)
    return [(pk, mark_safe(card)) for pk, card in json.loads(kept)]  # noqa: S308  (ours)


LIVE_UPDATES = 30  # the latest updates a live blog's page asks for


def live_updates_address(article_address: str) -> str:
    return f"{article_address}updates/"


def live_updates(request: HttpRequest, year: str, month: str, day: str, story: str):
    """A live blog's latest updates, for its readers' pages to ask every few seconds:
    kept by the caches like a page, under the blog's key, until an update changes."""
    pk, _published_at, moved = _story_at(
        request, story, kind=Kind.LIVE, address=live_updates_address
    )
    if moved:
        return moved
    article = Article.objects.only("pk", "kind", "coverage_ended_at").get(pk=pk)
    entries = article.live_entries.select_related("author")[:LIVE_UPDATES]
    cache_tags.add(request, keys.article(pk))
    return HttpResponse(
        render_to_string(
            "reader/includes/live_updates.html",
            {"article": article, "entries": entries},
            request=request,
        )
    )
