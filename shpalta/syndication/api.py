"""The read-only content API: articles as IPTC ninjs 3.1 over HTTP, for partners and apps.

    GET /api/v1/articles/                      newest first; filters and a cursor
    GET /api/v1/articles/<edition>/<story>/    one article, in full
    GET /api/v1/openapi.json                   the OpenAPI document of the above

Every answer is JSON, errors included (`{"error": {"code", "message", "parameter"}}`);
a wrong parameter is a 400 that names it, never a 500. Answers carry ETag and
Last-Modified and honour If-None-Match / If-Modified-Since (304). Each client (its
address, REMOTE_ADDR: behind a proxy, have it set the reader's) may make API_RATE_LIMIT
requests per API_RATE_WINDOW seconds, answers from the page cache included; beyond that
a 429 says when to come back.
"""

import base64
import binascii
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import wraps

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, urlencode

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.allowance import spend
from shpalta.caching.fragments import cached_per_article
from shpalta.caching.pages import etag_of
from shpalta.editions.fields import in_any_edition
from shpalta.editions.registry import EDITION_CODES
from shpalta.newsroom import search
from shpalta.newsroom.models import Article, ArticleAuthor, Author, Kind, Tag
from shpalta.newsroom.models.article import ArticleQuerySet, in_list, pages_by_id
from shpalta.newsroom.renditions import ENCLOSURE_SPEC

from .links import absolute
from .ninjs import article_to_ninjs

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_STORY_NUMBER = 10**12
FILTERS = ("edition", "section", "tag", "author", "kind", "label", "urgent", "updated_since")
PARAMETERS = (*FILTERS, "q", "cursor", "limit")
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
_SLUG_MAX = 80


class BadParameter(ValueError):
    """A query parameter the API cannot use; the 400 answer names it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


def error(status: int, code: str, message: str, parameter: str | None = None, **headers):
    body = {"error": {"code": code, "message": message}}
    if parameter:
        body["error"]["parameter"] = parameter
    return JsonResponse(body, status=status, headers=headers)


def _use_allowance(environ) -> tuple[int, HttpResponse | None]:
    """Count a request against its client's allowance: what is left, or the 429."""
    window = settings.API_RATE_WINDOW
    left, retry_after = spend(
        "api-rate", environ.get("REMOTE_ADDR", "unknown"), settings.API_RATE_LIMIT, window
    )
    if left >= 0:
        return left, None
    return 0, error(
        429,
        "rate_limited",
        f"Too many requests: {settings.API_RATE_LIMIT} are allowed per {window} s. "
        f"Try again in {retry_after} s.",
        **{"Retry-After": str(retry_after), "RateLimit-Remaining": "0"},
    )


def rate_guard(environ) -> HttpResponse | None:
    """One of PAGE_CACHE_GUARDS: an API answer from the page cache still counts against
    the client's allowance."""
    if not environ.get("PATH_INFO", "").startswith("/api/"):
        return None
    return _use_allowance(environ)[1]


def api_view(view: Callable) -> Callable:
    """GET/HEAD only, rate-limited per client, bad parameters answered as 400 JSON."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return error(
                405, "method_not_allowed", "The API is read-only: use GET.", Allow="GET, HEAD"
            )
        remaining, refusal = _use_allowance(request.META)
        if refusal is not None:
            return refusal
        try:
            response = view(request, *args, **kwargs)
        except BadParameter as bad:
            response = error(400, "invalid_parameter", str(bad), bad.parameter)
        response["RateLimit-Limit"] = str(settings.API_RATE_LIMIT)
        response["RateLimit-Remaining"] = str(remaining)
        return response

    return wrapper


_encode = DjangoJSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _json(request: HttpRequest, content: str, last_modified: datetime | None) -> HttpResponse:
    """A JSON answer with its ETag and Last-Modified, or 304 when the client has it."""
    body = content.encode()
    etag = etag_of(body)
    timestamp = int(last_modified.timestamp()) if last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return response


def _slug(request: HttpRequest, name: str) -> str | None:
    value = request.GET.get(name)
    if value is None:
        return None
    if not value or len(value) > _SLUG_MAX or not all(c.isalnum() or c in "-_" for c in value):
        raise BadParameter(name, f"{name} must be a slug (letters, digits, hyphens).")
    return value


def _parse_since(raw: str) -> datetime:
    try:
        if len(raw) == 10:
            moment = datetime.combine(date.fromisoformat(raw), datetime.min.time())
        else:
            moment = datetime.fromisoformat(raw)
    except ValueError:
        raise BadParameter(
            "updated_since",
            "updated_since must be an ISO 8601 date or date-time, e.g. 2024-12-12T19:16:00+02:00.",
        ) from None
    try:
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError:  # 0001-01-01 or 9999-12-31 moved into UTC
        raise BadParameter("updated_since", "updated_since is out of range.") from None


def encode_cursor(published_at: datetime, pk: int) -> str:
    raw = f"{int(published_at.timestamp() * 1_000_000)}.{pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        micros, pk = raw.split(".")
        if not (micros.isdigit() and pk.isdigit()) or len(micros) > 18 or len(pk) > 18:
            raise ValueError(raw)
        moment = datetime.fromtimestamp(int(micros) / 1_000_000, tz=UTC)
        return moment, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError, OverflowError, OSError):
        raise BadParameter(
            "cursor", "cursor is not one this API gave; start again without it."
        ) from None


def _limit(request: HttpRequest) -> int:
    raw = request.GET.get("limit", str(DEFAULT_LIMIT))
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadParameter("limit", f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    return int(raw)


def filtered(request: HttpRequest) -> list[tuple[ArticleQuerySet, Q, str, str]]:
    """The live articles the query string asks for, one queryset per edition asked for
    (all three without `edition`), each with the conditions on its list's links, the
    column it is read newest first by, and the edition's code: a
    tag's or author's list is read in its link table's index (ListedLink), which holds
    the edition, live state and time; other lists in the edition's own indexes.
    BadParameter for anything wrong."""
    unknown = sorted(set(request.GET) - set(PARAMETERS))
    if unknown:
        raise BadParameter(
            unknown[0],
            f"Unknown parameter {unknown[0]!r}; the parameters are {', '.join(PARAMETERS)}.",
        )
    for name in request.GET:
        if len(request.GET.getlist(name)) > 1:
            raise BadParameter(name, f"Give {name} once.")
    articles = Article.objects.live()
    edition = request.GET.get("edition")
    if edition is not None and edition not in EDITION_CODES:
        raise BadParameter("edition", f"edition must be one of {', '.join(EDITION_CODES)}.")
    if (section := _slug(request, "section")) is not None:
        articles = articles.filter(section__slug=section)
    listed_by, targets = None, []  # the link table whose index gives the order
    if (tag := _slug(request, "tag")) is not None:
        # A tag's slug differs by edition; any of them names it.
        tags = list(Tag.objects.filter(in_any_edition("slug", tag)).values_list("pk", flat=True))
        listed_by, targets = "tag_links", tags
    if (author := _slug(request, "author")) is not None:
        authors = list(Author.objects.filter(slug=author).values_list("pk", flat=True))
        if listed_by is None:
            listed_by, targets = "author_links", authors
        else:
            links = ArticleAuthor.objects.filter(author__in=authors)
            articles = articles.filter(pk__in=links.values("article_id"))
    if (label := _slug(request, "label")) is not None:
        articles = articles.filter(labels__slug=label)
    kind = request.GET.get("kind")
    if kind is not None:
        if kind not in Kind.values:
            raise BadParameter("kind", f"kind must be one of {', '.join(Kind.values)}.")
        articles = articles.filter(kind=kind)
    urgent = request.GET.get("urgent")
    if urgent is not None:
        if urgent.lower() not in _BOOLEANS:
            raise BadParameter("urgent", "urgent must be true or false.")
        articles = articles.filter(is_urgent=_BOOLEANS[urgent.lower()])
    since = request.GET.get("updated_since")
    if since is not None:
        moment = _parse_since(since)
        # Two indexed conditions rather than one on Coalesce(updated_at, published_at).
        articles = articles.filter(
            Q(updated_at__gte=moment) | Q(updated_at__isnull=True, published_at__gte=moment)
        )
    per_edition = []
    for code in [edition] if edition else EDITION_CODES:
        if listed_by is None:
            per_edition.append((articles.in_edition(code), Q(), "published_at", code))
        else:
            link = in_list(listed_by, targets, code)
            per_edition.append((articles, link, f"{listed_by}__published_at", code))
    return per_edition


def _query(request: HttpRequest) -> str | None:
    """The words of `q`, as the reader's search takes them; BadParameter if none."""
    text = request.GET.get("q")
    if text is None:
        return None
    if len(text) > search.MAX_QUERY_LENGTH:
        raise BadParameter("q", f"q may be at most {search.MAX_QUERY_LENGTH} characters long.")
    if "\x00" in text or not search.Query.parse(text, None):
        raise BadParameter("q", "q must contain a word to search for.")
    return text


def _newest(request: HttpRequest, count: int) -> ArticleQuerySet:
    """The newest `count` of what the query string asks for, after its cursor: each
    edition's newest read in that edition's index (a query over all editions at once
    could not use one for its order, and would sort a whole section or tag of the
    archive), then merged."""
    cursor = None
    if "cursor" in request.GET:
        cursor = decode_cursor(request.GET["cursor"])
    text = _query(request)
    newest = set()
    for articles, link, by, code in filtered(request):
        if text is not None:
            # Searched among the articles the filters leave, by the article's own time.
            if link:
                articles = articles.filter(pk__in=Article.objects.filter(link).values("pk"))
            link, by = Q(), "published_at"
        if cursor is not None:
            moment, pk = cursor
            link &= Q(**{f"{by}__lt": moment}) | Q(**{by: moment, "pk__lt": pk})
        ordered = articles.filter(link).order_by(f"-{by}", "-id")
        if text is not None:
            query = search.Query.parse(text, code)
            found = search.find(ordered, query, by_relevance=False).ids[:count]
            newest.update(Article.objects.filter(pk__in=found).values_list("published_at", "pk"))
            continue
        newest.update(ordered.values_list("published_at", "pk")[:count])
    chosen = sorted(newest, reverse=True)[:count]
    return Article.objects.filter(pk__in=[pk for _, pk in chosen]).newest_first()


@api_view
def article_list(request: HttpRequest) -> HttpResponse:
    limit = _limit(request)
    rows = list(_newest(request, limit + 1).values_list("pk", "published_at", "updated_at"))
    more, rows = len(rows) > limit, rows[:limit]
    cache_tags.add(request, keys.ALL, keys.API)
    next_url = None
    if more:
        query = {**request.GET.dict(), "cursor": encode_cursor(rows[-1][1], rows[-1][0])}
        next_url = absolute(f"{request.path}?{urlencode(query)}")
    # Each item's JSON is kept per article: a list encodes only those it does not hold.
    items = cached_per_article(
        request,
        keys.ninjs_items(full=False),
        [pk for pk, _, _ in rows],
        lambda ids: pages_by_id(ids, with_body=False, renditions=(ENCLOSURE_SPEC,)),
        lambda article: _encode(article_to_ninjs(article, full=False)),
    )
    content = f'{{"items":[{",".join(items)}],"next":{_encode(next_url)}}}'
    newest = max((Article.modified(*row[1:]) for row in rows), default=None)
    return _json(request, content, newest)


@api_view
def article_detail(request: HttpRequest, edition: str, story: str) -> HttpResponse:
    if request.GET:
        name = next(iter(request.GET))
        raise BadParameter(name, f"Unknown parameter {name!r}; this address takes none.")
    row, items = None, []
    if edition in EDITION_CODES and int(story) < MAX_STORY_NUMBER:
        row = (
            Article.objects.live()
            .in_edition(edition)
            .filter(story_number=int(story))
            .values_list("pk", "published_at", "updated_at")
            .first()
        )
    if row is not None:
        # Kept as the list's items are: an article's full JSON is encoded once per change
        # (none when it was deleted since the query above).
        items = cached_per_article(
            request,
            keys.ninjs_items(full=True),
            [row[0]],
            lambda ids: pages_by_id(ids, renditions=(ENCLOSURE_SPEC,)),
            lambda article: _encode(article_to_ninjs(article, full=True)),
        )
    if not items:
        return error(404, "not_found", f"No published article {story} in edition {edition!r}.")
    pk, published_at, updated_at = row
    cache_tags.add(request, keys.ALL, keys.article(pk))
    return _json(request, items[0], Article.modified(published_at, updated_at))
