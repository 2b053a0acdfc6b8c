"""Offline reading: the service worker at the site's root (`/sw.js`, scope `/`) and each
edition's web app manifest. The worker keeps the front pages and the last
OFFLINE_ARTICLES articles a reader opened (reader/sw.js); OFFLINE_READING=0 serves a
worker that empties its caches and unregisters itself, so that readers' browsers let go.

The worker's text names the release (caching.keys.release) and the static files'
address: a deploy changes its bytes, which is how browsers learn to install the new one,
and the new one drops the old one's static cache."""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.editions.registry import EDITIONS
from shpalta.newsroom.models.article import KIND_URL_SEGMENTS


def service_worker(request: HttpRequest) -> HttpResponse:
    offline = {}
    for edition in EDITIONS:
        with translation.override(edition.code):
            offline[edition.prefix] = render_to_string(
                "reader/offline.html", {"edition": edition}, request=request
            )
    script = render_to_string(
        "reader/sw.js",
        {
            "version": f"{keys.configuration()}-{int(settings.OFFLINE_READING)}",
            "enabled": settings.OFFLINE_READING,
            "articles": settings.OFFLINE_ARTICLES,
            "kinds": "|".join(KIND_URL_SEGMENTS.values()),
            "static_url": settings.STATIC_URL,
            # Inside a <script>-less file: JSON is JavaScript; "</" needs no escaping here.
            "offline": json.dumps(offline, ensure_ascii=False),
        },
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    # Asked again at each visit: a new release reaches readers at once.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


def web_manifest(request: HttpRequest) -> JsonResponse:
    """The edition's web app manifest: installable, opening at its front page."""
    cache_tags.add(request, keys.ALL)
    tagline = _("News of Ukraine and the world")
    manifest = {
        "name": f"{settings.PUBLISHER_NAME}: {tagline}",
        "short_name": settings.PUBLISHER_NAME,
        "lang": request.edition.code,
        "start_url": reverse("reader:front"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1a1a1a",
        "icons": [
            {
                "src": static("syndication/logo-square.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any",
            }
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
