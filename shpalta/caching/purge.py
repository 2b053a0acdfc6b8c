"""Purging: the origin's page cache at once and again when the transaction commits (a
render that read the database between the two is caught by the second), then the edge
caches (VARNISH_URLS, CLOUDFLARE_ZONE_ID: frontends.py). A store that cannot be reached
does not stop a story from being published: the failure is logged, the edge caches are
purged all the same, and what the store kept expires within PAGE_CACHE_SECONDS."""

import logging
import time

from django.db import transaction

from .frontends import purge_frontends
from .pages import store

# When this process last purged: what it keeps of the store's state (reader.addresses'
# names) is then read again at once, not at its next look at the store.
last_purge_ns = 0
logger = logging.getLogger(__name__)


def purge(tags: set[str]) -> None:
    global last_purge_ns
    if not tags:
        return
    last_purge_ns = time.time_ns()
    _purge_store(tags)

    def after_commit():
        global last_purge_ns
        last_purge_ns = time.time_ns()
        _purge_store(tags)
        purge_frontends(tags)

    transaction.on_commit(after_commit)


def _purge_store(tags: set[str]) -> None:
    try:
        store().purge(tags)
    except Exception:
        logger.exception("Page cache: could not purge %d keys (%s…)", len(tags), min(tags))
