"""RSS 2.0 and Atom feeds of an edition, its urgent news, a section, a tag and an author,
the partners' full-text feed, the corrections log and each live blog's updates, on
Django's syndication framework.

Every feed exists as RSS (`…/rss/`) and Atom (`…/atom/`). Items carry a GUID that never
changes (links.article_uri), Kyiv times with their offset, the main image as an
enclosure, and the feed names itself (atom:link rel="self") and the WebSub hub
(rel="hub") when WEBSUB_HUB_URL is set.
"""

import copy
import io
import mimetypes
import re
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_per_article
from shpalta.editions.addresses import address
from shpalta.editions.dates import kyiv_time
from shpalta.editions.fields import edition_field_name
from shpalta.newsroom.models import (
    Article,
    Author,
    Correction,
    Kind,
    LiveEntry,
    Section,
    Tag,
)
from shpalta.newsroom.models.article import live_story, pages_by_id
from shpalta.newsroom.renditions import ENCLOSURE_SPEC

from .links import absolute, article_uri, correction_uri, live_entry_uri

ITEMS = 50
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# Addresses in the body are root-relative on the site; a feed reader needs them whole.
_ROOT_RELATIVE = re.compile(r'\b(src|href)="/(?!/)')


class KeptItems:
    """A feed generator whose items may come written already (`kept_items`, the XML of
    each, kept per article): it writes them as they are, and dates the feed by
    `kept_latest`."""

    kept_items: list[str] | None = None
    kept_latest = None

    def write_items(self, handler):
        if self.kept_items is None:
            return super().write_items(handler)
        for xml in self.kept_items:
            handler.ignorableWhitespace(xml)  # XMLGenerator writes this as it is
        return None

    def latest_post_date(self):
        return self.kept_latest or super().latest_post_date()

    def items_xml(self) -> list[str]:
        """Each item of this generator written on its own, as write_items() would."""
        written = []
        for item in self.items:
            out = io.StringIO()
            one = copy.copy(self)
            one.items = [item]
            one.write_items(SimplerXMLGenerator(out, "utf-8", short_empty_elements=True))
            written.append(out.getvalue())
        return written


class ShpaltaRssFeed(KeptItems, Rss201rev2Feed):
    """RSS 2.0 with content:encoded for full text and atom:link rel="hub" for WebSub."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("hub"):
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": self.feed["hub"]})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("full_text"):
            handler.addQuickElement("content:encoded", item["full_text"])


class ShpaltaAtomFeed(KeptItems, Atom1Feed):
    """Atom 1.0 with rel="hub" and, in the partners' feed, the full text as content."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("hub"):
            handler.addQuickElement("link", "", {"rel": "hub", "href": self.feed["hub"]})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("full_text"):
            handler.addQuickElement("content", item["full_text"], {"type": "html"})


@dataclass(frozen=True)
class FeedSubject:
    """What a feed is about: its title, the reader page it mirrors, its articles."""

    title: str
    page: str
    articles: QuerySet
    cache_key: str  # the list's surrogate key (caching.keys)
    feed_path: str = ""
    request: HttpRequest | None = None
    items: list | None = None  # the articles get_feed() writes items for


def full_text(article: Article) -> str:
    html = render_to_string("syndication/full_text.html", {"article": article})
    return _ROOT_RELATIVE.sub(rf'\1="{settings.SITE_URL}/', html)


class ArticleFeed(Feed):
    """The edition's latest articles. Subclasses narrow `subject()`; the URL's `format`
    (rss or atom) picks the generator."""

    feed_type = ShpaltaRssFeed
    full_text = False

    def __init__(self, feed_type=ShpaltaRssFeed):
        # One instance serves every request of its URL, in many threads: nothing
        # per request may be kept on it.
        super().__init__()
        self.feed_type = feed_type

    def get_object(self, request, **kwargs) -> FeedSubject:
        subject = self.subject(request, **kwargs)
        cache_tags.add(request, keys.ALL, subject.cache_key)
        return replace(subject, feed_path=request.path, request=request)

    def subject(self, request, **kwargs) -> FeedSubject:
        return FeedSubject(
            _("Latest news"),
            address("reader:front"),
            self.live(request),
            keys.stream(request.edition.code),
        )

    def live(self, request) -> QuerySet:
        return Article.objects.live().in_edition(request.edition.code)

    def title(self, subject: FeedSubject) -> str:
        return f"{settings.PUBLISHER_NAME}: {subject.title}"

    def link(self, subject: FeedSubject) -> str:
        return absolute(subject.page)

    def description(self, subject: FeedSubject) -> str:
        # Readers render an RSS channel's description as HTML: a tag's or an author's name
        # is text, so its markup is escaped (Atom's subtitle is text already).
        return escape(subject.title)

    def subtitle(self, subject: FeedSubject) -> str:
        return subject.title

    def feed_url(self, subject: FeedSubject) -> str:
        return absolute(subject.feed_path)

    def feed_extra_kwargs(self, subject: FeedSubject) -> dict:
        return {"hub": settings.WEBSUB_HUB_URL}

    def get_feed(self, subject: FeedSubject, request):
        """The feed, its items kept per article (their XML depends on the article, the
        edition, the format and full text only): a feed reads the ids of its latest
        articles and writes only the items it does not hold."""
        articles = subject.articles
        if not articles.ordered:
            articles = articles.newest_first()
        rows = list(articles.values_list("pk", "published_at", "updated_at")[:ITEMS])
        ids = [pk for pk, _, _ in rows]
        form = "atom" if issubclass(self.feed_type, Atom1Feed) else "rss"
        text = "full" if self.full_text else "brief"
        items = cached_per_article(
            request,
            keys.feed_items(form, text, request.edition.code),
            ids,
            lambda ids: self._written(subject, request, ids),
            str,
        )
        feed = super().get_feed(replace(subject, items=[]), request)
        feed.kept_items = items
        feed.kept_latest = max(
            (kyiv_time(Article.modified(*row[1:])) for row in rows),
            default=None,
        )
        return feed

    def _written(self, subject: FeedSubject, request, ids: list[int]) -> dict[int, str]:
        """The XML of the items of these articles, by id: the articles with their authors,
        tags and corrections by compiled queries (pages_by_id), their images' enclosure
        renditions by one more."""
        # The partners' feeds alone carry the text.
        found = pages_by_id(ids, with_body=self.full_text, renditions=(ENCLOSURE_SPEC,))
        articles = [found[pk] for pk in ids if pk in found]
        feed = super().get_feed(replace(subject, items=articles), request)
        return dict(zip([article.pk for article in articles], feed.items_xml(), strict=True))

    def items(self, subject: FeedSubject) -> list:
        return subject.items or []

    def item_title(self, article: Article) -> str:
        return article.headline

    def item_link(self, article: Article) -> str:
        return absolute(article.get_absolute_url())

    def item_description(self, article: Article) -> str:
        """HTML, as RSS readers and Atom's type="html" summary take it: the summary (plain
        text) or the lead's text, escaped, so that markup typed into them shows as text
        and never runs in a feed reader."""
        return escape(article.summary_text)

    def item_guid(self, article: Article) -> str:
        return article_uri(article)

    item_guid_is_permalink = False

    def item_pubdate(self, article: Article):
        return kyiv_time(article.published_at)

    def item_updateddate(self, article: Article):
        return kyiv_time(article.last_modified)

    def item_author_name(self, article: Article) -> str:
        return ", ".join(author.name for author in article.ordered_authors())

    def item_categories(self, article: Article) -> list[str]:
        return [article.section.name, *(tag.name for tag in article.ordered_tags())]

    def item_enclosures(self, article: Article) -> list[Enclosure]:
        if not article.main_image:
            return []
        rendition = article.main_image.get_rendition(ENCLOSURE_SPEC)
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
        return [Enclosure(absolute(rendition.url), str(rendition.file.size), mime_type)]

    def item_extra_kwargs(self, article: Article) -> dict:
        return {"full_text": full_text(article)} if self.full_text else {}


class UrgentFeed(ArticleFeed):
    def subject(self, request, **kwargs) -> FeedSubject:
        return FeedSubject(
            _("Urgent news"),
            address("reader:all_news"),
            self.live(request).filter(is_urgent=True),
            keys.urgent(request.edition.code),
        )


class PartnerFeed(ArticleFeed):
    """The whole text of every article, for partners who republish it."""

    full_text = True

    def subject(self, request, **kwargs) -> FeedSubject:
        return FeedSubject(
            _("Full text for partners"),
            address("reader:front"),
            self.live(request),
            keys.stream(request.edition.code),
        )


class SectionFeed(ArticleFeed):
    def subject(self, request, slug: str) -> FeedSubject:
        section = get_object_or_404(Section, slug=slug)
        return FeedSubject(
            section.name,
            address("reader:section", slug),
            self.live(request).filter(section=section),
            keys.section(request.edition.code, section.pk),
        )


class TagFeed(ArticleFeed):
    def subject(self, request, slug: str) -> FeedSubject:
        tag = get_object_or_404(Tag, **{edition_field_name("slug", request.edition.code): slug})
        return FeedSubject(
            tag.name,
            address("reader:tag", slug),
            Article.objects.listed("tag_links", tag, request.edition.code),
            keys.tag(request.edition.code, tag.pk),
        )


class AuthorFeed(ArticleFeed):
    def subject(self, request, slug: str) -> FeedSubject:
        author = get_object_or_404(Author, slug=slug)
        return FeedSubject(
            author.name,
            address("reader:author", slug),
            Article.objects.listed("author_links", author, request.edition.code),
            keys.author(request.edition.code, author.pk),
        )


class CorrectionFeed(ArticleFeed):
    """The edition's corrections log: an item for each correction, linking to it on its
    story."""

    def subject(self, request, **kwargs) -> FeedSubject:
        return FeedSubject(
            _("Corrections"),
            address("reader:corrections"),
            Correction.objects.shown_in(request.edition.code),
            keys.corrections(request.edition.code),
        )

    def get_feed(self, subject: FeedSubject, request):
        corrections = list(subject.articles[:ITEMS])
        cache_tags.add(request, *keys.articles({c.article_id for c in corrections}))
        return Feed.get_feed(self, replace(subject, items=corrections), request)

    def item_title(self, correction: Correction) -> str:
        return _("Correction: %(headline)s") % {"headline": correction.article.headline}

    def item_link(self, correction: Correction) -> str:
        return absolute(f"{correction.article.get_absolute_url()}#correction-{correction.pk}")

    def item_description(self, correction: Correction) -> str:
        return escape(correction.text)

    def item_guid(self, correction: Correction) -> str:
        return correction_uri(correction)

    def item_pubdate(self, correction: Correction):
        return kyiv_time(correction.made_at)

    def item_updateddate(self, correction: Correction):
        return kyiv_time(correction.made_at)

    def item_author_name(self, correction: Correction) -> str:
        return ""

    def item_categories(self, correction: Correction) -> list[str]:
        return []

    def item_enclosures(self, correction: Correction) -> list[Enclosure]:
        return []


class _Moved(Exception):  # not an error: the feed lives at another address
    def __init__(self, address: str):
        super().__init__(address)
        self.address = address


class LiveBlogFeed(ArticleFeed):
    """A live blog's updates, newest first: an item for each, linking to its anchor. A
    wrong date in the address (an old link, a retyped one) is sent to the blog's feed
    for good, as its page is."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except _Moved as moved:
            return redirect(moved.address, permanent=True)

    def subject(self, request, year, month, day, story, **kwargs) -> FeedSubject:
        code = request.edition.code
        found = live_story(code, story)
        if found is None or found[1] != Kind.LIVE:
            raise Http404(_("There is no published article with this number in this edition."))
        pk, _kind, published_at = found
        form = request.path.rstrip("/").rsplit("/", 1)[-1]  # rss or atom
        canonical = f"{Article.address(code, Kind.LIVE, published_at, story)}{form}/"
        if request.path != canonical:
            raise _Moved(canonical)
        blog = Article.objects.select_related("locale").get(pk=pk)
        return FeedSubject(
            blog.headline,
            blog.get_absolute_url(),
            blog.live_entries.select_related("author", "article__locale"),
            keys.article(blog.pk),
        )

    def get_feed(self, subject: FeedSubject, request):
        return Feed.get_feed(self, replace(subject, items=list(subject.articles[:ITEMS])), request)

    def item_title(self, entry: LiveEntry) -> str:
        return entry.headline or Truncator(entry.text()).words(16)

    def item_link(self, entry: LiveEntry) -> str:
        return absolute(f"{entry.article.get_absolute_url()}#{entry.anchor}")

    def item_description(self, entry: LiveEntry) -> str:
        return escape(entry.text())

    def item_guid(self, entry: LiveEntry) -> str:
        return live_entry_uri(entry)

    def item_pubdate(self, entry: LiveEntry):
        return kyiv_time(entry.published_at)

    def item_updateddate(self, entry: LiveEntry):
        return kyiv_time(max(entry.updated_at, entry.published_at))

    def item_author_name(self, entry: LiveEntry) -> str:
        return entry.author.name if entry.author else ""

    def item_categories(self, entry: LiveEntry) -> list[str]:
        return []

    def item_enclosures(self, entry: LiveEntry) -> list[Enclosure]:
        return []
