"""Second approvals: who published an item that needed a second editor, and who had
written it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SecondApproval(models.Model):
    article = models.ForeignKey(
        "newsroom.Article", on_delete=models.CASCADE, related_name="second_approvals"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)
    # Why it needed one ("urgent", "night") and the usernames of those who wrote it.
    conditions = models.JSONField(default=list)
    written_by = models.JSONField(default=list)

    class Meta:
        ordering = ["-approved_at"]
        verbose_name = _("second approval")
        verbose_name_plural = _("second approvals")

    def __str__(self) -> str:
        return f"{self.article_id} approved by {self.approved_by_id} at {self.approved_at:%Y-%m-%d}"
