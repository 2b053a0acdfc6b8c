"""Absolute addresses and stable identifiers for what leaves the site by machine."""

import uuid

from django.conf import settings

from shpalta.newsroom.models import Article


def absolute(path: str) -> str:
    """The public address of a path, on SITE_URL whatever host a request came by; an
    address that is absolute already (media on a CDN) is left as it is."""
    return path if "://" in path else settings.SITE_URL + path


def article_uri(article: Article) -> str:
    """An identifier that never changes for one edition of a story, even when its address
    does (a corrected publication day changes the URL): urn:uuid from the story's
    translation key and the edition. Feeds give it as the GUID, the API as ninjs uri."""
    return uuid.uuid5(article.translation_key, article.locale.language_code).urn


def correction_uri(correction) -> str:
    """The corrections feed's GUID of a correction: urn:uuid, from its story's edition."""
    article = correction.article
    name = f"{article.locale.language_code}/{correction.pk}"
    return uuid.uuid5(article.translation_key, name).urn


def live_entry_uri(entry) -> str:
    """A live blog feed's GUID of an update: urn:uuid, from its blog's story and edition."""
    article = entry.article
    return uuid.uuid5(
        article.translation_key, f"{article.locale.language_code}/live/{entry.pk}"
    ).urn
