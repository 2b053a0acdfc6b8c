"""The page cache's fast path: in front of Django, a hit is answered from the store
without Django's request, middleware, URL resolution or view (shpalta/wsgi.py)."""

import logging

from .pages import answer, cached, refused

logger = logging.getLogger(__name__)


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            hit = cached(environ)
        except Exception:  # a broken cache must not take the site down
            logger.exception("Page cache: lookup failed; serving from Django")
            hit = None
        if hit is None:
            return self.application(environ, start_response)
        refusal = refused(environ)
        if refusal is not None:
            status = f"{refusal.status_code} {refusal.reason_phrase}"
            start_response(status, list(refusal.items()))
            return [refusal.content]
        status, headers, body = answer(hit, environ)
        start_response(status, headers)
        return [body]
