"""Reader URLs, inside the edition prefix ("", "rus/", "eng/")."""

from django.urls import path, re_path

from shpalta.newsroom.models.article import KIND_URL_SEGMENTS

from . import views

app_name = "reader"
KINDS = "|".join(KIND_URL_SEGMENTS.values())

urlpatterns = [
    path("", views.front_page, name="front"),
    re_path(
        rf"^(?P<kind>{KINDS})/(?P<year>\d{{4}})/(?P<month>\d{{2}})/(?P<day>\d{{1,2}})/(?P<story>\d{{1,12}})/$",
        views.article_page,
        name="article",
    ),
]
