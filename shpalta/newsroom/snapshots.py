"""What a live article was, kept before a change to it: the purge and the WebSub
announcements need the lists it left as well as the lists it joined."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Article


@dataclass(frozen=True)
class ArticleSnapshot:
    pk: int
    edition: str
    translation_key: uuid.UUID
    kind: str
    published_at: datetime
    section_id: int
    tag_ids: tuple[int, ...]
    author_ids: tuple[int, ...]
    label_ids: tuple[int, ...]
    is_urgent: bool
    corrections: tuple[tuple[str, datetime | None], ...] = ()

    @classmethod
    def of(cls, article: "Article") -> "ArticleSnapshot":
        return cls(
            pk=article.pk,
            edition=article.locale.language_code,
            translation_key=article.translation_key,
            kind=article.kind,
            published_at=article.published_at,
            section_id=article.section_id,
            tag_ids=tuple(link.tag_id for link in article.tag_links.all()),
            author_ids=tuple(link.author_id for link in article.author_links.all()),
            label_ids=tuple(label.pk for label in article.labels.all()),
            is_urgent=article.is_urgent,
            corrections=tuple(
                (correction.text, correction.made_at) for correction in article.corrections.all()
            ),
        )
