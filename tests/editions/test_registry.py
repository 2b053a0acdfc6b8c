import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from shpalta.editions.registry import (
    UnknownEditionError,
    edition_for_path,
    get_edition,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "code", "not_found"),
    [
        ("/", "uk", "Сторінку не знайдено"),
        ("/rus/", "ru", "Страница не найдена"),
        ("/eng/", "en", "Page not found"),
    ],
)
def test_each_edition_speaks_its_language_whatever_the_browser_asks(
    client, newsroom, prefix, code, not_found
):
    """Each edition's addresses are answered in its language from its catalogue: not the
    browser's (Accept-Language), and Ukrainian where no prefix is given."""
    for path in ("", "no/such/page/"):
        response = client.get(prefix + path, headers={"accept-language": "de, fr;q=0.8, en;q=0.5"})
        html = response.content.decode()
        assert response["Content-Language"] == code
        assert f'<html lang="{code}"' in html
    assert response.status_code == 404
    assert not_found in html
    # The newsroom's admin names each edition's locale as the edition names itself.
    assert Locale.objects.get(language_code=code).get_display_name() == get_edition(code).name


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
