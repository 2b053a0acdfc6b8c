"""The reader's search page of an edition: /search/?q=…, with filters, sorting and pages.

Results are never kept (the page cache keys a page by its path and page number, and a
search differs by its query): each search asks the index, so a story is found as soon
as it is published and gone as soon as it is not.
"""

from datetime import datetime, time
from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from shpalta.caching import tags as cache_tags
from shpalta.editions.dates import KYIV
from shpalta.editions.registry import EDITIONS
from shpalta.newsroom import search, search_backend
from shpalta.newsroom.models import Article, Kind, Section
from shpalta.syndication.metadata import page_head

from .common import in_each_edition, paged, render_page

PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    section = forms.ChoiceField(label=_("Section"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Kind.choices]
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Most relevant first")), ("date", _("Newest first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("All sections")),
            *((str(section.pk), section.name) for section in Section.objects.all()),
        ]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period comes before its start."))
        return data


def _filtered(request: HttpRequest, data: dict):
    """The edition's live stories the filters leave, by the index's filter fields only
    (so that the query runs on any backend, Elasticsearch's too)."""
    articles = Article.objects.live().in_edition(request.edition.code)
    if data.get("section"):
        articles = articles.filter(section=data["section"])
    if data.get("kind"):
        articles = articles.filter(kind=data["kind"])
    if data.get("since"):
        articles = articles.filter(
            published_at__gte=datetime.combine(data["since"], time.min, KYIV)
        )
    if data.get("until"):
        articles = articles.filter(
            published_at__lte=datetime.combine(data["until"], time.max, KYIV)
        )
    return articles


def _elsewhere(request: HttpRequest, text: str) -> list[dict]:
    """The same words searched in the other editions, where they find something."""
    found = []
    for edition in EDITIONS:
        if edition == request.edition:
            continue
        query = search.Query.parse(text, edition.code)
        live = Article.objects.live().in_edition(edition.code)
        count = search.find(live, query, by_relevance=False).count()
        if count:
            with translation.override(edition.code):
                url = reverse("reader:search") + "?" + urlencode({"q": text})
            found.append({"edition": edition, "count": count, "url": url})
    return found


def _asked(request: HttpRequest) -> dict:
    """The query and filters as asked, without the page number (for links that keep them)."""
    return {k: v for k, v in request.GET.items() if k != "page" and v}


def _near_spelling(request: HttpRequest, data: dict, query: search.Query) -> dict | None:
    """The query spelt nearly the same way ("переговри" → "переговори"), when that finds
    stories under the same filters: its text and the address that searches it."""
    text = search.respelled(query, search_backend.indexed)
    if not text:
        return None
    mended = search.Query.parse(text, request.edition.code)
    if not search.find(_filtered(request, data), mended, by_relevance=False, window=1):
        return None
    return {"text": text, "url": "?" + urlencode({**_asked(request), "q": text})}


def _result(article: Article, query: search.Query) -> dict:
    lead, body = article.lead_text, article.body_text()
    # A body that opens with its lead (a habit of some desks) is not shown twice.
    text = body if body.startswith(lead) else f"{lead} {body}"
    return {
        "article": article,
        "headline": search.highlight(article.headline, query, width=1000),
        "passage": search.highlight(text, query),
    }


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {"form": form, "title": _("Search")}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound and form.cleaned_data["q"]:
        data = form.cleaned_data
        query = search.Query.parse(data["q"], request.edition.code)
        context["query"] = query
        if query:
            articles = _filtered(request, data)
            by_date = data["sort"] == "date"
            if by_date:
                articles = articles.order_by("-published_at", "-id")
            found = search.find(
                articles, query, by_relevance=not by_date, fetch=Article.objects.for_listing()
            )
            page = paged(request, found, PER_PAGE)
            context["searched"] = True
            context["page"] = page
            context["more_than_counted"] = found.capped
            context["results"] = [_result(article, query) for article in page.object_list]
            if not page.paginator.count:
                context["respelled"] = _near_spelling(request, data, query)
                context["elsewhere"] = _elsewhere(request, query.text)
            context["page_query"] = urlencode(_asked(request))
    links = in_each_edition(
        lambda edition: (
            reverse("reader:search")
            + (f"?{urlencode({'q': request.GET['q']})}" if request.GET.get("q") else "")
        )
    )
    head = page_head(request, alternates=links, title=str(context["title"]))
    head.robots = "noindex, follow"
    response = render_page(request, "reader/search.html", context, links, status, head=head)
    # Not kept by the page cache nor an edge cache: a search differs by its query.
    cache_tags.forget(request)
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response
