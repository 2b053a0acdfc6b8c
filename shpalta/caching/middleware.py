"""Answers anonymous readers from the page cache, fills it, and gives every cacheable
response the headers a CDN or Varnish needs: Cache-Control (s-maxage,
stale-while-revalidate, stale-if-error), a strong ETag, and its surrogate keys as
Surrogate-Key (Fastly), xkey (Varnish) and Cache-Tag (Cloudflare).

When the database cannot be reached, a reader gets the page as it was last kept (pages
are kept STALE_IF_ERROR_SECONDS past their freshness for this): 200 with `X-Cache:
STALE`, its `Age` and `Warning: 110`; a page never kept is the edition's "temporarily
unavailable" page, 503 with Retry-After (the API: JSON). After a failure the database is
not asked again for a moment (CircuitBreaker), so that the workers do not queue up
behind its timeouts. A page that fails for another reason (a 5xx) is answered stale too
when a copy is kept. The newsroom's requests still fail loudly."""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext

from . import tags as cache_tags
from .local import render_clock
from .misses import BUSY
from .pages import (
    answer,
    cached,
    compress,
    etag_of,
    has_session,
    kept_headers,
    page_key,
    refused,
    store,
)
from .store import CachedPage, CircuitBreaker

logger = logging.getLogger(__name__)

# The database as the readers' side sees it: after it fails, not asked for a moment.
DATABASE_ERRORS = (OperationalError, InterfaceError)
database = CircuitBreaker(DATABASE_ERRORS)
RETRY_AFTER_SECONDS = 30
FILES = ("/static/", "/media/")


def _reader(request) -> bool:
    """A reader's read of a page (no session, GET or HEAD; not a static file or upload,
    which need no database and are served on in an outage: a kept page's stylesheet)."""
    return (
        not has_session(request.META)
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(FILES)
    )


def _as_response(status: str, headers: list, body: bytes) -> HttpResponse:
    response = HttpResponse(body, status=int(status.split()[0]))
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(BUSY):  # refused by the fast path (caching.misses)
            return self._unavailable(request, settings.PAGE_MISS_RETRY_AFTER)
        try:
            hit = cached(request.META)
        except Exception:  # a broken cache must not take the site down
            logger.exception("Page cache: lookup failed; rendering")
            hit = None
        if hit is not None:
            refusal = refused(request.META)
            if refusal is not None:
                return refusal
            return _as_response(*answer(hit, request.META))
        reader = _reader(request)
        if reader and database.tripped:  # it failed a moment ago
            return self._stale(request) or self._unavailable(request)
        with render_clock() as clock:
            response = self.get_response(request)
        if reader and response.status_code >= 500:
            stale = self._stale(request)
            if stale is not None:
                return stale
        tags = cache_tags.of_request(request)
        if not tags or response.streaming:
            return response
        if response.status_code == 404 and not has_session(request.META):
            # Filed under its keys for the edge and for the fast path, which keeps the
            # 404 page of made-up addresses (wsgi.py); not made public here.
            self._add_keys(response, tags)
            return response
        if response.status_code != 200:
            return response
        if has_session(request.META):
            # An editor's view of the site: never kept by a browser or proxy for others.
            response["Cache-Control"] = "private, no-cache"
            return response
        self._make_public(response, tags)
        if response.cookies:
            return response
        page = CachedPage(
            status=response.status_code,
            headers=kept_headers(response.items()),
            body=response.content,
            etag=response["ETag"],
            stored_at=time.time(),
        )
        key = page_key(request.META)
        if key or request.META.get("HTTP_ACCEPT_ENCODING"):
            # Compressed once: for the store, or for this client.
            page.variants = compress(response.content, response.get("Content-Type", ""))
        if key:
            try:
                store().store(
                    key,
                    page,
                    tags,
                    settings.PAGE_CACHE_SECONDS,
                    clock.read_at_ns,
                    keep=settings.STALE_IF_ERROR_SECONDS,
                )
            except Exception:  # the reader still gets the page
                logger.exception("Page cache: could not keep %s", key)
        return _as_response(*answer(page, request.META, hit=False))

    def process_exception(self, request, exception):
        """A view that could not reach the database: the kept copy, or 503."""
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        database.trip()
        logger.error("Database unreachable: %s", exception)
        if not _reader(request):
            return None  # the newsroom sees the error
        return self._stale(request) or self._unavailable(request)

    @staticmethod
    def _stale(request) -> HttpResponse | None:
        key = page_key(request.META)
        try:
            page = store().get(key, stale=True) if key else None
        except Exception:
            logger.exception("Page cache: lookup failed")
            return None
        if page is None:
            return None
        return _as_response(*answer(page, request.META, stale=True))

    @staticmethod
    def _unavailable(request, retry_after: int = RETRY_AFTER_SECONDS) -> HttpResponse:
        """503 in the edition's language, made without the database."""
        from shpalta.editions.registry import edition_for_path

        edition = edition_for_path(request.path_info)
        with translation.override(edition.code):
            if request.path_info.startswith("/api/"):
                response = JsonResponse(
                    {
                        "error": "unavailable",
                        "detail": gettext("The service is temporarily unavailable."),
                    },
                    status=503,
                )
            else:
                response = render(
                    request, "reader/unavailable.html", {"edition": edition}, status=503
                )
        response["Retry-After"] = str(retry_after)
        response["Cache-Control"] = "no-store"
        response["Content-Language"] = edition.code
        return response

    @staticmethod
    def _make_public(response, tags: set[str]) -> None:
        seconds = settings.PAGE_CACHE_SECONDS
        response["Cache-Control"] = (
            f"public, max-age=0, s-maxage={seconds}, "
            f"stale-while-revalidate={settings.STALE_WHILE_REVALIDATE_SECONDS}, "
            f"stale-if-error={settings.STALE_IF_ERROR_SECONDS}"
        )
        if not response.has_header("ETag"):
            response["ETag"] = etag_of(response.content)
        PageCacheMiddleware._add_keys(response, tags)
        patch_vary_headers(response, ("Accept-Encoding",))

    @staticmethod
    def _add_keys(response, tags: set[str]) -> None:
        keys = sorted(tags)
        response["Surrogate-Key"] = " ".join(keys)
        response["xkey"] = " ".join(keys)
        response["Cache-Tag"] = ",".join(keys)
