"""Purging: the origin's page cache at once and again when the transaction commits (a
render that read the database between the two is caught by the second), then the edge
caches (VARNISH_URLS, CLOUDFLARE_ZONE_ID: frontends.py). A store that cannot be reached
does not stop a story from being published: the failure is logged, the edge caches are
purged all the same, and what the store kept expires within PAGE_CACHE_SECONDS. Every
purge is also written to the purge log (models.PurgeRecord) in the event's transaction,
for copies of the site kept elsewhere (the static mirror).

The purge log is the edge caches' outbox too: a purge is written there due, sent right
after the commit (a story reaches the edge within a second), and one the edges did not
take (Varnish restarting, Cloudflare's API down) stays due: the scheduler sends it again
(`send_due_edge_purges`, one of SCHEDULED_JOBS), waiting longer after each failure, for
up to EDGE_GIVE_UP: a taken-down story leaves the edge when it comes back, not at the
end of the edge's TTL. While one is due after a failure, new purges wait for the
scheduler too: an edge that is down does not make every Publish wait for its timeout."""

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .frontends import frontends, purge_frontends
from .models import PurgeRecord
from .pages import store

# When this process last purged: what it keeps of the store's state (reader.addresses'
# names) is then read again at once, not at its next look at the store.
last_purge_ns = 0
logger = logging.getLogger(__name__)
# The edge caches' outbox: the attempt right after the commit has this long before the
# scheduler counts the purge due; after the n-th failure, the wait before the next try.
EDGE_GRACE = timedelta(seconds=30)
EDGE_RETRY_SECONDS = (5, 15, 60, 300)
EDGE_GIVE_UP = timedelta(days=1)  # longer than any edge TTL we set (s-maxage)
EDGE_BATCH = 200  # purge records sent together by the scheduler


def purge(tags: set[str]) -> None:
    global last_purge_ns
    if not tags:
        return
    last_purge_ns = time.time_ns()
    edges = bool(frontends())
    record = PurgeRecord.objects.create(  # in the event's transaction
        keys=" ".join(sorted(tags)), edges_due=timezone.now() + EDGE_GRACE if edges else None
    )
    _purge_store(tags)

    def after_commit():
        global last_purge_ns
        last_purge_ns = time.time_ns()
        _purge_store(tags)
        if edges and not _edges_failing():
            send_to_edges([record])

    transaction.on_commit(after_commit)


def _edges_failing() -> bool:
    """Whether an edge refused a purge that is still due: then a new purge waits for the
    scheduler with it, rather than the newsroom's request waiting for a timeout."""
    return PurgeRecord.objects.filter(edges_due__isnull=False, edge_attempts__gt=0).exists()


def send_to_edges(records: list[PurgeRecord]) -> bool:
    """Send these purges to every edge cache as one; whether all of them took it. Those
    they did not take are due again later (EDGE_RETRY_SECONDS), until EDGE_GIVE_UP."""
    tags = {key for record in records for key in record.keys.split()}
    if purge_frontends(tags):
        PurgeRecord.objects.filter(pk__in=[record.pk for record in records]).update(edges_due=None)
        return True
    now = timezone.now()
    for record in records:
        attempts = record.edge_attempts + 1
        wait = EDGE_RETRY_SECONDS[min(attempts, len(EDGE_RETRY_SECONDS)) - 1]
        due = now + timedelta(seconds=wait)
        if due - record.at > EDGE_GIVE_UP:
            logger.error("Edge purge given up after %d attempts: %s", attempts, record.keys[:200])
            due = None
        PurgeRecord.objects.filter(pk=record.pk).update(edges_due=due, edge_attempts=attempts)
    return False


def send_due_edge_purges() -> int:
    """One of SCHEDULED_JOBS: the edge purges that are due, sent together (oldest first);
    how many there were."""
    due = list(
        PurgeRecord.objects.filter(edges_due__lte=timezone.now()).order_by("pk")[:EDGE_BATCH]
    )
    if due:
        send_to_edges(due)
    return len(due)


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
