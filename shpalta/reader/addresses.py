"""Addresses that cannot be a reader page, told apart before Django runs.

A flood of made-up addresses (tags, authors, sections and labels that do not exist, days
outside the archive, paths no page has) is built to miss every cache. The page cache's
fast path (caching.wsgi) asks `made_up(environ)` on a miss: for such an address it answers
with the edition's kept 404 page, as cheaply as a hit. The names it checks against are
read from the database once and again when they change (a change of a tag, author,
section or label purges "all", which this module watches) or a minute has passed.
"""

import threading
import time
from datetime import date
from urllib.parse import parse_qsl

from django.urls import Resolver404, resolve
from django.utils import translation

from shpalta.caching.pages import page_number, store
from shpalta.editions.registry import EDITIONS, edition_for_path
from shpalta.newsroom.models import Author, Label, Section, Tag

from .views.common import FIRST_DAY, kyiv_today

RELOAD_SECONDS = 60


class _Names:
    """The slugs that have pages: tags by edition, authors, sections and labels."""

    def __init__(self):
        self._lock = threading.Lock()
        self._loaded_ns = 0
        self._names: dict[str, set[str]] = {}

    def _stale(self) -> bool:
        age = time.time_ns() - self._loaded_ns
        return age > RELOAD_SECONDS * 10**9 or store().purged_since("all", self._loaded_ns)

    def get(self) -> dict[str, set[str]]:
        if self._stale():
            with self._lock:
                if self._stale():
                    loaded_ns = time.time_ns()
                    names = {
                        "author": set(Author.objects.values_list("slug", flat=True)),
                        "section": set(Section.objects.values_list("slug", flat=True)),
                        "label": set(Label.objects.values_list("slug", flat=True)),
                    }
                    for edition in EDITIONS:
                        slugs = Tag.objects.values_list(f"slug_{edition.code}", flat=True)
                        names[f"tag-{edition.code}"] = set(slugs)
                    self._names, self._loaded_ns = names, loaded_ns
        return self._names


_names = _Names()


def made_up(environ) -> str | None:
    """The edition whose 404 page answers a request, when no reader page can be at its
    address; None when Django must decide (a real page, an article number)."""
    path = environ.get("PATH_INFO", "")
    if path.startswith("/api/"):
        return None
    code = edition_for_path(path).code
    for name, value in parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True):
        if name == "page" and page_number(value) is None:
            return code
    with translation.override(code):
        try:
            match = resolve(path)
        except Resolver404:
            if path.endswith("/"):
                return code
            try:  # Django adds the slash with a redirect
                resolve(path + "/")
            except Resolver404:
                return code
            return None
    if match.namespace != "reader":
        return None
    if match.url_name == "tag":
        return None if match.kwargs["slug"] in _names.get()[f"tag-{code}"] else code
    if match.url_name in ("author", "section", "label"):
        return None if match.kwargs["slug"] in _names.get()[match.url_name] else code
    if match.url_name == "day":
        try:
            day = date(*(int(match.kwargs[part]) for part in ("year", "month", "day")))
        except ValueError:
            return code
        return None if FIRST_DAY <= day <= kyiv_today() else code
    return None
