"""The purge log: every purge of a publishing event is written in its transaction (an
event rolled back leaves none), and the scheduler forgets those older than
PURGE_LOG_DAYS."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from shpalta.caching.models import PurgeRecord
from shpalta.caching.purge import prune_records, purged_since

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_publishing_writes_what_it_purged(newsroom):
    before = timezone.now()
    article = make_article()
    assert {f"a{article.pk}", "front-uk", "stream-uk"} <= purged_since(before)


def test_an_event_rolled_back_leaves_no_record(newsroom):
    make_article()
    count = PurgeRecord.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_article(headline="Не відбулося")
        raise RuntimeError("the publishing transaction fails")
    assert PurgeRecord.objects.count() == count


def test_old_records_are_forgotten(settings, newsroom):
    settings.PURGE_LOG_DAYS = 40
    old = PurgeRecord.objects.create(keys="a1", at=timezone.now() - timedelta(days=41))
    recent = PurgeRecord.objects.create(keys="a2", at=timezone.now() - timedelta(days=39))
    assert prune_records() == 1
    assert not PurgeRecord.objects.filter(pk=old.pk).exists()
    assert PurgeRecord.objects.filter(pk=recent.pk).exists()
