"""Reader URLs, inside the edition prefix ("", "rus/", "eng/")."""

from django.urls import path, re_path

from shpalta.newsroom.models.article import KIND_URL_SEGMENTS

from . import views
from .views import article, lite, newsletter, offline
from .views.corrections import corrections_log

app_name = "reader"
KINDS = "|".join(KIND_URL_SEGMENTS.values())
DATE = r"(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{1,2})"

urlpatterns = [
    path("", views.front_page, name="front"),
    path("news/", views.all_news, name="all_news"),
    re_path(rf"^news/{DATE}/$", views.all_news, name="day"),
    re_path(
        rf"^(?P<kind>{KINDS})/{DATE}/(?P<story>\d{{1,12}})/$", views.article_page, name="article"
    ),
    re_path(
        rf"^live/{DATE}/(?P<story>\d{{1,12}})/updates/$",
        article.live_updates,
        name="live_updates",
    ),
    re_path(rf"^(?P<segment>{KINDS})/$", views.kind_page, name="kind"),
    path("tags/<slug:slug>/", views.tag_page, name="tag"),
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("sections/<slug:slug>/", views.section_page, name="section"),
    path("labels/<slug:slug>/", views.label_page, name="label"),
    path("support/", views.info_page, {"kind": "support"}, name="support"),
    path("about/", views.info_page, {"kind": "about"}, name="about"),
    path("corrections/", corrections_log, name="corrections"),
    path("search/", views.search_page, name="search"),
    path("newsletter/", newsletter.newsletter, name="newsletter"),
    path("newsletter/confirm/<str:token>/", newsletter.confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:token>/",
        newsletter.unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path("manifest.webmanifest", offline.web_manifest, name="manifest"),
    # The lite edition (reader.views.lite): the same addresses after "lite/".
    path("lite/", lite.lite_front, name="lite_front"),
    path("lite/news/", lite.lite_all_news, name="lite_all_news"),
    re_path(rf"^lite/news/{DATE}/$", lite.lite_all_news, name="lite_day"),
    re_path(
        rf"^lite/(?P<kind>{KINDS})/{DATE}/(?P<story>\d{{1,12}})/$",
        lite.lite_article,
        name="lite_article",
    ),
]
