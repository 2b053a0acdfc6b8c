"""Model fields with one column per edition (name_uk, name_ru, name_en), for taxonomy that is
shared by the editions but named in each: a tag is one tag, spelt three ways."""

from collections.abc import Callable
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language

from .registry import DEFAULT_EDITION, EDITIONS, Edition


def edition_field_name(name: str, code: str) -> str:
    """The column of field `name` for edition `code`: name_uk, slug_en…"""
    return f"{name}_{code}"


def edition_field_names(name: str) -> list[str]:
    return [edition_field_name(name, edition.code) for edition in EDITIONS]


def in_any_edition(name: str, value) -> Q:
    """A filter: field `name` of some edition is `value` (a tag by any of its slugs)."""
    return reduce(or_, (Q(**{field: value}) for field in edition_field_names(name)))


def per_edition(**factories: Callable[[Edition], models.Field]):
    """Class decorator: for each keyword, a field per edition made by the factory, and a
    property of that name giving the active edition's value, else the main edition's."""

    def decorate(model: type[models.Model]) -> type[models.Model]:
        for name, factory in factories.items():
            for edition in EDITIONS:
                factory(edition).contribute_to_class(model, edition_field_name(name, edition.code))
            setattr(model, name, property(_active_edition_getter(name)))
        return model

    return decorate


def _active_edition_getter(name: str):
    def getter(instance: models.Model) -> str:
        return in_edition(instance, name, get_language() or DEFAULT_EDITION.code)

    getter.__name__ = name
    return getter


def in_edition(instance: models.Model, name: str, code: str) -> str:
    value = getattr(instance, edition_field_name(name, code), "")
    return value or getattr(instance, edition_field_name(name, DEFAULT_EDITION.code))
