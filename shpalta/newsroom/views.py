"""Admin views of articles where Wagtail's generic snippet views need to know the edition."""

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
