"""Posts that the admin's own pages never send, or that a second editor sends at the
wrong moment, are form errors in the admin's language, never a 500, and what was typed
comes back in the form."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from shpalta.ads.models import AdSlot
from shpalta.demo.content import write_demo_content
from shpalta.newsroom.models import Article, InfoPage

from ..conftest import _member, sign_in
from ..factories import make_author, make_section
from .editor_forms import article_form, article_url, shown_in_form

pytestmark = pytest.mark.django_db

TYPED = "Заголовок, який редакторка набирала"
TYPED_BODY = "Readers keep this newsroom going."


def test_an_article_post_without_its_body_count_is_a_form_error(client, editor):
    sign_in(client, editor)
    data = article_form(section=make_section(), author=make_author(), headline=TYPED)
    del data["body-count"]
    response = client.post(article_url("add") + "?locale=uk", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert shown_in_form("Ця частина форми надійшла неповною", html)
    assert TYPED in html
    assert not Article.objects.exists()


@pytest.mark.parametrize("broken", ["body-count", "body-6-value-count"])
def test_block_counts_that_are_no_number_are_a_form_error(client, editor, broken):
    """The body's count, and the count of the Background's items inside it."""
    sign_in(client, editor)
    data = article_form(section=make_section(), author=make_author(), headline=TYPED)
    assert broken in data
    data[broken] = "many"
    response = client.post(article_url("add") + "?locale=uk", data)
    assert response.status_code == 200
    assert shown_in_form("Ця частина форми надійшла неповною", response.content.decode())
    assert TYPED in response.content.decode()


def _info_page(kind: str, title: str) -> dict:
    # Latin text: inside the editor's JSON, nested twice, Cyrillic is escaped twice over.
    body = streamfield([("paragraph", rich_text(f"<p>{TYPED_BODY}</p>"))])
    return nested_form_data({"kind": kind, "title": title, "body": body})


def test_a_second_support_page_of_an_edition_is_a_form_error(client, editor):
    sign_in(client, editor)
    url = reverse("wagtailsnippets_newsroom_infopage:add") + "?locale=uk"
    assert client.post(url, _info_page("support", "Підтримати")).status_code == 302
    response = client.post(url, _info_page("support", "Ще одна сторінка підтримки"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "У цій версії вже є така сторінка" in html
    assert "Ще одна сторінка підтримки" in html
    assert TYPED_BODY in html
    assert InfoPage.objects.count() == 1
    # Another edition may have its own.
    english = reverse("wagtailsnippets_newsroom_infopage:add") + "?locale=en"
    assert client.post(english, _info_page("support", "Support us")).status_code == 302


def test_a_second_ad_slot_of_a_placement_is_a_form_error(client, newsroom):
    manager = _member("ads", "Ad managers")
    sign_in(client, manager)
    url = reverse("wagtailsnippets_ads_adslot:add") + "?locale=uk"
    slot = {"placement": "sidebar", "enabled": "on", "code": "<div>x</div>", "every": "10"}
    assert client.post(url, slot).status_code == 302
    response = client.post(url, {**slot, "code": "<div>друга</div>"})
    assert response.status_code == 200
    assert "вже є рекламне місце в цьому розташуванні" in response.content.decode()
    assert AdSlot.objects.count() == 1


def test_an_ad_manager_saves_the_demos_ad_slots_unchanged(newsroom):
    write_demo_content(stories=2)
    manager = _member("ads", "Ad managers")
    client = Client()
    sign_in(client, manager)
    slots = list(AdSlot.objects.select_related("locale"))
    assert slots and all(slot.house_link.startswith("/") for slot in slots)
    for slot in slots:
        edit = reverse("wagtailsnippets_ads_adslot:edit", args=[slot.pk])
        form = client.get(edit).context["form"]
        data = {
            name: ("on" if value is True else value)
            for name, value in ((name, form[name].value()) for name in form.fields)
            if value not in (None, False)
        }
        response = client.post(edit, data)
        assert response.status_code == 302, response.content.decode()[:300]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "//evil.example/", "support"])
def test_an_ad_link_that_is_neither_ours_nor_a_web_address_is_refused(client, newsroom, link):
    manager = _member("ads", "Ad managers")
    sign_in(client, manager)
    url = reverse("wagtailsnippets_ads_adslot:add") + "?locale=uk"
    slot = {"placement": "sidebar", "enabled": "", "house_link": link, "every": "10"}
    response = client.post(url, slot)
    assert response.status_code == 200
    assert "Введіть адресу на цьому сайті" in response.content.decode()


def test_the_ukrainian_overwrite_notice_keeps_the_name_apart():
    with translation.override("uk"):
        notice = translation.gettext("%(user_name)s saved a new version") % {"user_name": "Олена"}
    assert notice.startswith("Олена") and not notice.startswith("Оленазб")
    assert notice == "Олена: збережено нову версію"
