"""What each newsroom event makes stale: the surrogate keys (caching.keys) to purge, as
pure functions of what changed. The receivers in signal_handlers.py hand them to the
page cache's purge."""

from collections.abc import Iterable
from datetime import datetime

from shpalta.caching import keys
from shpalta.editions.dates import kyiv_time

from .snapshots import ArticleSnapshot


def lists_of(article: ArticleSnapshot) -> set[str]:
    """The lists, feeds and sitemaps in which a live article appears."""
    ed = article.edition
    local = kyiv_time(article.published_at)
    found = {
        keys.stream(ed),
        keys.front(ed),
        keys.news(ed),
        keys.day(ed, local.date()),
        keys.month(ed, local.year, local.month),
        keys.year(ed, local.year),
        keys.section(ed, article.section_id),
        keys.kind(ed, article.kind),
        *(keys.tag(ed, tag) for tag in article.tag_ids),
        *(keys.author(ed, author) for author in article.author_ids),
        *(keys.label(ed, label) for label in article.label_ids),
    }
    if article.is_urgent:
        found.add(keys.urgent(ed))
    if article.kind != "news":
        found.add(keys.top(ed))  # long reads fill the top-stories blocks
    return found


def _sitemaps_naming(edition: str, published_at: datetime) -> set[str]:
    """The sitemaps that name an article's address: the news sitemap, its month's (and
    the index's entries of its year)."""
    local = kyiv_time(published_at)
    return {
        keys.news(edition),
        keys.month(edition, local.year, local.month),
        keys.year(edition, local.year),
    }


def article_changed(
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
    stale = {keys.API, *keys.articles([article.pk, *(pk for pk, _, _ in siblings)])}
    if (before.corrections if before else ()) != (after.corrections if after else ()):
        # The log lists corrections of live stories: one added, changed, or shown or
        # hidden with its story. (The log's pages carry the a<pk> of the stories they show.)
        stale.add(keys.corrections(article.edition))
    if before is None or after is None or before.published_at != after.published_at:
        # Goes live, is taken down or moves: every list it was or is in, and the other
        # editions' sitemaps, which name its address.
        stale |= {keys.SITEMAPS}.union(
            *(lists_of(shown) for shown in (before, after) if shown is not None)
        )
        for _, edition, published_at in siblings:
            if published_at is not None:
                stale |= _sitemaps_naming(edition, published_at)
    else:  # joins or leaves some lists; the rest show it and carry its a<pk>
        stale |= lists_of(before) ^ lists_of(after)
        stale |= _sitemaps_naming(article.edition, article.published_at)
    return stale


def live_blog_changed(article_pk: int) -> set[str]:
    """An update of a live blog: what shows the blog (its page, its updates, its feed,
    the list lines with its latest time), which all carry its key."""
    return set(keys.articles([article_pk]))


def front_page_changed(edition: str) -> set[str]:
    """The editors' choice of top stories."""
    return {keys.front(edition), keys.top(edition)}


def info_page_changed(edition: str) -> set[str]:
    """Support Us or About."""
    return {keys.info(edition)}


def names_changed() -> set[str]:
    """A section, tag, author or label: named on every page, and rarely changed."""
    return {keys.ALL}
