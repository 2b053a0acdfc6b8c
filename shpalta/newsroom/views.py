"""Admin views where Wagtail's own need to know the edition or the newsroom's roles."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import Locale
from wagtail.snippets.views.snippets import CreateView, PreviewOnCreateView


class ArticleCreateView(CreateView):
    def get_preview_url(self):
        # Wagtail's preview of an unsaved snippet does not carry its locale; without it a
        # new English article would be previewed in the Ukrainian edition.
        url = super().get_preview_url()
        return self._set_locale_query_param(url) if url else url


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
