"""Reader pages: the front page and the article page of an edition."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation

from shpalta.editions.registry import EDITIONS
from shpalta.newsroom.models import Article

FRONT_PAGE_ITEMS = 40


def _with_filing(queryset):
    return queryset.select_related("locale", "section", "main_image").prefetch_related(
        "author_links__author", "tag_links__tag", "labels"
    )


def front_page(request: HttpRequest) -> HttpResponse:
    articles = (
        Article.objects.live()
        .in_edition(request.edition.code)
        .select_related("locale")
        .prefetch_related("labels")
        .newest_first()[:FRONT_PAGE_ITEMS]
    )
    return render(
        request,
        "reader/front.html",
        {"articles": articles, "edition_switch": _switch(request, _front_page_links())},
    )


def article_page(request: HttpRequest, kind: str, year: str, month: str, day: str, story: str):
    article = (
        _with_filing(Article.objects.live().in_edition(request.edition.code))
        .filter(story_number=int(story))
        .first()
    )
    if article is None:
        raise Http404("No published article with this number in this edition.")
    canonical = article.get_absolute_url()
    if request.path != canonical:
        # The date or kind in the address is wrong (an old link, a retyped URL).
        return redirect(canonical, permanent=True)
    return render(
        request,
        "reader/article.html",
        {"article": article, "edition_switch": _switch(request, article_edition_links(article))},
    )


def _front_page_links() -> dict[str, str]:
    links = {}
    for edition in EDITIONS:
        with translation.override(edition.code):
            links[edition.code] = reverse("reader:front")
    return links


def _switch(request: HttpRequest, links: dict[str, str]) -> list[dict]:
    return [
        {"edition": edition, "url": links[edition.code], "current": edition == request.edition}
        for edition in EDITIONS
    ]


def article_edition_links(article: Article) -> dict[str, str]:
    """The same story in each edition where it is published, else that edition's front page."""
    links = _front_page_links()
    siblings = (
        Article.objects.live()
        .filter(translation_key=article.translation_key)
        .select_related("locale")
    )
    for sibling in siblings:
        links[sibling.locale.language_code] = sibling.get_absolute_url()
    return links
