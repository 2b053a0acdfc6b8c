"""Purging: the origin's page cache at once and again when the transaction commits (a
render that read the database between the two is caught by the second), then the edge
caches (VARNISH_URLS, CLOUDFLARE_ZONE_ID: frontends.py)."""

from django.db import transaction

from .frontends import purge_frontends
from .pages import store


def purge(tags: set[str]) -> None:
    if not tags:
        return
    store().purge(tags)

    def after_commit():
        store().purge(tags)
        purge_frontends(tags)

    transaction.on_commit(after_commit)
