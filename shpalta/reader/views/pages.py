"""Support Us and About, and the 404 and 500 pages."""

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragment
from shpalta.editions.addresses import address_in_each
from shpalta.editions.registry import EDITIONS
from shpalta.newsroom.models import InfoPage
from shpalta.syndication.metadata import PageHead

from .common import front_page_links, render_page
from .lite import is_lite, lite_not_found

logger = logging.getLogger(__name__)


def info_page(request: HttpRequest, kind: str) -> HttpResponse:
    """Support Us or About: the edition's page from the admin, else the built-in text."""
    page = InfoPage.objects.filter(locale__language_code=request.edition.code, kind=kind).first()
    links = address_in_each(f"reader:{kind}")
    cache_tags.add(request, keys.info(request.edition.code))
    return render_page(request, f"reader/{kind}.html", {"info_page": page}, links)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The edition's 404 page. It says the same for every address, so it is rendered once
    and kept: a flood of made-up addresses costs a lookup, not a page."""
    if is_lite(request.path):
        return lite_not_found(request)
    code = request.edition.code

    def render():
        head = PageHead(
            canonical="",
            language=code,
            og_locale=request.edition.og_locale,
            alternates=[],
            og_locale_alternates=[],
            feeds=[],
            robots="noindex",
        )
        page = render_page(
            request, "reader/404.html", {}, front_page_links(), status=404, head=head
        )
        return page.content.decode(), set(cache_tags.of_request(request))

    try:
        html = cached_fragment(request, keys.not_found_fragment(code), render)
    except Exception:
        # Django answers 500 when the 404 page fails, and logs only that it did.
        logger.exception("The 404 page of %s failed", request.path)
        raise
    return HttpResponse(html, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Nothing that could fail again: no database, no chrome; the edition's language only.
    edition = getattr(request, "edition", EDITIONS[0])
    with translation.override(edition.code):
        return render(request, "reader/500.html", {"edition": edition}, status=500)
