"""Lists of an edition: All News by Kyiv day, and the lists of a tag, author, section,
label and kind."""

from collections.abc import Callable
from datetime import date, timedelta

from django.db.models import Count, QuerySet
from django.db.models.functions import Now
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragments
from shpalta.caching.pages import page_number
from shpalta.editions.addresses import address, address_in, address_in_each
from shpalta.editions.dates import kyiv_day_bounds, kyiv_today
from shpalta.editions.fields import edition_field_name, in_edition
from shpalta.editions.registry import EDITIONS
from shpalta.newsroom.models import (
    Article,
    ArticleAuthor,
    ArticleTag,
    Author,
    Kind,
    Label,
    Section,
    Tag,
)
from shpalta.newsroom.models.article import KIND_URL_SEGMENTS, Prepared, edition_locale
from shpalta.syndication.metadata import FeedLink, feed_links

from .common import (
    FIRST_DAY,
    PER_PAGE,
    archive_day,
    day_url,
    headlines,
    in_each_edition,
    live_in_edition,
    paged,
    render_page,
)

URL_KINDS = {segment: kind for kind, segment in KIND_URL_SEGMENTS.items()}


def all_news(
    request: HttpRequest, year: str | None = None, month: str | None = None, day: str | None = None
) -> HttpResponse:
    """All News: the edition's items of one Kyiv day, newest first; today by default."""
    today = kyiv_today()
    if "date" in request.GET:  # the day picker of the page
        try:
            picked = date.fromisoformat(request.GET["date"][:10])
        except ValueError:
            raise Http404(_("That is not a date.")) from None
        return redirect(day_url(picked))
    shown = archive_day(year, month, day)
    start, end = kyiv_day_bounds(shown)
    page = paged(
        request,
        Article.objects.in_edition(request.edition.code).live_between(start, end).newest_first(),
    )
    cache_tags.add(request, keys.day(request.edition.code, shown))
    links = in_each_edition(
        lambda edition: address("reader:all_news") if shown == today else day_url(shown)
    )
    return render_page(
        request,
        "reader/all_news.html",
        {
            "day": shown,
            "is_today": shown == today,
            "page": page,
            "headlines": headlines(request, page.object_list, day=shown),
            "previous_day_url": day_url(shown - timedelta(days=1)) if shown > FIRST_DAY else None,
            "next_day_url": day_url(shown + timedelta(days=1)) if shown < today else None,
            "today": today,
        },
        links,
    )


def _listing(
    request,
    template: str,
    articles,
    links: dict[str, str],
    list_key: str,
    feeds=(),
    count: Callable[[], int] | None = None,
    **context,
) -> HttpResponse:
    """A list page of `articles`, a queryset (newest first, or put so here) or, for the
    first page, the ids of that page. Its length is kept as a fragment under the list's
    key, purged whenever a story enters or leaves it: counting a section of a large
    archive walks tens of thousands of index entries. `count`, when the caller has a
    cheaper way to it than the queryset."""
    if isinstance(articles, QuerySet) and not articles.ordered:
        articles = articles.newest_first()
    name = keys.count_fragment(list_key)
    counted = cached_fragments(
        request, {name: lambda: (str((count or articles.count)()), {list_key})}
    )
    page = paged(request, articles, count=int(counted[name]))
    cache_tags.add(request, list_key)
    context = {"page": page, "headlines": headlines(request, page.object_list), **context}
    return render_page(request, template, context, links, feeds=feeds)


def _feeds_of(title: str, name: str, slug: str) -> list[FeedLink]:
    return feed_links(
        title, address(f"feeds:{name}_rss", slug), address(f"feeds:{name}_atom", slug)
    )


_LINKS = {"tag": (ArticleTag, keys.tag), "author": (ArticleAuthor, keys.author)}


def _linked_queries(kind: str) -> tuple[Prepared, Prepared]:
    """The first page's ids and the length of a tag's or author's list (kind), compiled
    once: a list read cold (a crawler, the mirror) spends more building its queries
    than running them."""
    link_model = _LINKS[kind][0]
    first_page = Prepared(
        lambda code, target: Article.objects.listed(f"{kind}_links", target, code).values_list(
            "pk"
        )[:PER_PAGE]
    )
    # One group (the edition's), none for an empty list.
    length = Prepared(
        lambda code, target: (
            link_model.objects.filter(
                **{kind: target}, locale_id=edition_locale(code), live=True, published_at__lte=Now()
            )
            .values("locale_id")
            .annotate(length=Count("*"))  # COUNT(*): PostgreSQL reads the index alone
            .values_list("length")
        )
    )
    return first_page, length


_LINKED = {kind: _linked_queries(kind) for kind in _LINKS}


def _linked_listing(
    request, template: str, kind: str, target, slug: str, links: dict[str, str], **context
) -> HttpResponse:
    """A tag's or author's list, paged and counted in its link table's index (ListedLink);
    its first page (what crawlers and the mirror read) by compiled queries alone."""
    code = request.edition.code
    first_page, length = _LINKED[kind]
    if page_number(request.GET.get("page", "1")) == 1:
        articles = [pk for (pk,) in first_page(code, target.pk)]
    else:
        articles = Article.objects.listed(f"{kind}_links", target, code)
    return _listing(
        request,
        template,
        articles,
        links,
        _LINKS[kind][1](code, target.pk),
        count=lambda: sum(n for (n,) in length(code, target.pk)),
        feeds=_feeds_of(target.name, kind, slug),
        title=target.name,
        **context,
    )


_TAG_COLUMNS = [field.attname for field in Tag._meta.concrete_fields]
_tag_by_slug = Prepared(
    lambda code, slug: Tag.objects.filter(**{edition_field_name("slug", code): slug}).values_list(
        *_TAG_COLUMNS
    )
)


def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    rows = _tag_by_slug(request.edition.code, slug)
    if not rows:
        raise Http404(_("There is no such page."))
    tag = Tag.from_db(Tag.objects.db, _TAG_COLUMNS, rows[0])
    links = {
        edition.code: address_in(edition.code, "reader:tag", in_edition(tag, "slug", edition.code))
        for edition in EDITIONS
    }
    return _linked_listing(request, "reader/list.html", "tag", tag, slug, links)


def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    links = address_in_each("reader:author", slug)
    return _linked_listing(
        request, "reader/author.html", "author", author, slug, links, author=author
    )


def _slug_listing(
    request: HttpRequest, *, model, slug: str, url_name: str, articles_of, list_key, feed: str = ""
):
    """A list page of a section or label: same slug in every edition, named in each."""
    item = get_object_or_404(model, slug=slug)
    links = address_in_each(url_name, slug)
    articles = articles_of(live_in_edition(request), item)
    feeds = _feeds_of(item.name, feed, slug) if feed else ()
    return _listing(
        request,
        "reader/list.html",
        articles,
        links,
        list_key(request.edition.code, item.pk),
        feeds=feeds,
        title=item.name,
    )


def section_page(request: HttpRequest, slug: str) -> HttpResponse:
    return _slug_listing(
        request,
        model=Section,
        slug=slug,
        url_name="reader:section",
        articles_of=lambda live, section: live.filter(section=section),
        list_key=keys.section,
        feed="section",
    )


def label_page(request: HttpRequest, slug: str) -> HttpResponse:
    return _slug_listing(
        request,
        model=Label,
        slug=slug,
        url_name="reader:label",
        articles_of=lambda live, label: live.filter(labels=label),
        list_key=keys.label,
    )


def kind_page(request: HttpRequest, segment: str) -> HttpResponse:
    kind = URL_KINDS.get(segment)
    if kind is None or kind == Kind.NEWS:
        raise Http404(_("There is no such section."))
    links = address_in_each("reader:kind", segment)
    articles = live_in_edition(request).filter(kind=kind)
    list_key = keys.kind(request.edition.code, kind)
    return _listing(request, "reader/list.html", articles, links, list_key, title=Kind(kind).label)
