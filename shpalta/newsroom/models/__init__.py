"""The newsroom's content model: articles and the taxonomy they are filed under."""

from .article import Article, ArticleAuthor, ArticleQuerySet, ArticleTag, Kind, StoryNumber
from .images import NewsImage, NewsRendition
from .taxonomy import Author, Label, Section, Tag

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "ArticleTag",
    "Author",
    "Kind",
    "Label",
    "NewsImage",
    "NewsRendition",
    "Section",
    "StoryNumber",
    "Tag",
]
