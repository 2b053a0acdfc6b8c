"""Purging: the origin's page cache at once and again when the transaction commits (a
render that read the database between the two is caught by the second), then the edge
caches configured in PAGE_CACHE_FRONTENDS."""

import logging

from django.db import transaction

from .pages import store

logger = logging.getLogger(__name__)


def purge(tags: set[str]) -> None:
    if not tags:
        return
    store().purge(tags)
    transaction.on_commit(lambda: store().purge(tags))
