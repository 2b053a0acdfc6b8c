"""Reader pages of an edition: front page, All News by day, article, the lists by tag,
author, section, label and kind, Support/About, search and the error pages (one module
each)."""

from .article import article_page
from .front import front_page
from .lists import all_news, author_page, kind_page, label_page, section_page, tag_page
from .pages import info_page, page_not_found, server_error
from .search import search_page

__all__ = [
    "all_news",
    "article_page",
    "author_page",
    "front_page",
    "info_page",
    "kind_page",
    "label_page",
    "page_not_found",
    "search_page",
    "section_page",
    "server_error",
    "tag_page",
]
