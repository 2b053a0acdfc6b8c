"""The page cache's fast path: in front of Django, a hit is answered from the store
without Django's request, middleware, URL resolution or view (shpalta/wsgi.py).

An address that the site says cannot be a page (PAGE_CACHE_MADE_UP: a made-up tag,
author, day or path) is answered the same way, with its edition's kept 404 page, so that
a flood of them built to miss the cache costs what a hit costs."""

import logging
import time

from django.conf import settings

from .local import render_clock
from .pages import (
    answer,
    compress,
    etag_of,
    kept_headers,
    made_up_key,
    page_key,
    refused,
    store,
    surrogate_keys,
)
from .store import CachedPage

logger = logging.getLogger(__name__)


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        not_found = None
        try:
            key = page_key(environ)
            hit = store().get(key) if key else None
            if hit is None:
                not_found = made_up_key(environ)
                hit = store().get(not_found) if not_found else None
        except Exception:  # a broken cache must not take the site down
            logger.exception("Page cache: lookup failed; serving from Django")
            hit = not_found = None
        if hit is None:
            if not_found:
                return self._keep_not_found(not_found, environ, start_response)
            return self.application(environ, start_response)
        refusal = refused(environ)
        if refusal is not None:
            status = f"{refusal.status_code} {refusal.reason_phrase}"
            start_response(status, list(refusal.items()))
            return [refusal.content]
        status, headers, body = answer(hit, environ)
        start_response(status, headers)
        return [body]

    def _keep_not_found(self, key: str, environ, start_response):
        """Django answers a made-up address; its 404 page is kept for the next ones."""
        answered = {}

        def capture(status, headers, exc_info=None):
            answered.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        with render_clock() as clock:
            result = self.application(environ, capture)
        if not answered.get("status", "").startswith("404"):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = answered["headers"]
        tags = surrogate_keys(headers)
        if tags and environ.get("REQUEST_METHOD") == "GET":
            kept = kept_headers(headers)
            page = CachedPage(404, kept, body, etag_of(body), time.time())
            page.variants = compress(body, dict(kept).get("Content-Type", ""))
            try:
                store().store(key, page, tags, settings.PAGE_CACHE_SECONDS, clock.read_at_ns)
            except Exception:  # the reader still gets the page
                logger.exception("Page cache: could not keep %s", key)
        return [body]
