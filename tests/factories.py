"""Small factories: real model objects, published through the real publishing action."""

import io
import itertools
from datetime import datetime

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText

from shpalta.newsroom.models import (
    Article,
    ArticleAuthor,
    ArticleTag,
    Author,
    NewsImage,
    Section,
    Tag,
)
from shpalta.newsroom.services import allocate_story_number

_serial = itertools.count(1)


def make_section(slug: str = "politics", **names) -> Section:
    section, _created = Section.objects.get_or_create(
        slug=slug,
        defaults={
            "name_uk": names.get("uk", "Політика"),
            "name_ru": names.get("ru", "Политика"),
            "name_en": names.get("en", "Politics"),
        },
    )
    return section


def make_author(slug: str | None = None, **names) -> Author:
    number = next(_serial)
    return Author.objects.create(
        slug=slug or f"author-{number}",
        name_uk=names.get("uk", f"Авторка {number}"),
        name_ru=names.get("ru", f"Автор {number}"),
        name_en=names.get("en", f"Author {number}"),
    )


def make_tag(slug: str | None = None, **names) -> Tag:
    slug = slug or f"tag-{next(_serial)}"
    return Tag.objects.create(
        name_uk=names.get("uk", f"тег {slug}"),
        name_ru=names.get("ru", f"тэг {slug}"),
        name_en=names.get("en", f"tag {slug}"),
        slug_uk=slug,
        slug_ru=slug,
        slug_en=slug,
    )


def image_file(size=(640, 360), fmt="PNG", name="picture.png") -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 90, 160)).save(buffer, fmt)
    return ImageFile(buffer, name=name)


def make_image(title: str = "A picture", credit: str = "Test Agency", size=(640, 360)) -> NewsImage:
    return NewsImage.objects.create(title=title, file=image_file(size), credit=credit)


def make_article(
    *,
    edition: str = "uk",
    headline: str = "Рада ухвалила закон",
    lead: str = "<p>Депутати проголосували.</p>",
    body: list | None = None,
    authors: list[Author] | None = None,
    tags: list[Tag] | None = None,
    labels: list | None = None,
    published_at: datetime | None = None,
    publish: bool = True,
    **fields,
) -> Article:
    article = Article(
        locale=Locale.objects.get(language_code=edition),
        story_number=fields.pop("story_number", None) or allocate_story_number(),
        headline=headline,
        lead=lead,
        body=body or [],
        section=fields.pop("section", None) or make_section(),
        published_at=published_at,
        live=False,
        **fields,
    )
    article.author_links = [
        ArticleAuthor(author=author, sort_order=order)
        for order, author in enumerate(authors or [make_author()])
    ]
    article.tag_links = [
        ArticleTag(tag=tag, sort_order=order) for order, tag in enumerate(tags or [])
    ]
    article.labels = labels or []
    article.save()
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


def house_body(earlier=None, image=None) -> list:
    """A body with every house block, as a StreamField value."""
    body = [
        (
            "source",
            {
                "attribution": RichText("<p>Заява прессекретаря</p>"),
                "outlet": "Укрінформ",
                "url": "https://example.org/report",
            },
        ),
        ("quote", {"quote": "Ми працюємо далі.", "speaker": "Речниця"}),
        ("details", RichText("<p>Перший абзац деталей.</p><p>Другий абзац.</p>")),
        ("ad_slot", None),
        ("paragraph", RichText("<p>Звичайний абзац.</p>")),
        ("embed", {"url": "https://www.youtube.com/watch?v=M7lc1UVf-VE", "caption": "Відео"}),
    ]
    if image:
        body.append(
            ("image", {"image": image, "alt": "Опис фото", "caption": "Підпис", "credit": ""})
        )
    background = [{"text": "Про це ми писали", "article": None, "url": "https://example.org/old"}]
    if earlier:
        background.insert(0, {"text": "Попередня новина", "article": earlier, "url": ""})
    body.append(("background", background))
    return body
