"""Edge caches purged by surrogate key after a publishing event commits: Varnish (xkey)
and Cloudflare (Cache-Tag). Configured by PAGE_CACHE_FRONTENDS (settings: VARNISH_URLS,
CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN).

A purge is a short HTTP call made right after the commit, so that a story is on the
edge within a second; one that fails is logged and stays in the outbox (the purge log,
caching.purge) for the scheduler to send again.
"""

import json
import logging
import urllib.request
from collections.abc import Iterable

from django.conf import settings

logger = logging.getLogger(__name__)
TIMEOUT = 2


def _chunks(tags: Iterable[str], size: int) -> list[list[str]]:
    ordered = sorted(tags)
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


class VarnishBackend:
    """PURGE with an `xkey-purge` header, as deploy/varnish/shpalta.vcl expects."""

    BATCH = 100  # keeps the header well under Varnish's 8 KB limit

    def __init__(self, location: str):
        self.location = location.rstrip("/") + "/"

    def purge(self, tags: set[str]) -> None:
        for chunk in _chunks(tags, self.BATCH):
            request = urllib.request.Request(  # noqa: S310  (our own setting)
                self.location, method="PURGE", headers={"xkey-purge": " ".join(chunk)}
            )
            with urllib.request.urlopen(request, timeout=TIMEOUT):  # noqa: S310
                pass


class CloudflareBackend:
    """Cloudflare's purge by Cache-Tag (POST /zones/<zone>/purge_cache {"tags": [...]})."""

    BATCH = 30  # tags per call that every Cloudflare plan accepts

    def __init__(self, zone: str, token: str, api: str = "https://api.cloudflare.com/client/v4"):
        self.url = f"{api.rstrip('/')}/zones/{zone}/purge_cache"
        self.token = token

    def purge(self, tags: set[str]) -> None:
        for chunk in _chunks(tags, self.BATCH):
            request = urllib.request.Request(  # noqa: S310  (our own setting)
                self.url,
                data=json.dumps({"tags": chunk}).encode(),
                method="POST",
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/json",
                },
            )
            with urllib.request.urlopen(request, timeout=TIMEOUT):  # noqa: S310
                pass


def frontends() -> list:
    backends = [VarnishBackend(url) for url in settings.VARNISH_URLS]
    if settings.CLOUDFLARE_ZONE_ID:
        backends.append(
            CloudflareBackend(
                settings.CLOUDFLARE_ZONE_ID,
                settings.CLOUDFLARE_API_TOKEN,
                settings.CLOUDFLARE_API_URL,
            )
        )
    return backends


def purge_frontends(tags: set[str]) -> bool:
    """Purge these keys from every edge cache; whether all of them took it."""
    taken = True
    for backend in frontends():
        try:
            backend.purge(tags)
        except OSError as problem:  # URLError, HTTPError, timeouts
            logger.warning("Edge purge failed (%s): %s", type(backend).__name__, problem)
            taken = False
    return taken
