"""Authors, sections, tags and labels: shared by the editions, named in each."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from shpalta.editions.fields import edition_field_names, per_edition
from shpalta.editions.registry import DEFAULT_EDITION

BY_MAIN_NAME = [f"name_{DEFAULT_EDITION.code}"]


def _name_field(edition):
    return models.CharField(
        format_lazy("{} ({})", _("name"), edition.name),
        max_length=120,
        blank=edition
        != DEFAULT_EDITION,  # the main edition's name is required, the others fall back to it
    )


def _slug_field(edition):
    return models.SlugField(
        format_lazy("{} ({})", _("slug"), edition.name),
        max_length=80,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; it is part of the page address."),
    )


def _bio_field(edition):
    return models.TextField(format_lazy("{} ({})", _("biography"), edition.name), blank=True)


class NamedInEditions(index.Indexed, models.Model):
    search_fields = [index.AutocompleteField(field) for field in edition_field_names("name")]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


@per_edition(name=_name_field, bio=_bio_field)
class Author(NamedInEditions):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    photo = models.ForeignKey(
        "newsroom.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [
        *NamedInEditions.search_fields,
        *(index.SearchField(field) for field in edition_field_names("name")),
    ]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = BY_MAIN_NAME


@per_edition(name=_name_field)
class Section(NamedInEditions):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order in menus"), default=100)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["sort_order", "slug"]


@per_edition(name=_name_field, slug=_slug_field)
class Tag(NamedInEditions):
    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = BY_MAIN_NAME


@per_edition(name=_name_field)
class Label(NamedInEditions):
    """A mark shown before a headline in lists: EXPLAINER, EXCLUSIVE, LIVE."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["slug"]
