"""A page's path by its URL name, as reverse() gives it, kept once found.

reverse() walks the URL patterns, fills them, quotes the result and matches it against
the pattern again: 15–55 µs a call, and a reader's page asks for a dozen (its authors',
tags' and section's pages, the feeds, the edition's own pages). The answer depends only
on the name, the arguments and what reverse() reads besides (the active edition's
prefix, the script prefix, the URL configuration), so it is kept under all of them.
Reader pages and what they carry (their head, structured data, feeds) link with
`address()` or the `{% address %}` tag; elsewhere reverse() and `{% url %}` do.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.translation import get_language

from .registry import EDITIONS

# Three editions' pages of the tags, authors and sections a server links to most.
KEPT = 8192


def address(name: str, *args: str | int) -> str:
    """reverse(name, args=args) in the active edition."""
    return _reversed(name, args, get_language(), get_script_prefix(), get_urlconf())


def address_in(code: str, name: str, *args: str | int) -> str:
    """reverse(name, args=args) in edition `code`, without activating its language
    unless the address is not kept yet (a page's links to itself in each edition)."""
    return _reversed(name, args, code, get_script_prefix(), get_urlconf())


def address_in_each(name: str, *args: str | int) -> dict[str, str]:
    """address_in() in every edition, by code: a page's links to itself in each."""
    return {edition.code: address_in(edition.code, name, *args) for edition in EDITIONS}


@lru_cache(maxsize=KEPT)
def _reversed(name: str, args: tuple, language: str | None, prefix: str, urlconf) -> str:
    with translation.override(language):
        return reverse(name, args=args, urlconf=urlconf)


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()
