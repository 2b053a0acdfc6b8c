"""Corrections: what an edition of a story got wrong and when it was put right, shown to
its readers on the article, in the edition's corrections log and wherever the story
leaves the site (JSON-LD, feeds, ninjs)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from .article import Article, edition_locale


class CorrectionQuerySet(models.QuerySet):
    def shown_in(self, code: str):
        """The corrections readers of an edition see: those of its live articles, newest
        first (the log), with each story for its headline and address."""
        return (
            self.filter(
                article__live=True,
                article__published_at__lte=Now(),
                article__locale_id=edition_locale(code),
                made_at__isnull=False,
            )
            .select_related("article__locale")
            .order_by("-made_at", "-id")
        )


class Correction(Orderable):
    """One correction of one edition of a story: part of the article (its revisions,
    drafts and translations), so a translator translates it with the rest."""

    article = ParentalKey(Article, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(
        _("correction"),
        max_length=1000,
        help_text=_(
            "What was wrong and what is right now, as readers will see it: “An earlier "
            "version of this story gave the wrong date of the meeting.”"
        ),
    )
    made_at = models.DateTimeField(
        _("time of the correction"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is the moment the correction is published."),
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [models.Index(fields=["-made_at"], name="correction_log")]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        # A correction tells readers when the story was put right: not a time to come.
        if self.made_at and self.made_at > timezone.now() + timedelta(minutes=1):
            raise ValidationError(
                {"made_at": _("A correction cannot be dated in the future. Leave it empty.")}
            )
