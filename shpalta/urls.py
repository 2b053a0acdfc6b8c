"""URLs: the newsroom editor, media, and the reader site under each edition's prefix."""

import errno

from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from shpalta.editions.urls import edition_patterns
from shpalta.newsroom.views import SiteHistoryView
from shpalta.reader.views.offline import service_worker
from shpalta.syndication import sitemaps


def serve_media(request, path: str):
    """Uploads, when no CDN or nginx serves them. A name longer than the file system
    allows names no file: a 404, where Django's serve() lets the OSError through (a 500).
    Documents are served only by Wagtail's view, as downloads (settings: WAGTAILDOCS_*)."""
    if path.startswith("documents/"):
        raise Http404("Documents are served at /documents/.")
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("No such file.") from None


def not_found(request, *args, **kwargs):
    raise Http404("No such page.")


urlpatterns = [
    # Before Wagtail's own: its Site history for editors and administrators only, and no
    # deliberate 500 page (Wagtail's "failwhale", a test of error pages) for every user.
    path(
        "admin/reports/site-history/",
        require_admin_access(SiteHistoryView.as_view()),
        name="shpalta_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(SiteHistoryView.as_view(results_only=True)),
        name="shpalta_site_history_results",
    ),
    path("admin/failwhale/", not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sw.js", service_worker, name="service_worker"),
    path("api/v1/", include("shpalta.syndication.api_urls")),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))
urlpatterns += edition_patterns(
    path("", include("shpalta.reader.urls")),
    path("", include("shpalta.syndication.urls")),
)

handler404 = "shpalta.reader.views.page_not_found"
handler500 = "shpalta.reader.views.server_error"
