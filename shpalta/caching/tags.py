"""Surrogate keys ("tags"): what a cached response shows, so that a change purges exactly
the responses that show it.

    all                 every response (taxonomy, ads, settings: rare edits)
    a<pk>               a response that shows article <pk> (its page, lists, feeds, API)
    stream-<ed>         the edition's latest items: the recent-news column on every page,
                        the front page's stream, the edition and partner feeds
    front-<ed>          the front page; top-<ed> the top-stories blocks
    day-<ed>-<date>     All News of one Kyiv day, and that day in its month's sitemap
    tag-<ed>-<id>, section-<ed>-<id>, author-<ed>-<id>, label-<ed>-<id>,
    kind-<ed>-<kind>, urgent-<ed>
                        a list and its feeds (a tag's also on pages whose related block it is)
    month-<ed>-<YYYY-MM>, news-<ed>, sitemaps
                        sitemaps of a month, of the last 48 hours, and the index
    api                 content API lists; info-<ed> Support and About
"""

from collections.abc import Iterable
from datetime import datetime

from django.http import HttpRequest

from shpalta.editions.dates import kyiv_time
from shpalta.newsroom.snapshots import ArticleSnapshot


def add(request: HttpRequest, *tags: str) -> None:
    """Mark the response to this request as cacheable, filed under these tags."""
    request.__dict__.setdefault("cache_tags", set()).update(tags)


def add_articles(request: HttpRequest, articles: Iterable) -> None:
    add(request, *(f"a{article.pk}" for article in articles))


def of_request(request: HttpRequest) -> set[str]:
    return request.__dict__.get("cache_tags", set())


def lists_of(article: ArticleSnapshot) -> set[str]:
    """The lists, feeds and sitemaps in which a live article appears."""
    ed = article.edition
    local = kyiv_time(article.published_at)
    tags = {
        f"stream-{ed}",
        f"front-{ed}",
        f"news-{ed}",
        f"day-{ed}-{local:%Y-%m-%d}",
        f"month-{ed}-{local:%Y-%m}",
        f"section-{ed}-{article.section_id}",
        f"kind-{ed}-{article.kind}",
        *(f"tag-{ed}-{tag}" for tag in article.tag_ids),
        *(f"author-{ed}-{author}" for author in article.author_ids),
        *(f"label-{ed}-{label}" for label in article.label_ids),
    }
    if article.is_urgent:
        tags.add(f"urgent-{ed}")
    if article.kind != "news":
        tags.add(f"top-{ed}")  # long reads fill the top-stories blocks
    return tags


def to_purge(
    *,
    before: ArticleSnapshot | None,
    after: ArticleSnapshot | None,
    siblings: Iterable[tuple[int, str, datetime | None]],
) -> set[str]:
    """What a change of a live article makes stale: the responses that showed it, the lists
    it joins or leaves, and its other editions' pages (their edition switch); `siblings`
    are those editions' (pk, edition, publication time)."""
    article = after or before
    siblings = list(siblings)
    tags = {f"a{article.pk}", "api", *(f"a{pk}" for pk, _, _ in siblings)}
    if before is None or after is None or before.published_at != after.published_at:
        # Goes live, is taken down or moves: every list it was or is in, and the other
        # editions' sitemaps, which name its address.
        tags |= {"sitemaps"}.union(
            *(lists_of(shown) for shown in (before, after) if shown is not None)
        )
        for _, edition, published_at in siblings:
            if published_at is not None:
                tags |= {f"news-{edition}", f"month-{edition}-{kyiv_time(published_at):%Y-%m}"}
    else:  # joins or leaves some lists; the rest show it and carry its a<pk>
        tags |= lists_of(before) ^ lists_of(after)
        tags |= {
            f"news-{article.edition}",
            f"month-{article.edition}-{kyiv_time(article.published_at):%Y-%m}",
        }
    return tags
