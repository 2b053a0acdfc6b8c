"""What a reader page says about itself to search engines and social networks: canonical
and hreflang links, feed discovery, Open Graph and Twitter cards, and schema.org JSON-LD
(NewsArticle, BreadcrumbList, NewsMediaOrganization).

Written here rather than taken from a package: wagtail-seo pins wagtail<8, and the
others model Wagtail pages, not our snippet articles.
"""

import json
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from shpalta.editions.addresses import address
from shpalta.editions.dates import kyiv_iso
from shpalta.editions.registry import DEFAULT_EDITION, EDITIONS
from shpalta.newsroom.models import Article
from shpalta.newsroom.renditions import SOCIAL_IMAGE_SPEC, STRUCTURED_IMAGE_SPECS

from .links import absolute

ROBOTS = "index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1"
# Characters that would end a <script> early or open markup inside it, as json_script.
_SCRIPT_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    mime_type: str


@dataclass
class PageHead:
    """Everything base.html puts in <head> besides the title."""

    canonical: str
    language: str
    og_locale: str
    alternates: list[tuple[str, str]]  # (hreflang, absolute URL), x-default last
    og_locale_alternates: list[str]
    feeds: list[FeedLink]
    title: str = ""
    description: str = ""
    robots: str = ROBOTS
    og_type: str = "website"
    image: "SocialImage | None" = None
    article: Article | None = None
    structured_data: list[dict] = field(default_factory=list)
    lite: str = ""  # the address of the page's lite version (reader.views.lite)
    lite_title: str = ""

    def html(self) -> SafeString:
        """The tags themselves, written out here rather than by a template: every reader
        page has them, and a template of two dozen tags took ~0.3 ms a cold page. Each
        value is plain text (a column, a translation, an address), escaped with the
        standard library's escape(), which Django's calls too after a dozen calls more."""
        lines = []
        if self.canonical:
            lines.append(f'<link rel="canonical" href="{escape(self.canonical)}">')
        lines += [
            f'<link rel="alternate" hreflang="{escape(lang)}" href="{escape(url)}">'
            for lang, url in self.alternates
        ]
        if self.lite:
            lines.append(
                f'<link rel="alternate" type="text/html" title="{escape(self.lite_title)}" '
                f'href="{escape(self.lite)}">'
            )
        lines += [
            f'<link rel="alternate" type="{escape(feed.mime_type)}" title="{escape(feed.title)}" '
            f'href="{escape(feed.url)}">'
            for feed in self.feeds
        ]
        publisher, title = escape(settings.PUBLISHER_NAME), escape(self.title)
        description = escape(self.description)
        lines.append(f'<meta name="robots" content="{escape(self.robots)}">')
        if self.description:
            lines.append(f'<meta name="description" content="{description}">')
        lines += [
            f'<meta property="og:site_name" content="{publisher}">',
            f'<meta property="og:type" content="{escape(self.og_type)}">',
            f'<meta property="og:title" content="{title or publisher}">',
        ]
        if self.canonical:
            lines.append(f'<meta property="og:url" content="{escape(self.canonical)}">')
        if self.description:
            lines.append(f'<meta property="og:description" content="{description}">')
        lines.append(f'<meta property="og:locale" content="{escape(self.og_locale)}">')
        lines += [
            f'<meta property="og:locale:alternate" content="{escape(locale)}">'
            for locale in self.og_locale_alternates
        ]
        if self.image:
            url, alt = escape(self.image.url), escape(self.image.alt)
            lines += [
                f'<meta property="og:image" content="{url}">',
                f'<meta property="og:image:width" content="{self.image.width}">',
                f'<meta property="og:image:height" content="{self.image.height}">',
                f'<meta property="og:image:alt" content="{alt}">',
                '<meta name="twitter:card" content="summary_large_image">',
                f'<meta name="twitter:image" content="{url}">',
                f'<meta name="twitter:image:alt" content="{alt}">',
            ]
        else:
            lines.append('<meta name="twitter:card" content="summary">')
        lines.append(f'<meta name="twitter:title" content="{title or publisher}">')
        if self.description:
            lines.append(f'<meta name="twitter:description" content="{description}">')
        if self.article:
            article = self.article
            published = kyiv_iso(article.published_at)
            lines += [
                f'<meta property="article:published_time" content="{published}">',
                '<meta property="article:modified_time" '
                f'content="{kyiv_iso(article.updated_at) or published}">',
                f'<meta property="article:section" content="{escape(article.section.name)}">',
            ]
            lines += [
                f'<meta property="article:tag" content="{escape(tag.name)}">'
                for tag in article.ordered_tags()
            ]
        lines += [
            f'<script type="application/ld+json">{ld_json(data)}</script>'
            for data in self.structured_data
        ]
        # Each tag on a line of its own, and an empty line after them (as the template had).
        return mark_safe("".join(f"{line}\n" for line in lines) + "\n")  # noqa: S308


def feed_links(title: str, rss_url: str, atom_url: str) -> list[FeedLink]:
    return [
        FeedLink(f"{title} (RSS)", absolute(rss_url), "application/rss+xml"),
        FeedLink(f"{title} (Atom)", absolute(atom_url), "application/atom+xml"),
    ]


def edition_feeds() -> list[FeedLink]:
    latest = _("Latest news")
    return feed_links(
        f"{settings.PUBLISHER_NAME}: {latest}",
        address("feeds:edition_rss"),
        address("feeds:edition_atom"),
    )


def page_head(
    request, *, alternates: dict[str, str], feeds: list[FeedLink] = (), title: str = ""
) -> PageHead:
    """The head of a page whose versions in each edition are `alternates` (paths by
    edition code; only the editions where the page exists)."""
    canonical = request.path
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and 1 < int(page) < 10**6:
        canonical += f"?page={int(page)}"
    links = [(code, absolute(path)) for code, path in alternates.items()]
    if len(links) > 1:
        default = alternates.get(DEFAULT_EDITION.code) or request.path
        links.append(("x-default", absolute(default)))
    else:
        links = []  # a page in one edition has no alternates to name
    return PageHead(
        canonical=absolute(canonical),
        language=request.edition.code,
        og_locale=request.edition.og_locale,
        alternates=links,
        og_locale_alternates=[
            edition.og_locale
            for edition in EDITIONS
            if edition.code in alternates and edition != request.edition
        ],
        feeds=[*edition_feeds(), *feeds],
        title=title,
    )


def describe_article(head: PageHead, article: Article) -> PageHead:
    """The article's own card and structured data added to its page's head."""
    image, structured_images = article_images(article)
    head.og_type = "article"
    head.title = article.headline
    head.description = article_description(article)
    head.image = image
    head.article = article
    head.structured_data = article_structured_data(
        article, head.canonical, structured_images, head.description
    )
    return head


def publisher() -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.PUBLISHER_NAME,
        "url": absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static("syndication/logo-wide.png")),
            "width": 600,
            "height": 60,
        },
    }


def organization() -> dict:
    """The front page's statement of who publishes the site."""
    return {
        "@context": "https://schema.org",
        **publisher(),
        "logo": absolute(static("syndication/logo-square.png")),
        "sameAs": [settings.SOCIAL_URL],
    }


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


def article_images(article: Article) -> tuple[SocialImage | None, list[str]]:
    """The Open Graph image (1200×630) and the JSON-LD images (16:9, 4:3, 1:1), from one
    query for the four renditions."""
    if not article.main_image:
        return None, []
    renditions = article.main_image.get_renditions(SOCIAL_IMAGE_SPEC, *STRUCTURED_IMAGE_SPECS)
    social = renditions[SOCIAL_IMAGE_SPEC]
    alt = article.main_image_caption or article.main_image.title
    return (
        SocialImage(absolute(social.url), social.width, social.height, alt),
        [absolute(renditions[spec].url) for spec in STRUCTURED_IMAGE_SPECS],
    )


def article_description(article: Article) -> str:
    return article.summary_text


def article_structured_data(
    article: Article, canonical: str, images: list[str], description: str
) -> list[dict]:
    """The article's NewsArticle and BreadcrumbList; `description` is
    article_description()'s (the lead's text is parsed out of its HTML once a page)."""
    authors = article.ordered_authors()
    tags = article.ordered_tags()
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "headline": article.headline,
        "description": description,
        "datePublished": kyiv_iso(article.published_at),
        "dateModified": kyiv_iso(article.last_modified),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute(address("reader:author", author.slug)),
            }
            for author in authors
        ],
        "publisher": publisher(),
        "inLanguage": article.edition.code,
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in tags],
        "isAccessibleForFree": True,
    }
    if images:
        news_article["image"] = images
    if article.kind == "live":
        news_article.update(_live_blog(article, canonical))
    corrections = article.published_corrections()
    if corrections:
        news_article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": kyiv_iso(correction.made_at),
                "url": f"{canonical}#correction-{correction.pk}",
            }
            for correction in corrections
        ]
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            _crumb(1, settings.PUBLISHER_NAME, absolute(address("reader:front"))),
            _crumb(
                2,
                article.section.name,
                absolute(address("reader:section", article.section.slug)),
            ),
            _crumb(3, article.headline, canonical),
        ],
    }
    return [news_article, breadcrumbs]


LIVE_UPDATES_DESCRIBED = 50


def _live_blog(article: Article, canonical: str) -> dict:
    """A live blog as schema.org's LiveBlogPosting: its coverage and latest updates."""
    described = {
        "@type": "LiveBlogPosting",
        "coverageStartTime": kyiv_iso(article.published_at),
        "liveBlogUpdate": [
            _live_update(entry, canonical) for entry in article.stream[:LIVE_UPDATES_DESCRIBED]
        ],
    }
    if article.coverage_ended_at:
        described["coverageEndTime"] = kyiv_iso(article.coverage_ended_at)
    if article.latest_entry_at:
        described["dateModified"] = kyiv_iso(max(article.latest_entry_at, article.last_modified))
    return described


def _live_update(entry, canonical: str) -> dict:
    """An update as a BlogPosting: Google asks for a headline, so one without its own is
    headed by its first 110 characters (an ellipsis where it is cut)."""
    text = entry.text()
    described = {
        "@type": "BlogPosting",
        "headline": entry.headline or Truncator(text).chars(110),
        "datePublished": kyiv_iso(entry.published_at),
        "url": f"{canonical}#{entry.anchor}",
        "articleBody": text,
    }
    if entry.author:
        described["author"] = {"@type": "Person", "name": entry.author.name}
    return described


def _crumb(position: int, name: str, url: str) -> dict:
    return {"@type": "ListItem", "position": position, "name": name, "item": url}


def ld_json(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json">, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # str.replace, not str.translate: translate walks a text of Cyrillic letters one
    # character at a time (some 100 µs for an article's data; replace, a few).
    for character, escaped in _SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(text)  # noqa: S308  (escaped as json_script does)
