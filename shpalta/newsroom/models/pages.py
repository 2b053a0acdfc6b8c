"""The outlet's own pages in each edition: Support Us and About, written in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from ..blocks import PARAGRAPH_FEATURES


class InfoPageKind(models.TextChoices):
    SUPPORT = "support", _("Support Us")
    ABOUT = "about", _("About and contacts")


class TierBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=60, label=_("Name"))
    price = blocks.CharBlock(max_length=60, label=_("Price"))
    description = blocks.TextBlock(required=False, label=_("What it gives"))

    class Meta:
        icon = "pick"
        label = _("Membership tier")


class ButtonBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=60, label=_("Text"))
    url = blocks.URLBlock(label=_("Address (the payment provider)"))

    class Meta:
        icon = "link-external"
        label = _("Button")


class InfoPage(TranslatableMixin, models.Model):
    kind = models.CharField(_("page"), max_length=20, choices=InfoPageKind.choices)
    title = models.CharField(_("title"), max_length=120)
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))),
            ("tiers", blocks.ListBlock(TierBlock(), label=_("Membership tiers"))),
            ("button", ButtonBlock()),
        ],
        verbose_name=_("text"),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support or about page")
        verbose_name_plural = _("support and about pages")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "kind"],
                name="one_info_page_per_edition",
                violation_error_message=_(
                    "This edition has this page already: edit that one (Support and About)."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.locale.language_code})"
