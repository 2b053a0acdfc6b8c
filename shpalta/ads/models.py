"""Ad slots: one per placement and edition, switched on and filled in the admin."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from .sources import HOST_SOURCE, host_sources, unlisted_hosts


class Placement(models.TextChoices):
    TOP_BANNER = "top_banner", _("Top banner")
    AFTER_LEAD = "after_lead", _("After the lead")
    IN_ARTICLE = "in_article", _("Inside the article (where the body marks it)")
    AFTER_BODY = "after_body", _("After the body")
    SIDEBAR = "sidebar", _("Sidebar")
    IN_FEED = "in_feed", _("In news lists")


# Space kept for a slot before its creative loads, so that the page does not jump.
RESERVED_HEIGHT = {
    Placement.TOP_BANNER: 90,
    Placement.AFTER_LEAD: 250,
    Placement.IN_ARTICLE: 250,
    Placement.AFTER_BODY: 250,
    Placement.SIDEBAR: 600,
    Placement.IN_FEED: 100,
}


def validate_link(value: str) -> None:
    """An address on this site (/support/) or a web address (https://…)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(
        schemes=["http", "https"],
        message=_("Enter an address on this site (starting with /) or a web address (https://…)."),
    )(value)


class AdSlot(TranslatableMixin, models.Model):
    placement = models.CharField(_("placement"), max_length=20, choices=Placement.choices)
    enabled = models.BooleanField(_("shown"), default=True)
    house_image = models.ForeignKey(
        "newsroom.NewsImage",
        verbose_name=_("house creative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    house_link = models.CharField(
        _("house creative link"),
        max_length=200,
        blank=True,
        validators=[validate_link],
        help_text=_("An address on this site, such as /support/, or a web address."),
    )
    house_alt = models.CharField(_("house creative text"), max_length=200, blank=True)
    code = models.TextField(
        _("third-party code"),
        blank=True,
        help_text=_("The ad network's snippet. It is loaded only when the slot scrolls into view."),
    )
    hosts = models.TextField(
        _("hosts the code loads from"),
        blank=True,
        help_text=_(
            "One per line, such as ads.example.net or *.adnetwork.example: the only places "
            "the code may load scripts, frames and images from (the site's "
            "Content-Security-Policy)."
        ),
    )
    every = models.PositiveSmallIntegerField(
        _("every N items"), default=10, help_text=_("For news lists: after how many items.")
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ad slot")
        verbose_name_plural = _("ad slots")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "placement"],
                name="one_slot_per_placement",
                violation_error_message=_(
                    "This edition has a slot in this placement already: edit that one."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_placement_display()} ({self.locale.language_code})"

    def clean(self):
        if self.house_image and self.code:
            raise ValidationError(
                _("Fill in either a house creative or third-party code, not both.")
            )
        if self.enabled and not (self.house_image or self.code):
            raise ValidationError(_("A shown slot needs a house creative or third-party code."))
        if self.house_image and not self.house_alt:
            raise ValidationError(
                {"house_alt": _("Describe the creative for readers who cannot see it.")}
            )
        self._clean_hosts()

    def _clean_hosts(self):
        listed = host_sources(self.hosts)
        wrong = [source for source in listed if not HOST_SOURCE.match(source)]
        if wrong:
            raise ValidationError(
                {"hosts": _("Not a host name: %(hosts)s.") % {"hosts": ", ".join(wrong)}}
            )
        missing = unlisted_hosts(self.code, listed)
        if missing:
            raise ValidationError(
                {
                    "hosts": _(
                        "The code loads from %(hosts)s: add them here, or the readers' "
                        "browsers will refuse them."
                    )
                    % {"hosts": ", ".join(missing)}
                }
            )
