"""Answers anonymous readers from the page cache, fills it, and gives every cacheable
response the headers a CDN or Varnish needs: Cache-Control (s-maxage,
stale-while-revalidate, stale-if-error), a strong ETag, and its surrogate keys as
Surrogate-Key (Fastly), xkey (Varnish) and Cache-Tag (Cloudflare)."""

import logging
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from . import tags as cache_tags
from .local import render_clock
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
from .store import CachedPage

logger = logging.getLogger(__name__)


def _as_response(status: str, headers: list, body: bytes) -> HttpResponse:
    response = HttpResponse(body, status=int(status.split()[0]))
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
        with render_clock() as clock:
            response = self.get_response(request)
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
                store().store(key, page, tags, settings.PAGE_CACHE_SECONDS, clock.read_at_ns)
            except Exception:  # the reader still gets the page
                logger.exception("Page cache: could not keep %s", key)
        return _as_response(*answer(page, request.META, hit=False))

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
