"""Content API URLs, at the site's root (the edition is a filter, not a prefix)."""

from django.urls import path, re_path

from . import api, openapi

app_name = "api"

urlpatterns = [
    path("articles/", api.article_list, name="articles"),
    re_path(
        r"^articles/(?P<edition>[a-z]{2})/(?P<story>\d{1,12})/$",
        api.article_detail,
        name="article",
    ),
    path("openapi.json", openapi.openapi_json, name="openapi"),
]
