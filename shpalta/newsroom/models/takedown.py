"""Panic unpublish: a record of each set of articles the duty editor took down at once,
why, and whether (and by whom) it was put back."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Takedown(models.Model):
    """One panic unpublish. `articles` keeps, for each article taken down, what putting
    it back needs and what the record shows: its id, the revision that was live, its
    headline, edition and address."""

    created_at = models.DateTimeField(_("taken down at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken down by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=2000)
    scope = models.CharField(_("what was chosen"), max_length=500)
    articles = models.JSONField(_("articles"), default=list)
    undone_at = models.DateTimeField(_("put back at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("put back by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("takedown")
        verbose_name_plural = _("takedowns")
        default_permissions = ("add", "view")
        permissions = [("freeze_account", _("Can freeze a newsroom account"))]

    def __str__(self) -> str:
        return _("%(count)s articles taken down at %(when)s") % {
            "count": len(self.articles),
            "when": f"{timezone.localtime(self.created_at):%Y-%m-%d %H:%M}",
        }
