"""Reader pages of an edition: front page, All News by day, article, and the lists by
tag, author, section, label and kind."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import cache

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shpalta.caching import tags as cache_tags
from shpalta.caching.fragments import cached_fragment, cached_fragments
from shpalta.editions.dates import KYIV
from shpalta.editions.registry import EDITIONS, Edition
from shpalta.newsroom.models import (
    Article,
    ArticleAuthor,
    ArticleTag,
    Author,
    InfoPage,
    Kind,
    Label,
    Section,
    Tag,
    TopStory,
)
from shpalta.newsroom.models.article import KIND_URL_SEGMENTS, live_story
from shpalta.syndication.metadata import (
    FeedLink,
    PageHead,
    describe_article,
    feed_links,
    organization,
    page_head,
)

from . import assembly

PER_PAGE = 30
RECENT_NEWS = 20
RELATED = 3
TOP_STORIES = 4
SECTION_BLOCK_ITEMS = 3
SECTION_BLOCK_WINDOW = timedelta(days=7)
# The oldest day the archive can be asked for; earlier dates are not a valid address.
FIRST_DAY = date(2000, 1, 1)
URL_KINDS = {segment: kind for kind, segment in KIND_URL_SEGMENTS.items()}


def _live(request: HttpRequest):
    return Article.objects.live().in_edition(request.edition.code)


def page_number(raw: str) -> int | None:
    """The number `?page=` asks for; None when it cannot be a page of a list."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        return None
    return int(raw)


def _paged(request: HttpRequest, queryset, per_page: int = PER_PAGE, count: int | None = None):
    """The page of a list that ?page= asks for; 404 for a page that is not there. `count`,
    when the caller has a cheaper way to it than counting the queryset."""
    number = page_number(request.GET.get("page", "1"))
    if number is None:
        raise Http404(_("There is no such page."))
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None


def _in_each_edition(url: Callable[[Edition], str]) -> dict[str, str]:
    links = {}
    for edition in EDITIONS:
        with translation.override(edition.code):
            links[edition.code] = url(edition)
    return links


def _front_page_links() -> dict[str, str]:
    return _in_each_edition(lambda edition: reverse("reader:front"))


def _chrome(request: HttpRequest) -> dict:
    """What the site's chrome shows: the menu and the outside links."""
    return {
        "menu_kinds": [
            (kind, reverse("reader:kind", args=[segment]))
            for kind, segment in KIND_URL_SEGMENTS.items()
            if kind != Kind.NEWS
        ],
        "menu_sections": Section.objects.all(),
        "social_url": settings.SOCIAL_URL,
    }


def _shell(request: HttpRequest):
    """The kept fragment of the edition's chrome (reader.assembly)."""
    return f"shell-{request.edition.code}", lambda: assembly.render_shell(request, _chrome(request))


def _switch(request: HttpRequest, links: dict[str, str]) -> list[dict]:
    return [
        {"edition": edition, "url": links[edition.code], "current": edition == request.edition}
        for edition in EDITIONS
    ]


def _render(
    request: HttpRequest,
    template: str,
    context: dict,
    links: dict[str, str],
    status=200,
    *,
    head: PageHead | None = None,
    feeds: list[FeedLink] = (),
):
    """Render a reader page's own parts and put them into the edition's kept chrome:
    edition switch, recent news, and the head (canonical, hreflang, feeds, social
    cards). Unless `head` says otherwise the page exists in every edition, at `links`."""
    if head is None:
        head = page_head(request, alternates=links, feeds=feeds, title=context.get("title", ""))
    cache_tags.add(request, "all")
    own = {
        "edition_switch": _switch(request, links),
        # Rendered only by the pages that show it, and kept between requests.
        "recent_news_html": lambda: cached_fragment(request, *_recent_news(request)),
        "support_url": settings.SUPPORT_URL,
        "newsroom_email": settings.DEFAULT_FROM_EMAIL,
        "head": head,
    }
    parts = assembly.render_parts(request, template, {**own, **context})
    shell = cached_fragment(request, *_shell(request)).split(assembly.SLOT)
    return HttpResponse(assembly.assemble(shell, parts), status=status)


def _recent_news(request: HttpRequest):
    """The recent-news column's fragment: its key and how to render it."""
    code = request.edition.code

    def render():
        recent = list(_live(request).for_listing().newest_first()[:RECENT_NEWS])
        html = render_to_string(
            "reader/includes/recent_news.html", {"recent_news": recent}, request=request
        )
        return html, {"all", f"stream-{code}", *(f"a{article.pk}" for article in recent)}

    return f"recent-{code}", render


def front_page(request: HttpRequest) -> HttpResponse:
    live = _live(request).for_listing().newest_first()
    top = _top_stories(request, live)
    stream = list(live.exclude(pk__in=[article.pk for article in top])[:PER_PAGE])
    links = _front_page_links()
    code = request.edition.code
    cache_tags.add(request, f"front-{code}", f"top-{code}")
    cache_tags.add_articles(request, [*top, *stream])
    head = page_head(request, alternates=links)
    head.description = _("News of Ukraine and the world, as it happens.")
    head.structured_data = [organization()]
    return _render(
        request,
        "reader/front.html",
        {
            "top_stories": top,
            "articles": stream,
            "section_blocks_html": cached_fragment(request, *_section_blocks(request)),
        },
        links,
        head=head,
    )


def _top_stories(request: HttpRequest, live) -> list[Article]:
    """The editors' choice in their order, then the latest long reads up to TOP_STORIES."""
    chosen_ids = list(
        TopStory.objects.filter(front_page__locale__language_code=request.edition.code)
        .order_by("sort_order")
        .values_list("article_id", flat=True)
    )
    chosen = {article.pk: article for article in live.filter(pk__in=chosen_ids)}
    top = [chosen[pk] for pk in chosen_ids if pk in chosen]
    if len(top) < TOP_STORIES:
        top += list(live.exclude(kind=Kind.NEWS).exclude(pk__in=chosen)[: TOP_STORIES - len(top)])
    return top


def _section_blocks(request: HttpRequest):
    """The front page's column of sections, each with its latest few stories of the last
    week: its fragment's key and how to render it. One query over the week; kept until
    a story goes live in (or leaves) one of the edition's sections."""
    code = request.edition.code

    def render():
        recent = (
            _live(request)
            .filter(published_at__gte=timezone.now() - SECTION_BLOCK_WINDOW)
            .annotate(
                rank=Window(
                    RowNumber(), partition_by=F("section_id"), order_by=F("published_at").desc()
                )
            )
            .filter(rank__lte=SECTION_BLOCK_ITEMS)
            .for_listing()
            .order_by("section_id", "rank")
        )
        by_section: dict[int, list[Article]] = {}
        for article in recent:
            by_section.setdefault(article.section_id, []).append(article)
        sections = list(Section.objects.all())
        blocks = [
            (section, by_section[section.pk]) for section in sections if section.pk in by_section
        ]
        html = render_to_string(
            "reader/includes/section_blocks.html", {"section_blocks": blocks}, request=request
        )
        keys = {"all", *(f"section-{code}-{section.pk}" for section in sections)}
        return html, keys | {f"a{article.pk}" for article in recent}

    return f"sections-{code}", render


def kyiv_today() -> date:
    return timezone.localtime(timezone.now(), KYIV).date()


def _kyiv_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=KYIV)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=KYIV)


def _day_url(day: date) -> str:
    return reverse(
        "reader:day", kwargs={"year": day.year, "month": f"{day.month:02d}", "day": day.day}
    )


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
        return redirect(_day_url(picked))
    if year is None:
        shown = today
    else:
        try:
            shown = date(int(year), int(month), int(day))
        except ValueError:
            raise Http404(_("That is not a date.")) from None
    if not FIRST_DAY <= shown <= today:
        raise Http404(_("There is no news for that day."))
    start, end = _kyiv_day_bounds(shown)
    page = _paged(
        request,
        Article.objects.in_edition(request.edition.code)
        .live_between(start, end)
        .for_listing()
        .newest_first(),
    )
    cache_tags.add(request, f"day-{request.edition.code}-{shown:%Y-%m-%d}")
    cache_tags.add_articles(request, page.object_list)
    links = _in_each_edition(
        lambda edition: reverse("reader:all_news") if shown == today else _day_url(shown)
    )
    return _render(
        request,
        "reader/all_news.html",
        {
            "day": shown,
            "is_today": shown == today,
            "page": page,
            "previous_day_url": _day_url(shown - timedelta(days=1)) if shown > FIRST_DAY else None,
            "next_day_url": _day_url(shown + timedelta(days=1)) if shown < today else None,
            "today": today,
        },
        links,
    )


def _listing(
    request,
    template: str,
    queryset,
    links: dict[str, str],
    list_tag: str,
    feeds=(),
    count: int | None = None,
    **context,
) -> HttpResponse:
    """A list page; the queryset comes newest first, or is put so here."""
    if not queryset.ordered:
        queryset = queryset.newest_first()
    page = _paged(request, queryset.for_listing(), count=count)
    cache_tags.add(request, list_tag)
    cache_tags.add_articles(request, page.object_list)
    return _render(request, template, {"page": page, **context}, links, feeds=feeds)


def _feeds_of(title: str, name: str, slug: str) -> list[FeedLink]:
    return feed_links(
        title, reverse(f"feeds:{name}_rss", args=[slug]), reverse(f"feeds:{name}_atom", args=[slug])
    )


_LINKS = {"tag": ArticleTag, "author": ArticleAuthor}


def _linked_listing(
    request, template: str, kind: str, target, slug: str, links: dict[str, str], **context
) -> HttpResponse:
    """A tag's or author's list, paged and counted in its link table's index (ListedLink)."""
    code = request.edition.code
    count = (
        _LINKS[kind]
        .objects.filter(
            **{kind: target},
            locale__language_code=code,
            live=True,
            published_at__lte=timezone.now(),
        )
        .count()
    )
    return _listing(
        request,
        template,
        Article.objects.listed(f"{kind}_links", target, code),
        links,
        f"{kind}-{code}-{target.pk}",
        count=count,
        feeds=_feeds_of(target.name, kind, slug),
        title=target.name,
        **context,
    )


def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, **{f"slug_{request.edition.code}": slug})
    links = _in_each_edition(
        lambda edition: reverse("reader:tag", args=[getattr(tag, f"slug_{edition.code}")])
    )
    return _linked_listing(request, "reader/list.html", "tag", tag, slug, links)


def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    links = _in_each_edition(lambda edition: reverse("reader:author", args=[slug]))
    return _linked_listing(
        request, "reader/author.html", "author", author, slug, links, author=author
    )


def _slug_listing(
    request: HttpRequest, *, model, slug: str, url_name: str, articles_of, tag: str, feed: str = ""
):
    """A list page of a section or label: same slug in every edition, named in each."""
    item = get_object_or_404(model, slug=slug)
    links = _in_each_edition(lambda edition: reverse(url_name, args=[slug]))
    articles = articles_of(_live(request), item)
    feeds = _feeds_of(item.name, feed, slug) if feed else ()
    list_tag = f"{tag}-{request.edition.code}-{item.pk}"
    return _listing(
        request, "reader/list.html", articles, links, list_tag, feeds=feeds, title=item.name
    )


def section_page(request: HttpRequest, slug: str) -> HttpResponse:
    return _slug_listing(
        request,
        model=Section,
        slug=slug,
        url_name="reader:section",
        articles_of=lambda live, section: live.filter(section=section),
        tag="section",
        feed="section",
    )


def label_page(request: HttpRequest, slug: str) -> HttpResponse:
    return _slug_listing(
        request,
        model=Label,
        slug=slug,
        url_name="reader:label",
        articles_of=lambda live, label: live.filter(labels=label),
        tag="label",
    )


def kind_page(request: HttpRequest, segment: str) -> HttpResponse:
    kind = URL_KINDS.get(segment)
    if kind is None or kind == Kind.NEWS:
        raise Http404(_("There is no such section."))
    links = _in_each_edition(lambda edition: reverse("reader:kind", args=[segment]))
    articles = _live(request).filter(kind=kind)
    list_tag = f"kind-{request.edition.code}-{kind}"
    return _listing(request, "reader/list.html", articles, links, list_tag, title=Kind(kind).label)


def article_page(request: HttpRequest, kind: str, year: str, month: str, day: str, story: str):
    """The article, put together from kept parts: the edition's chrome, the article's own
    parts (title, head, edition switch, text), the blocks under it (related stories, top
    stories) and the recent-news column. Each is kept under the keys of what it shows,
    so an uncached request costs one indexed lookup and one read of the store."""
    code = request.edition.code
    found = live_story(code, int(story))
    if found is None:
        raise Http404(_("There is no published article with this number in this edition."))
    pk, article_kind, published_at = found
    canonical = Article.address(code, article_kind, published_at, int(story))
    if request.path != canonical:
        # The date or kind in the address is wrong (an old link, a retyped URL).
        return redirect(canonical, permanent=True)

    @cache
    def article() -> Article:
        return (
            Article.objects.select_related("locale", "section", "main_image")
            .prefetch_related("author_links__author", "tag_links__tag", "labels")
            .get(pk=pk)
        )

    kept = cached_fragments(
        request,
        dict(
            [
                _shell(request),
                (f"article-parts-{pk}", lambda: _article_parts(request, article())),
                (f"more-{pk}", lambda: _article_more(request, article())),
                _recent_news(request),
            ]
        ),
    )
    title, head, switch, text, after_text, aside, after_aside = kept[f"article-parts-{pk}"].split(
        assembly.SLOT
    )
    parts = [
        title,
        head,
        switch,
        text + kept[f"more-{pk}"] + after_text,
        aside + kept[f"recent-{code}"] + after_aside,
    ]
    cache_tags.add(request, "all", f"a{pk}")
    shell = kept[f"shell-{code}"].split(assembly.SLOT)
    return HttpResponse(assembly.assemble(shell, parts))


def _article_parts(request: HttpRequest, article: Article) -> tuple[str, set[str]]:
    """The article's own parts, with a slot mark where the blocks under it and the
    recent-news column go. They change when the article, one of its other editions (the
    edition switch) or an article its Background links to does."""
    editions = _article_editions(article)
    context = {
        "article": article,
        "head": describe_article(page_head(request, alternates=editions), article),
        "edition_switch": _switch(request, {**_front_page_links(), **editions}),
        "more_html": assembly.SLOT,
        "recent_news_html": assembly.SLOT,
    }
    html = assembly.SLOT.join(assembly.render_parts(request, "reader/article.html", context))
    linked = {
        item["article"].pk
        for block in article.body
        if block.block_type == "background"
        for item in block.value
        if item["article"] is not None
    }
    return html, {"all", f"a{article.pk}", *(f"a{pk}" for pk in linked)}


def _article_more(request: HttpRequest, article: Article) -> tuple[str, set[str]]:
    """The blocks under an article: more on its first tag, and the top stories."""
    code = request.edition.code
    tags = article.ordered_tags()
    related_tag = tags[0] if tags else None
    related = []
    if related_tag:
        related = list(
            Article.objects.listed("tag_links", related_tag, code)
            .exclude(pk=article.pk)
            .for_listing()[:RELATED]
        )
    live = _live(request).exclude(pk=article.pk).for_listing().newest_first()
    top_stories = _top_stories(request, live)
    html = render_to_string(
        "reader/includes/article_more.html",
        {"related_tag": related_tag, "related": related, "top_stories": top_stories},
        request=request,
    )
    keys = {"all", f"top-{code}", *(f"a{item.pk}" for item in [*related, *top_stories])}
    if related_tag:
        keys.add(f"tag-{code}-{related_tag.pk}")
    return html, keys


def _article_editions(article: Article) -> dict[str, str]:
    """The story's address in each edition where it is published, in edition order.
    The edition switch leads elsewhere to that edition's front page."""
    siblings = (
        Article.objects.live()
        .filter(translation_key=article.translation_key)
        .select_related("locale")
    )
    by_edition = {sibling.locale.language_code: sibling.get_absolute_url() for sibling in siblings}
    return {
        edition.code: by_edition[edition.code] for edition in EDITIONS if edition.code in by_edition
    }


def info_page(request: HttpRequest, kind: str) -> HttpResponse:
    """Support Us or About: the edition's page from the admin, else the built-in text."""
    page = InfoPage.objects.filter(locale__language_code=request.edition.code, kind=kind).first()
    links = _in_each_edition(lambda edition: reverse(f"reader:{kind}"))
    cache_tags.add(request, f"info-{request.edition.code}")
    return _render(request, f"reader/{kind}.html", {"info_page": page}, links)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The edition's 404 page. It says the same for every address, so it is rendered once
    and kept: a flood of made-up addresses costs a lookup, not a page."""
    code = request.edition.code

    def render():
        head = PageHead(
            canonical="",
            language=code,
            og_locale=request.edition.og_locale,
            alternates=[],
            og_locale_alternates=[],
            feeds=[],
            robots="noindex",
        )
        page = _render(request, "reader/404.html", {}, _front_page_links(), status=404, head=head)
        return page.content.decode(), set(cache_tags.of_request(request))

    html = cached_fragment(request, f"not-found-{code}", render)
    return HttpResponse(html, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Nothing that could fail again: no database, no chrome; the edition's language only.
    edition = getattr(request, "edition", EDITIONS[0])
    with translation.override(edition.code):
        return render(request, "reader/500.html", {"edition": edition}, status=500)
