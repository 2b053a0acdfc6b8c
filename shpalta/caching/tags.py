"""Filing a response: the surrogate keys (caching.keys) of what a response shows, gathered
on its request while the view renders it, so that the page cache and the edge caches
file it under them (caching.middleware)."""

from collections.abc import Iterable

from django.http import HttpRequest

from . import keys


def add(request: HttpRequest, *tags: str) -> None:
    """Mark the response to this request as cacheable, filed under these keys."""
    request.__dict__.setdefault("cache_tags", set()).update(tags)


def add_articles(request: HttpRequest, articles: Iterable) -> None:
    add(request, *keys.articles(article.pk for article in articles))


def forget(request: HttpRequest) -> None:
    """Not to be kept after all: the response differs by what the page cache's key leaves
    out (a search query)."""
    request.__dict__.pop("cache_tags", None)


def of_request(request: HttpRequest) -> set[str]:
    return request.__dict__.get("cache_tags", set())
