"""The WebSub outbox: feeds whose change the hub has yet to hear about."""

from django.db import models
from django.utils import timezone


class HubNotice(models.Model):
    """One feed to announce to the hub. Written in the publishing transaction, sent by
    the scheduler (websub.announce_pending), removed once the hub accepted it."""

    feed_url = models.URLField(max_length=500, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.feed_url
