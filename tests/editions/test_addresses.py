from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path, reverse, set_script_prefix
from django.utils import translation

from shpalta.editions.addresses import _reversed, address, address_in

# A site whose front page has moved: the URL configuration that the last test turns to.
urlpatterns = [
    path("moved/", include(([path("", lambda request: HttpResponse(), name="front")], "reader")))
]


def test_an_address_is_the_active_editions_as_reverse_gives_it():
    """A kept address is the active edition's: asked in each edition in turn (and again),
    each gets its own prefix, as reverse() gives it."""
    for _ in range(2):
        for code, prefix in (("uk", "/"), ("ru", "/rus/"), ("en", "/eng/")):
            with translation.override(code):
                tag = address("reader:tag", "viina")
                assert tag == reverse("reader:tag", args=["viina"]) == f"{prefix}tags/viina/"
                assert address("reader:support") == f"{prefix}support/"


def test_an_address_in_an_edition_is_that_editions_whatever_language_is_active():
    """address_in() answers in the edition asked for, kept or not, and what it keeps is
    what address() then gives in that edition."""
    _reversed.cache_clear()
    with translation.override("uk"):
        assert address_in("en", "reader:section", "war") == "/eng/sections/war/"
        assert address_in("ru", "reader:front") == "/rus/"
        assert address("reader:section", "war") == "/sections/war/"
        assert translation.get_language() == "uk"
    with translation.override("en"):
        assert address("reader:section", "war") == "/eng/sections/war/"
        assert address_in("uk", "reader:section", "war") == "/sections/war/"


def test_an_address_follows_the_script_prefix():
    """A site served under a path (SCRIPT_NAME) links under it, however it was asked before."""
    with translation.override("en"):
        assert address("reader:author", "olena") == "/eng/authors/olena/"
        set_script_prefix("/paper/")
        try:
            assert address("reader:author", "olena") == "/paper/eng/authors/olena/"
        finally:
            set_script_prefix("/")
        assert address("reader:author", "olena") == "/eng/authors/olena/"


def test_an_address_follows_the_url_configuration():
    with translation.override("uk"):
        assert address("reader:front") == "/"
        with override_settings(ROOT_URLCONF=__name__):
            assert address("reader:front") == "/moved/"
        assert address("reader:front") == "/"
