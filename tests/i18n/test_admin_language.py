"""The newsroom's editor speaks its editor's language throughout: no message of
Wagtail's that its Ukrainian or Russian catalogue lacks shows in English on the article
editor's pages (shpalta/editions/upstream_messages.py and our djangojs.po fill them)."""

import html
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from ..conftest import sign_in
from ..factories import make_article
from ..newsroom.editor_forms import article_url
from .test_catalogues import read_po

pytestmark = pytest.mark.django_db

WAGTAIL = Path(wagtail.__file__).parent
CATALOGUES = ["admin/locale/en/LC_MESSAGES/django.po", "locale/en/LC_MESSAGES/django.po"]
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_SHOWN_ATTRIBUTE = re.compile(
    r'\s(?:title|aria-label|placeholder|alt|data-w-tooltip-content-value)="([^"]*)"'
)
_TAG = re.compile(r"<[^>]*>")


def shown_text(page: str) -> str:
    """What a person reads or hears of a page: its text (scripts' data left out) and the
    attributes that are spoken or shown (titles, labels, placeholders)."""
    page = _SCRIPT.sub(" ", page)
    spoken = " ".join(_SHOWN_ATTRIBUTE.findall(page))
    return html.unescape(f"{_TAG.sub(' ', page)} {spoken}")


def _wagtail_messages(path: str) -> list[str]:
    found = []
    for entry in read_po(WAGTAIL / path):
        if "msgctxt" in entry:
            continue  # asked for with its context, never by its words alone
        found += [entry["msgid"], *([entry["msgid_plural"]] if "msgid_plural" in entry else [])]
    return found


def _english_left(language: str, pages: dict[str, str]) -> list[tuple[str, str]]:
    """(message, page) for each Wagtail message shown as it is written in English."""
    left = []
    with translation.override(language):
        for message in {m for path in CATALOGUES for m in _wagtail_messages(path)}:
            if translation.gettext(message) != message:
                continue
            # What a page shows of it: the words before its first placeholder.
            probe = _PLACEHOLDER.split(message)[0].strip()
            if len(probe) < 5 or not re.search(r"[a-z]{2}", probe):
                continue
            shown = re.compile(rf"(?<!\w){re.escape(probe)}(?!\w)")
            for url, text in pages.items():
                if shown.search(text):
                    left.append((message, url))
                    break
    return sorted(left)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_article_editor_shows_no_english_wagtail_message(client, editor, filing, language):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    sign_in(client, editor)
    live = make_article(authors=[filing["author"]])
    draft = make_article(publish=False)
    scheduled = make_article(publish=False, go_live_at=timezone.now() + timedelta(days=1))
    urls = [
        article_url("edit", live.pk),
        article_url("edit", draft.pk),
        article_url("edit", scheduled.pk),
        article_url("add") + "?locale=uk",
        article_url("list"),
        article_url("history", live.pk),
        article_url("unpublish", live.pk),
        "/admin/",
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'<html lang="{language}"' in page, url
        pages[url] = shown_text(page)
    assert "Запланувати публікацію" in pages[urls[2]] or language == "ru"
    assert _english_left(language, pages) == []


@pytest.mark.parametrize("language, new", [("uk", "Створення:"), ("ru", "Создание:")])
def test_the_live_blog_updates_admin_shows_no_english_wagtail_message(
    client, editor, language, new
):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    sign_in(client, editor)
    pages = {}
    for url in (reverse("live_entries:index"), reverse("live_entries:add")):
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = shown_text(response.content.decode())
    # The add view's breadcrumb ("New: …", too short for _english_left's probe).
    assert new in pages[reverse("live_entries:add")]
    assert "New:" not in pages[reverse("live_entries:add")]
    assert _english_left(language, pages) == []


def test_the_editor_scripts_speak_ukrainian(client, editor):
    sign_in(client, editor)
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    en = read_po(WAGTAIL / "admin/locale/en/LC_MESSAGES/djangojs.po")
    with translation.override("uk"):
        from django.views.i18n import JavaScriptCatalog

        view = JavaScriptCatalog(packages=["wagtail.admin"])
        view.translation = None
        left = []
        for entry in en:
            kept = view.get_paths(["wagtail.admin"])
            translated = translation.trans_real.DjangoTranslation("uk", "djangojs", kept)
            words = _PLACEHOLDER.sub("", entry["msgid"])
            if not re.search(r"[a-z]", words):
                continue  # nothing but placeholders to translate
            plural = "msgid_plural" in entry
            if not plural and translated.gettext(entry["msgid"]) == entry["msgid"]:
                left.append(entry["msgid"])
    assert left == []
    placeholder = "Напишіть щось або введіть «/», щоб вставити блок"
    assert placeholder in catalogue or json.dumps(placeholder)[1:-1] in catalogue


def test_choosers_speak_the_language_of_each_request(newsroom):
    """Wagtail makes the edit forms' choosers once per process, at the first request:
    made in English, an author chooser still speaks Ukrainian to a Ukrainian editor."""
    from shpalta.newsroom.models import Author

    with translation.override("en"):
        widget = Author.snippet_viewset.chooser_viewset.widget_class()
    with translation.override("uk"):
        page = widget.render("author", None, attrs={"id": "id_author"})
        name = Author._meta.verbose_name
        wanted = [
            translation.gettext(message) % {"object": name}
            for message in ("Choose %(object)s", "Choose another %(object)s")
        ]
    assert all(words in page for words in wanted), wanted
    assert "Choose another" not in page
