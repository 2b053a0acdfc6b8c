"""WebSub (W3C, https://www.w3.org/TR/websub/): tell the hub which feeds changed, so that
subscribers hear of a story within seconds instead of at their next poll.

Publishing writes the affected feeds into an outbox (HubNotice) in its own transaction;
the scheduler beside the web server sends them (`announce_pending`, one of
SCHEDULED_JOBS), so a slow or absent hub never slows down the newsroom, and a notice
survives a restart. A failed notice is tried again later, up to MAX_ATTEMPTS times.
"""

import logging
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from shpalta.newsroom.models import Author, Section, Tag
from shpalta.newsroom.snapshots import ArticleSnapshot

from .links import absolute
from .models import HubNotice

logger = logging.getLogger(__name__)
TIMEOUT = 3  # seconds; the scheduler also publishes stories and must not wait long
MAX_ATTEMPTS = 10
BATCH = 50


def feeds_of(article: ArticleSnapshot) -> set[str]:
    """Every feed, RSS and Atom, in which the live article appears."""
    routes = [("edition", ()), ("partner", ())]
    if article.is_urgent:
        routes.append(("urgent", ()))
    routes.append(("section", (Section.objects.get(pk=article.section_id).slug,)))
    with translation.override(article.edition):
        routes += [("tag", (tag.slug,)) for tag in Tag.objects.filter(pk__in=article.tag_ids)]
        routes += [
            ("author", (author.slug,))
            for author in Author.objects.filter(pk__in=article.author_ids)
        ]
        return {
            absolute(reverse(f"feeds:{name}_{fmt}", args=args))
            for name, args in routes
            for fmt in ("rss", "atom")
        }


def queue_announcements(*, before: ArticleSnapshot | None, after: ArticleSnapshot | None):
    """Put the feeds the article was and is in into the outbox (a feed already waiting is
    not doubled)."""
    if not settings.WEBSUB_HUB_URL:
        return
    urls = set()
    for snapshot in (before, after):
        if snapshot is not None:
            urls |= feeds_of(snapshot)
    HubNotice.objects.bulk_create(
        [HubNotice(feed_url=url) for url in sorted(urls)], ignore_conflicts=True
    )


def _ping(feed_url: str) -> None:
    body = urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
    request = urllib.request.Request(  # noqa: S310  (the hub's address is our own setting)
        settings.WEBSUB_HUB_URL,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        if not 200 <= response.status < 300:
            raise urllib.error.HTTPError(feed_url, response.status, "hub refused", None, None)


def announce_pending() -> int:
    """Send the notices that are due; the number the hub accepted."""
    if not settings.WEBSUB_HUB_URL:
        return 0
    now = timezone.now()
    sent = 0
    for notice in HubNotice.objects.filter(next_attempt_at__lte=now).order_by("id")[:BATCH]:
        try:
            _ping(notice.feed_url)
        except (OSError, ValueError) as problem:  # URLError and HTTPError are OSErrors
            notice.attempts += 1
            notice.last_error = str(problem)[:300]
            if notice.attempts >= MAX_ATTEMPTS:
                logger.warning("WebSub: hub never took %s; giving up", notice.feed_url)
                notice.delete()
            else:
                delay = timedelta(seconds=min(5 * 2**notice.attempts, 3600))
                notice.next_attempt_at = now + delay
                notice.save(update_fields=["attempts", "last_error", "next_attempt_at"])
                logger.warning("WebSub: hub failed for %s: %s", notice.feed_url, problem)
            break  # the hub is down or refusing: try the rest at the next run
        notice.delete()
        sent += 1
    return sent
