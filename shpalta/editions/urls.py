"""URL patterns under the active edition's prefix: "" for Ukrainian, "rus/", "eng/".

Django's i18n_patterns() prefixes the language code ("ru/"); the outlet's URLs use
their own prefixes, so the prefix pattern is Django's with the prefix looked up in
the edition registry. Reversing gives the active language's prefix, as with
i18n_patterns: wrap a reverse() in translation.override(code) for another edition.
"""

from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language

from .registry import DEFAULT_EDITION, UnknownEditionError, get_edition


class EditionPrefixPattern(LocalePrefixPattern):
    def __init__(self):
        super().__init__(prefix_default_language=False)

    @property
    def language_prefix(self) -> str:
        try:
            return get_edition(get_language() or DEFAULT_EDITION.code).prefix
        except UnknownEditionError:
            return DEFAULT_EDITION.prefix


def edition_patterns(*urls) -> list[URLResolver]:
    return [URLResolver(EditionPrefixPattern(), list(urls))]
