"""Articles as IPTC ninjs 3.1 (News in JSON), the format of the content API.

ninjs 3.1 rather than 2.2: it is the current version, and its camelCase property names
and `standard` object are what newer IPTC tooling reads. Names (of authors, tags,
sections, genres) are given in the article's own edition.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from shpalta.editions.addresses import address
from shpalta.editions.dates import kyiv_iso
from shpalta.newsroom.models import Article, Kind
from shpalta.newsroom.renditions import ENCLOSURE_SPEC

from .feeds import full_text
from .links import absolute, article_uri

NINJS_VERSION = "3.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
PROFILE = "shpalta-article"
# ninjs urgency: 1 is the most urgent, 9 the least.
URGENT, ROUTINE = 2, 5
_WORDS = re.compile(r"\w+")


def article_to_ninjs(article: Article, *, full: bool) -> dict:
    """One edition of a story; `full` adds the body (the list gives partial items)."""
    with translation.override(article.edition.code):
        return _ninjs(article, full=full)


def _ninjs(article: Article, *, full: bool) -> dict:
    authors = article.ordered_authors()
    url = absolute(article.get_absolute_url())
    item = {
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "uri": article_uri(article),
        "type": "text",
        "representationType": "full" if full else "partial",
        "profile": PROFILE,
        "version": str(article.live_revision_id or 1),
        "firstCreated": kyiv_iso(article.published_at),
        "versionCreated": kyiv_iso(article.last_modified),
        "pubStatus": "usable",
        "urgency": URGENT if article.is_urgent else ROUTINE,
        "language": article.edition.code,
        "copyrightNotice": f"© {settings.PUBLISHER_NAME}",
        "headlines": [{"role": "main", "value": article.headline}],
        "descriptions": [
            {
                "role": "summary",
                "contentType": "text/plain",
                "value": article.summary_text,
            }
        ],
        "by": ", ".join(author.name for author in authors),
        "people": [
            {
                "name": author.name,
                "rel": "author",
                "uri": absolute(address("reader:author", author.slug)),
            }
            for author in authors
        ],
        "subjects": _subjects(article),
        "genres": [{"name": str(Kind(article.kind).label), "literal": article.kind}],
        "renditions": [{"name": "web", "href": url, "contentType": "text/html"}],
        "altIds": [{"role": "storyNumber", "value": str(article.story_number)}],
    }
    if full:
        html = full_text(article)
        item["bodies"] = [
            {
                "role": "main",
                "contentType": "text/html",
                "wordCount": len(_WORDS.findall(strip_tags(html))),
                "value": html,
            }
        ]
    if article.main_image:
        item["associations"] = [_picture(article)]
    corrections = article.published_corrections()
    if corrections:
        # Readers' text in descriptions; partners who republished the story are told in
        # the editorial note to correct their copy.
        item["descriptions"] += [
            {"role": "correction", "contentType": "text/plain", "value": correction.text}
            for correction in corrections
        ]
        item["edNote"] = _("Corrected %(when)s. Please correct your copy too.") % {
            "when": ", ".join(kyiv_iso(c.made_at) for c in corrections)
        }
    return item


def _subjects(article: Article) -> list[dict]:
    section = article.section
    subjects = [
        {
            "name": section.name,
            "rel": "section",
            "literal": section.slug,
            "uri": absolute(address("reader:section", section.slug)),
        }
    ]
    for tag in article.ordered_tags():
        subjects.append(
            {
                "name": tag.name,
                "rel": "tag",
                "literal": tag.slug,
                "uri": absolute(address("reader:tag", tag.slug)),
            }
        )
    for label in article.shown_labels():
        subjects.append(
            {
                "name": label.name,
                "rel": "label",
                "literal": label.slug,
                "uri": absolute(address("reader:label", label.slug)),
            }
        )
    return subjects


def _picture(article: Article) -> dict:
    image = article.main_image
    rendition = image.get_rendition(ENCLOSURE_SPEC)
    picture = {
        "name": "mainImage",
        "rel": "main-image",
        "uri": f"urn:shpalta:image:{image.pk}",
        "type": "picture",
        "renditions": [
            {
                "name": ENCLOSURE_SPEC,
                "href": absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        ],
    }
    caption = article.main_image_caption or image.title
    if caption:
        picture["headlines"] = [{"value": caption}]
    if image.credit:
        picture["by"] = image.credit
    return picture
