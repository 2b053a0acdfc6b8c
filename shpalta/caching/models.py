"""The purge log: each purge as it was asked for, written in the transaction of the event
that made it, kept PURGE_LOG_DAYS. A copy of the site made earlier and kept elsewhere
(the static mirror, reader.mirror) reads it to learn which of its pages went stale."""

from django.db import models
from django.utils import timezone


class PurgeRecord(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    keys = models.TextField(help_text="The surrogate keys purged, space-separated.")

    class Meta:
        verbose_name = "purge record"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.keys[:60]}"
