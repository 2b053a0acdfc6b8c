"""The newsroom's content model: articles and the taxonomy they are filed under."""

from .approval import SecondApproval
from .article import Article, ArticleAuthor, ArticleQuerySet, ArticleTag, Kind, StoryNumber
from .corrections import Correction
from .counts import MonthCount, recount_days, sitemap_pages
from .curation import MAX_TOP_STORIES, FrontPage, TopStory
from .images import NewsImage, NewsRendition
from .live import LiveEntry
from .pages import InfoPage, InfoPageKind
from .takedown import Takedown
from .taxonomy import Author, Label, Section, Tag

__all__ = [
    "MAX_TOP_STORIES",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "ArticleTag",
    "Author",
    "Correction",
    "FrontPage",
    "InfoPage",
    "InfoPageKind",
    "Kind",
    "Label",
    "LiveEntry",
    "MonthCount",
    "NewsImage",
    "NewsRendition",
    "SecondApproval",
    "Section",
    "StoryNumber",
    "Tag",
    "Takedown",
    "TopStory",
    "recount_days",
    "sitemap_pages",
]
