"""The page cache's fast path: in front of Django, a hit is answered from the store
without Django's request, middleware, URL resolution or view (shpalta/wsgi.py).

An address that the site says cannot be a page (PAGE_CACHE_MADE_UP: a made-up tag,
author, day or path) is answered the same way, with its edition's kept 404 page, so that
a flood of them built to miss the cache costs what a hit costs.

A reader's miss (a page not kept, or kept past its freshness) is rendered by Django
within the limits of caching.misses: one render for many requests of the same page, a
bounded number at once, and past that the stale copy or a 503 with Retry-After."""

import logging
import time

from django.conf import settings

from .local import render_clock
from .misses import BUSY, Gate, InFlight
from .pages import (
    MISSED,
    answer,
    compress,
    current,
    etag_of,
    kept_headers,
    made_up_key,
    page_key,
    reader_request,
    refused,
    store,
    surrogate_keys,
)
from .store import CachedPage, is_fresh

logger = logging.getLogger(__name__)


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self.in_flight = InFlight()
        self.gate = Gate(
            settings.PAGE_MISS_CONCURRENCY,
            settings.PAGE_MISS_QUEUE,
            settings.PAGE_MISS_WAIT_SECONDS,
        )
        self._busy_answers: dict[str, tuple[str, list, bytes]] = {}

    def __call__(self, environ, start_response):
        key = not_found = kept = None
        try:
            key = page_key(environ)
            kept = store().get(key, stale=True) if key else None
            hit = kept if is_fresh(kept) else None
            if hit is None:
                not_found = made_up_key(environ)
                hit = store().get(not_found) if not_found else None
        except Exception:  # a broken cache must not take the site down
            logger.exception("Page cache: lookup failed; serving from Django")
            hit = not_found = kept = None
        if hit is None:
            if not_found:
                return self._keep_not_found(not_found, environ, start_response)
            if reader_request(environ):
                return self._miss(key, kept, environ, start_response)
            return self.application(environ, start_response)
        return self._answer(hit, environ, start_response)

    @staticmethod
    def _answer(page: CachedPage, environ, start_response, *, stale: bool = False):
        refusal = refused(environ)
        if refusal is not None:
            status = f"{refusal.status_code} {refusal.reason_phrase}"
            start_response(status, list(refusal.items()))
            return [refusal.content]
        status, headers, body = answer(page, environ, stale=stale)
        start_response(status, headers)
        return [body]

    def _miss(self, key: str | None, kept: CachedPage | None, environ, start_response):
        """A reader's page that is not kept fresh: rendered once for every request that
        asks for it meanwhile, within the gate unless it is today's (caching.misses)."""
        if key is not None:
            with self.in_flight.render(key) as under_way:
                if under_way is None:
                    return self._render(kept, environ, start_response)
            if under_way.wait(settings.PAGE_MISS_WAIT_SECONDS):
                try:
                    page = store().get(key)
                except Exception:
                    logger.exception("Page cache: lookup failed")
                    page = None
                if page is not None:
                    return self._answer(page, environ, start_response)
        return self._render(kept, environ, start_response)

    def _render(self, kept: CachedPage | None, environ, start_response):
        environ[MISSED] = True
        if current(environ):  # today's news: never refused
            return self.application(environ, start_response)
        gate = self.gate
        with gate.entered() as admitted:
            if admitted:
                return self.application(environ, start_response)
        if gate.refused in (1, 10) or gate.refused % 1000 == 0:
            logger.warning(
                "Page cache: %d misses refused since start (PAGE_MISS_CONCURRENCY=%d)",
                gate.refused,
                settings.PAGE_MISS_CONCURRENCY,
            )
        if kept is not None:
            return self._answer(kept, environ, start_response, stale=True)
        return self._busy(environ, start_response)

    def _busy(self, environ, start_response):
        """The edition's 503 "temporarily unavailable" page with Retry-After (the API's
        JSON), as the page cache's middleware makes it (its headers and policy); kept
        in the process once made, so that refusing costs what a hit costs."""
        from shpalta.editions.registry import edition_for_path

        path = environ.get("PATH_INFO", "")
        kind = "api" if path.startswith("/api/") else edition_for_path(path).code
        kept = self._busy_answers.get(kind)
        if kept is None:
            asked = {**environ, BUSY: True, "REQUEST_METHOD": "GET"}
            asked.pop("HTTP_ACCEPT_ENCODING", None)
            kept = answered_by(self.application, asked)
            if kept[0].startswith("503") and not any(
                name.lower() == "set-cookie" for name, _ in kept[1]
            ):
                self._busy_answers[kind] = kept
        status, headers, body = kept
        start_response(status, headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

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


def answered_by(application, environ) -> tuple[str, list, bytes]:
    """The status line, headers and whole body a WSGI application answers `environ` with."""
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered.update(status=status, headers=headers)
        return lambda data: None

    result = application(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answered["status"], answered["headers"], body
