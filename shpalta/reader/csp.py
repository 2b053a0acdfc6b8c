"""The Content-Security-Policy of every answer, on Django's own (django.middleware.csp),
and the Permissions-Policy.

Reader pages carry no nonce, and need none: a page is kept whole (the origin's page
cache, Varnish, a CDN) and served to every reader for minutes, so a nonce in it would be
one value shared by all of them, published in the page itself. Instead the reader pages
have no inline script of ours at all (their scripts are files of our origin), ad code's
inline scripts are allowed by their hashes and its files by the hosts the ad manager
lists (ads/sources.py), and the click-to-load embeds by their providers' frame hosts.
The lite edition's one inline stylesheet is allowed by its hash.
The policy is then the same for every request of a page and is kept with it; it
changes only when an ad slot changes, which purges every page (keys.ALL).

The admin: Wagtail 8 writes inline scripts into its forms (inline panels, date pickers)
without a nonce, so scripts there need 'unsafe-inline' (a nonce beside it would make
browsers ignore it and break those forms); everything else is as tight as the reader
pages, no other site may frame the admin, and previews may be framed by the admin only.
"""

from django.conf import settings
from django.db import DatabaseError
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.urls import reverse
from django.utils.csp import CSP

from shpalta.ads.selectors import ThirdPartySources, third_party_sources
from shpalta.newsroom.embeds import FRAME_SOURCES

from .views.lite import style as lite_style

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb", "serial", "hid",
    )
)  # fmt: skip


def _origins_of_media() -> list[str]:
    """Static files and uploads on another host (a CDN): their origins."""
    origins = []
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        if url.startswith(("https://", "http://")):
            origins.append("/".join(url.split("/", 3)[:3]))
    return origins


def reader_policy() -> dict:
    try:
        ads = third_party_sources()
    except DatabaseError:
        # The database is unreachable: the page is a kept copy (with its own policy) or
        # the 503 page, which carries no ad code.
        ads = ThirdPartySources((), ())
    media = _origins_of_media()
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, *media, *ads.hosts, *ads.script_hashes],
        "style-src": [CSP.SELF, *media, lite_style()[1]],
        "img-src": [CSP.SELF, "data:", *media, *ads.hosts],
        "font-src": [CSP.SELF, *media],
        "connect-src": [CSP.SELF, *ads.hosts],
        "frame-src": [*FRAME_SOURCES, *ads.hosts],
        "media-src": [CSP.SELF, *media],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.SELF],
        "form-action": [CSP.SELF],
        "frame-ancestors": [CSP.SELF],
    }


def admin_policy(*, framed_by_admin: bool) -> dict:
    media = _origins_of_media()
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, *media],
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE, *media],
        "img-src": [CSP.SELF, "data:", "blob:", *media],
        "font-src": [CSP.SELF, "data:", *media],
        "connect-src": [CSP.SELF],
        "frame-src": [CSP.SELF, *FRAME_SOURCES],
        "media-src": [CSP.SELF, *media],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.SELF],
        "form-action": [CSP.SELF],
        "frame-ancestors": [CSP.SELF] if framed_by_admin else [CSP.NONE],
    }


class PolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware with the policy of the page answered: the admin's (its
    previews framed by the admin alone) or the reader site's."""

    admin_prefix = None

    def process_response(self, request, response):
        if PolicyMiddleware.admin_prefix is None:
            PolicyMiddleware.admin_prefix = reverse("wagtailadmin_home")
        if not hasattr(response, "_csp_config") and CSP.HEADER_ENFORCE not in response:
            if request.path_info.startswith(self.admin_prefix):
                match = getattr(request, "resolver_match", None)
                preview = bool(match and match.url_name and "preview" in match.url_name)
                response._csp_config = admin_policy(framed_by_admin=preview)
            else:
                response._csp_config = reader_policy()
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return super().process_response(request, response)
