"""The editors' choice of top stories for each edition's front page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, TranslatableMixin

MAX_TOP_STORIES = 8


class FrontPage(TranslatableMixin, ClusterableModel):
    """One per edition; its top stories lead the front page in the order editors give."""

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("front page")
        verbose_name_plural = _("front pages")

    def __str__(self) -> str:
        return _("Front page: %(edition)s") % {"edition": self.locale.get_display_name()}


class TopStory(Orderable):
    front_page = ParentalKey(FrontPage, on_delete=models.CASCADE, related_name="top_stories")
    article = models.ForeignKey(
        "newsroom.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
