"""Live blogs: an article of the kind "live" whose story is a stream of entries, added,
edited and deleted while it runs without republishing the article. Each entry is a row
of its own, so reporters adding entries at once never overwrite each other."""

import html

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from ..blocks import LiveEntryBlock


class LiveEntry(models.Model):
    article = models.ForeignKey(
        "newsroom.Article",
        verbose_name=_("live blog"),
        on_delete=models.CASCADE,
        related_name="live_entries",
        limit_choices_to={"kind": "live"},
    )
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        blank=True,
        help_text=_("Shown on the update (Kyiv time). Left empty, the moment you save it."),
    )
    headline = models.CharField(_("headline"), max_length=255, blank=True)
    body = StreamField(LiveEntryBlock(), verbose_name=_("text"))
    author = models.ForeignKey(
        "newsroom.Author",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    pinned = models.BooleanField(
        _("key point"), default=False, help_text=_("Pinned at the top of the blog.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("live blog entry")
        verbose_name_plural = _("live blog entries")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["article", "-published_at"], name="liveentry_stream"),
        ]

    def __str__(self) -> str:
        return self.headline or f"{self.article} · {self.published_at:%H:%M}"

    @property
    def anchor(self) -> str:
        return f"entry-{self.pk}"

    def text(self) -> str:
        """The entry's words as plain text (structured data, feeds)."""
        return " ".join(
            html.unescape(strip_tags(piece)).strip()
            for piece in self.body.stream_block.get_searchable_content(self.body)
        ).strip()
