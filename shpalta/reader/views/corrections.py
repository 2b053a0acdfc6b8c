"""The corrections log of an edition: every correction of its live stories, newest first,
each with its story."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.editions.addresses import address_in_each
from shpalta.editions.dates import kyiv_today
from shpalta.newsroom.models import Correction
from shpalta.syndication.metadata import feed_links

from .common import paged, render_page


def corrections_log(request: HttpRequest) -> HttpResponse:
    code = request.edition.code
    page = paged(request, Correction.objects.shown_in(code))
    cache_tags.add(
        request,
        keys.corrections(code),
        *keys.articles({correction.article_id for correction in page.object_list}),
    )
    title = _("Corrections")
    feeds = feed_links(
        f"{settings.PUBLISHER_NAME}: {title}",
        reverse("feeds:corrections_rss"),
        reverse("feeds:corrections_atom"),
    )
    return render_page(
        request,
        "reader/corrections.html",
        {"page": page, "title": title, "list_day": kyiv_today()},
        address_in_each("reader:corrections"),
        feeds=feeds,
    )
