"""The purge log: each purge as it was asked for, written in the transaction of the event
that made it, kept PURGE_LOG_DAYS. A copy of the site made earlier and kept elsewhere
(the static mirror, reader.mirror) reads it to learn which of its pages went stale, and
it is the edge caches' outbox (caching.purge): a purge they have not taken yet is due."""

from django.db import models
from django.utils import timezone


class PurgeRecord(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    keys = models.TextField(help_text="The surrogate keys purged, space-separated.")
    edges_due = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When to send it to the edge caches (again); empty once sent.",
    )
    edge_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "purge record"
        indexes = [
            models.Index(
                fields=["edges_due"],
                condition=models.Q(edges_due__isnull=False),
                name="purgerecord_edges_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.keys[:60]}"
