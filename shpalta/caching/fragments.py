"""Fragments of pages kept between requests, such as the recent-news column that every
article and list page carries: rendered once, filed under their surrogate keys in the
page cache's store, and purged by the same events. A page that uses a fragment inherits
its keys. FRAGMENT_CACHE=0 turns them off (to measure rendering without them).

A fragment outlives the process that rendered it (the store is shared, Redis in
production), so its key carries the configuration it was rendered under
(keys.configuration: the code, templates and translations, the site's address): a
deploy never fits a fragment of the old templates into a page of the new.
"""

import logging
import time
from collections.abc import Callable, Collection

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from . import keys
from . import tags as cache_tags
from .local import render_clock
from .pages import etag_of, store
from .store import CachedPage, Entry

logger = logging.getLogger(__name__)


class Encoded:
    """A fragment as kept: its UTF-8 bytes, and their digest for the ETag of a response put
    together from them (made when the fragment is kept, or when first asked for)."""

    __slots__ = ("_etag", "body")

    def __init__(self, body: bytes, etag: str = ""):
        self.body = body
        self._etag = etag

    @property
    def etag(self) -> str:
        if not self._etag:
            self._etag = etag_of(self.body)
        return self._etag


def cached_fragments(
    request: HttpRequest,
    renders: dict[str, Callable[[], tuple[str, set[str]]]],
    *,
    seconds: int | None = None,
    inherit: bool = True,
    prepare: Callable[[list[str]], None] | None = None,
    unkept: Collection[str] = (),
) -> dict[str, SafeString]:
    """The HTML of each fragment in `renders`, read from the store in one lookup; those
    not kept are rendered by their function (HTML and its keys) and kept, for `seconds`
    (PAGE_CACHE_SECONDS unless given) or until one of their keys is purged. The page
    inherits their keys unless `inherit` is false (a page filed under a key that is
    purged whenever one of its fragments is). `prepare`, if given, is told the keys of
    those not kept before any is rendered (to read what they need in one query). Those
    in `unkept` are rendered and not kept, nor looked for: not worth keeping this time."""
    found = _kept_or_rendered(
        request, renders, seconds=seconds, inherit=inherit, prepare=prepare, unkept=unkept
    )
    return {key: mark_safe(part.body.decode()) for key, part in found.items()}  # noqa: S308


def cached_encoded_fragments(
    request: HttpRequest,
    renders: dict[str, Callable[[], tuple[str, set[str]]]],
    *,
    seconds: int | None = None,
    inherit: bool = True,
    prepare: Callable[[list[str]], None] | None = None,
) -> dict[str, Encoded]:
    """As cached_fragments(), each fragment as it is kept (Encoded), for a response put
    together from them undecoded: a sitemap of hundreds of kilobytes, where decoding,
    encoding again and hashing the whole cost more than the rest."""
    return _kept_or_rendered(request, renders, seconds=seconds, inherit=inherit, prepare=prepare)


def _kept_or_rendered(
    request: HttpRequest,
    renders: dict[str, Callable[[], tuple[str, set[str]]]],
    *,
    seconds: int | None,
    inherit: bool,
    prepare: Callable[[list[str]], None] | None = None,
    unkept: Collection[str] = (),
) -> dict[str, Encoded]:
    found = {}
    stored_as = {key: keys.stored_fragment(key) for key in renders if key not in unkept}
    if settings.FRAGMENT_CACHE and stored_as:
        try:
            kept = store().get_many(list(stored_as.values()))
        except Exception:  # a broken store must not take the page down: render them
            logger.exception("Fragments: lookup failed; rendering %s", ", ".join(renders))
            kept = {}
        for key, stored in stored_as.items():
            fragment = kept.get(stored)
            if fragment is not None:
                if inherit:
                    cache_tags.add(request, *fragment.headers[0][1].split())
                found[key] = Encoded(fragment.body, fragment.etag)
    if prepare is not None and len(found) < len(renders):
        prepare([key for key in renders if key not in found])
    rendered = []
    for key, render in renders.items():
        if key in found:
            continue
        with render_clock() as clock:
            html, tags = render()
        if inherit:
            cache_tags.add(request, *tags)
        found[key] = part = Encoded(html.encode())
        if settings.FRAGMENT_CACHE and key in stored_as:
            fragment = CachedPage(
                200, [("tags", " ".join(sorted(tags)))], part.body, part.etag, time.time()
            )
            ttl = seconds or settings.PAGE_CACHE_SECONDS
            rendered.append(Entry(stored_as[key], fragment, tags, ttl, clock.read_at_ns))
    if rendered:
        # Kept together: one transaction (SQLite) or three round trips (Redis) for a list
        # of thirty lines rendered cold, not thirty.
        try:
            store().store_many(rendered)
        except Exception:  # the page still gets them
            logger.exception("Fragments: could not keep %s", ", ".join(e.key for e in rendered))
    return found


def cached_fragment(
    request: HttpRequest, key: str, render: Callable[[], tuple[str, set[str]]]
) -> SafeString:
    """The HTML of fragment `key`: kept, or rendered by `render()` (HTML and its keys)."""
    return cached_fragments(request, {key: render})[key]


def cached_per_article(
    request: HttpRequest,
    name: str,
    ids: list[int],
    load: Callable[[list[int]], dict],
    render: Callable[[object], str],
) -> list[SafeString]:
    """A part of a list per article, in the order of `ids`: a headline's line, an API
    item. Each is kept as a fragment of family `name`, purged with its article and with
    keys.ALL; only those not kept are rendered, from the rows `load(ids)` gives (read
    once, for the first part not kept), so a list of kept parts reads no article row.
    The page is filed under every article's key, as it inherits each part's keys.
    An article deleted between the list's query and `load` is left out."""
    rows = {}

    def part(pk: int):
        def rendered():
            if not rows:
                rows.update(load(ids))
            return (render(rows[pk]) if pk in rows else ""), {keys.ALL, keys.article(pk)}

        return rendered

    names = {pk: keys.per_article_fragment(name, pk) for pk in ids}
    kept = cached_fragments(request, {names[pk]: part(pk) for pk in ids})
    return [kept[names[pk]] for pk in ids if kept[names[pk]]]
