"""The whole-page cache for anonymous readers: which requests it may answer, under which
key, and the answer itself. Used by the WSGI fast path (wsgi.PageCacheApplication, in
front of Django) and by the middleware (behind it), so that both agree.

The key is the path and only the query parameters a page uses (`page`, `p`; all of them
for the API): tracking parameters and random strings added to miss the cache all land
on the same entry. A request with a session cookie (the newsroom) is never answered
from the cache and never fills it.
"""

import gzip
import hashlib
import time
from functools import cache
from http import HTTPStatus
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.utils.http import parse_http_date_safe
from django.utils.module_loading import import_string

from . import keys
from .store import CachedPage, RedisPageStore, SQLitePageStore

try:
    import brotli
except ImportError:  # gzip only
    brotli = None

_PAGED = ("page", "p")
_NEVER = ("/admin/", "/static/", "/media/", "/documents/", "/django-admin/")


@cache
def _store_for(backend: str, location: str):
    if backend == "redis":
        return RedisPageStore(location)
    return SQLitePageStore(location)


def store():
    if settings.REDIS_URL:
        return _store_for("redis", settings.REDIS_URL)
    return _store_for("sqlite", str(settings.PAGE_CACHE_PATH))


def prune_store() -> int:
    """One of SCHEDULED_JOBS: keep the store within PAGE_CACHE_MAX_ENTRIES."""
    return store().prune(settings.PAGE_CACHE_MAX_ENTRIES)


def has_session(environ) -> bool:
    raw = environ.get("HTTP_COOKIE")
    if not raw:
        return False
    try:
        return settings.SESSION_COOKIE_NAME in SimpleCookie(raw)
    except Exception:  # noqa: BLE001  (a cookie header we cannot read: treat as a session)
        return True


def page_number(raw: str) -> int | None:
    """The number a `?page=` (a list) or `?p=` (a sitemap) value asks for; None when it
    cannot be a page."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        return None
    return int(raw)


def _answerable(environ) -> bool:
    """May the cache answer this request at all: an anonymous reader's GET or HEAD."""
    return (
        settings.PAGE_CACHE
        and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not environ.get("PATH_INFO", "").startswith(_NEVER)
        and not has_session(environ)
    )


def page_key(environ) -> str | None:
    """The cache key of a request, or None when the cache must not answer it."""
    if not _answerable(environ):
        return None
    path = environ.get("PATH_INFO", "")
    query = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if path.startswith("/api/"):
        return keys.stored_page(path + "?" + urlencode(sorted(query)) if query else path)
    kept = []
    for name, value in query:
        if name == "date":
            return None  # the day picker redirects; nothing to keep
        if name == "q":
            return None  # a search: its results are asked of the index each time
        if name in _PAGED:
            number = page_number(value)
            if number is None:
                return None  # the page answers 404; let it
            kept.append((name, str(number)))
    kept = [(name, value) for name, value in sorted(set(kept)) if value != "1"]
    return keys.stored_page(path + ("?" + urlencode(kept) if kept else ""))


def made_up_key(environ) -> str | None:
    """For a request that cannot be for a page (PAGE_CACHE_MADE_UP: a function of the
    WSGI environ returning the edition whose 404 page answers it, or None), the key of
    that page."""
    if not settings.PAGE_CACHE_MADE_UP or not _answerable(environ):
        return None
    edition = _imported(settings.PAGE_CACHE_MADE_UP)(environ)
    return keys.made_up_page(edition) if edition else None


def kept_headers(headers) -> list[tuple[str, str]]:
    """The headers an answer is kept with: not its cookies, nor what answer() sets for
    each request and representation (Age, X-Cache, ETag, Content-Length, HSTS…)."""
    return [(name, value) for name, value in headers if name.lower() not in _NOT_KEPT]


def surrogate_keys(headers) -> set[str]:
    """The keys a response is filed under, from its xkey header."""
    return set(next((v for k, v in headers if k.lower() == "xkey"), "").split())


def etag_of(body: bytes) -> str:
    """A strong validator of the body: 128 bits of its SHA-256, which processors compute
    in hardware (faster than BLAKE2b here: bench/RESULTS.md)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def reader_request(environ) -> bool:
    """An anonymous reader's GET or HEAD of the site (not the admin, not static files):
    what the page cache may answer, and what caching.misses limits when it cannot."""
    return _answerable(environ)


def current(environ) -> bool:
    """Is the request for a page of today's news (PAGE_CACHE_CURRENT: a function of the
    WSGI environ), whose misses have a gate of their own (caching.misses)."""
    return bool(settings.PAGE_CACHE_CURRENT and _imported(settings.PAGE_CACHE_CURRENT)(environ))


# Set by the fast path (caching.wsgi) on a request it looked up and found no fresh page
# for: the middleware renders it without reading the store a second time.
MISSED = "shpalta.page_cache.missed"


def cached(environ) -> CachedPage | None:
    if environ.get(MISSED):
        return None
    key = page_key(environ)
    return store().get(key) if key else None


@cache
def _imported(path: str):
    return import_string(path)


def _guards(paths: tuple[str, ...]):
    return [_imported(path) for path in paths]


def refused(environ):
    """A guard's refusal of a request the cache could answer (PAGE_CACHE_GUARDS: dotted
    paths of functions of the WSGI environ returning None or an HttpResponse)."""
    for guard in _guards(tuple(settings.PAGE_CACHE_GUARDS)):
        response = guard(environ)
        if response is not None:
            return response
    return None


def answer(
    page: CachedPage, environ, *, hit: bool = True, stale: bool = False
) -> tuple[str, list, bytes]:
    """Status line, headers and body for a cached page, compressed as the client accepts
    (Brotli, else gzip), or a 304 when the client has that representation already. A
    `stale` copy (past its freshness: the page could not be rendered now) says so."""
    encoding = _encoding(page, environ.get("HTTP_ACCEPT_ENCODING", ""))
    body = page.variants[encoding] if encoding else page.body
    etag = f'{page.etag[:-1]}-{encoding}"' if encoding else page.etag
    headers = [(k, v) for k, v in page.headers if k.lower() not in _PER_ANSWER]
    headers.append(("ETag", etag))
    if encoding:
        headers.append(("Content-Encoding", encoding))
    if settings.SECURE_HSTS_SECONDS and is_secure(environ):
        headers.append(("Strict-Transport-Security", _hsts()))
    if hit:
        headers.append(("Age", str(max(0, int(time.time() - page.stored_at)))))
    headers.append(("X-Cache", "STALE" if stale else "HIT" if hit else "MISS"))
    if stale:
        headers.append(("Warning", '110 - "Response is Stale"'))
    if _not_modified(page, etag, environ):
        kept = [(k, v) for k, v in headers if k.lower() in _NOT_MODIFIED_HEADERS]
        return "304 Not Modified", kept, b""
    headers.append(("Content-Length", str(len(body))))
    if environ.get("REQUEST_METHOD") == "HEAD":
        body = b""
    return f"{page.status} {HTTPStatus(page.status).phrase}", headers, body


def is_secure(environ) -> bool:
    """Did the reader ask over HTTPS: Django's HttpRequest.is_secure() for the fast path,
    which has no request (SECURE_PROXY_SSL_HEADER behind a proxy, else the scheme)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        name, secure = settings.SECURE_PROXY_SSL_HEADER
        forwarded = environ.get(name)
        if forwarded is not None:
            return forwarded.split(",", 1)[0].strip() == secure
    return environ.get("wsgi.url_scheme") == "https"


def _hsts() -> str:
    """Strict-Transport-Security as Django's SecurityMiddleware writes it."""
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value


def compress(body: bytes, content_type: str) -> dict[str, bytes]:
    """The Brotli and gzip forms of a body worth compressing, made once when it is kept."""
    if len(body) < 860 or not content_type.startswith(_COMPRESSIBLE):
        return {}
    variants = {"gzip": gzip.compress(body, compresslevel=6, mtime=0)}
    if brotli is not None:
        variants["br"] = brotli.compress(body, quality=5)
    return variants


def _encoding(page: CachedPage, accept: str) -> str | None:
    offered = {}
    for part in accept.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip()] = quality
    for encoding in ("br", "gzip"):
        if encoding in page.variants and offered.get(encoding, offered.get("*", 0)) > 0:
            return encoding
    return None


def _not_modified(page: CachedPage, etag: str, environ) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    if "HTTP_IF_NONE_MATCH" in environ:
        return etag in [tag.strip() for tag in environ["HTTP_IF_NONE_MATCH"].split(",")]
    if "HTTP_IF_MODIFIED_SINCE" not in environ:
        return False
    since = parse_http_date_safe(environ["HTTP_IF_MODIFIED_SINCE"])
    modified = next((v for k, v in page.headers if k.lower() == "last-modified"), None)
    modified = parse_http_date_safe(modified) if modified else None
    return since is not None and modified is not None and modified <= since


_PER_REPRESENTATION = {"content-length", "etag", "content-encoding"}
# HSTS belongs to an answer over HTTPS only: a page first kept from a plain-HTTP request
# must still carry it to HTTPS readers, and one kept from HTTPS not to others.
_PER_REQUEST = {"strict-transport-security"}
_PER_ANSWER = _PER_REPRESENTATION | _PER_REQUEST  # left out of a page kept by an older release
_NOT_KEPT = {"set-cookie", "age", "x-cache", "ratelimit-remaining", *_PER_ANSWER}
_COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)
_NOT_MODIFIED_HEADERS = {
    "cache-control",
    "etag",
    "vary",
    "age",
    "x-cache",
    "surrogate-key",
    "xkey",
    "cache-tag",
}
