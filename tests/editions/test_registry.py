import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from shpalta.editions.registry import (
    EDITIONS,
    UnknownEditionError,
    edition_for_path,
    get_edition,
)


def test_editions_are_the_languages_of_the_site():
    assert [code for code, _name in settings.LANGUAGES] == [e.code for e in EDITIONS]
    assert settings.LANGUAGE_CODE == "uk"


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/", "uk"),
        ("/news/2024/12/12/1/", "uk"),
        ("/rus/", "ru"),
        ("/eng/news/", "en"),
        ("/english/", "uk"),
        ("/admin/", "uk"),
    ],
)
def test_edition_for_path_reads_the_prefix(path, code):
    assert edition_for_path(path).code == code


def test_unknown_edition_names_the_editions():
    with pytest.raises(UnknownEditionError, match="uk, ru, en"):
        get_edition("de")


@pytest.mark.parametrize(("code", "url"), [("uk", "/"), ("ru", "/rus/"), ("en", "/eng/")])
def test_reverse_gives_the_active_editions_prefix(code, url):
    with translation.override(code):
        assert reverse("reader:front") == url
