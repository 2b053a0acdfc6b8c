"""Purging: the origin's page cache at once and again when the transaction commits (a
render that read the database between the two is caught by the second), then the edge
caches (VARNISH_URLS, CLOUDFLARE_ZONE_ID: frontends.py). A store that cannot be reached
does not stop a story from being published: the failure is logged, the edge caches are
purged all the same, and what the store kept expires within PAGE_CACHE_SECONDS. Every
purge is also written to the purge log (models.PurgeRecord) in the event's transaction,
for copies of the site kept elsewhere (the static mirror)."""

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .frontends import purge_frontends
from .models import PurgeRecord
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
    PurgeRecord.objects.create(keys=" ".join(sorted(tags)))  # in the event's transaction
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


def prune_records() -> int:
    """One of SCHEDULED_JOBS: forget purges older than PURGE_LOG_DAYS."""
    since = timezone.now() - timedelta(days=settings.PURGE_LOG_DAYS)
    return PurgeRecord.objects.filter(at__lt=since).delete()[0]


def purged_since(moment, seen: Iterable[int] = ()) -> set[str]:
    """Every key purged since `moment` but in the records `seen` (a copy made then is
    stale where it shows one)."""
    found: set[str] = set()
    records = PurgeRecord.objects.filter(at__gte=moment).exclude(pk__in=list(seen))
    for keys in records.values_list("keys", flat=True):
        found.update(keys.split())
    return found


def records_since(moment) -> list[int]:
    """The purge records since `moment` that can be seen now (committed)."""
    return list(PurgeRecord.objects.filter(at__gte=moment).values_list("pk", flat=True))
