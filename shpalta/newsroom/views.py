"""Admin views where Wagtail's own need to know the edition or the newsroom's roles."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.forms.choosers import SearchFilterMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, IndexView, PreviewOnCreateView

from . import search


class ArticleCreateView(CreateView):
    def get_preview_url(self):
        # Wagtail's preview of an unsaved snippet does not carry its locale; without it a
        # new English article would be previewed in the Ukrainian edition.
        url = super().get_preview_url()
        return self._set_locale_query_param(url) if url else url


class ArticleIndexView(IndexView):
    """The Articles list: its search finds any word form, in every edition, drafts too."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = search.Query.parse(self.search_query, None)
        if not query:
            return queryset.none()
        # The newest thousand matches, in the list's own order.
        return queryset.filter(pk__in=search.find(queryset, query).ids)


class WordFormSearch(SearchFilterMixin):
    """The article chooser's search: any word form (whole words), and the headline's
    word beginnings as they are typed; the first 200 of each."""

    def filter(self, objects):
        objects = super(SearchFilterMixin, self).filter(objects)  # the other filters
        text = self.cleaned_data.get("q")
        if not text:
            return objects
        self.is_searching, self.search_query = True, text
        query = search.Query.parse(text, None)
        found = set(search.find(objects, query).ids[:200]) if query else set()
        typed = get_search_backend().autocomplete(text, objects)[:200]
        return objects.filter(pk__in=found | {article.pk for article in typed})


class ArticleChooserFilters:
    def get_filter_form_class(self):
        form = super().get_filter_form_class()
        bases = tuple(
            WordFormSearch if base is SearchFilterMixin else base for base in form.__bases__
        )
        return type("FilterForm", bases, {})


class ArticleChooseView(ArticleChooserFilters, ChooseView):
    pass


class ArticleChooseResultsView(ArticleChooserFilters, ChooseResultsView):
    pass


class ArticleChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ArticleChooseView
    choose_results_view_class = ArticleChooseResultsView


class ArticlePreviewOnCreateView(PreviewOnCreateView):
    def get_object(self):
        article = super().get_object()
        code = self.request.GET.get("locale", "")
        article.locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
        return article


def may_read_site_history(user) -> bool:
    """Who publishes (editors) and administrators: the site's history names every draft,
    deletion and ad change, more than a reporter's or an ad manager's work needs."""
    return user.is_superuser or user.has_perm("newsroom.publish_article")


class SiteHistoryView(LogEntriesView):
    """Wagtail's Site history report, for editors and administrators only (shpalta/urls.py
    puts it at Wagtail's address; wagtail_hooks.py hides its menu item from the others)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_site_history(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
