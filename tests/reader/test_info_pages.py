"""Support Us and About: the edition's own page from the admin, else the built-in text."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from shpalta.newsroom.models import InfoPage

from ..conftest import sign_in

pytestmark = pytest.mark.django_db


def test_built_in_support_and_about_pages_in_each_edition(client, newsroom):
    assert "Підтримайте нас або станьте нашим патроном!" in client.get("/support/").content.decode()
    assert "Support us or become our patron!" in client.get("/eng/support/").content.decode()
    assert "О нас и контакты" in client.get("/rus/about/").content.decode()


def test_the_editions_support_page_from_the_admin(client, newsroom):
    InfoPage.objects.create(
        locale=Locale.objects.get(language_code="en"),
        kind="support",
        title="Keep us going",
        body=[
            ("paragraph", RichText("<p>Readers pay for our reporting.</p>")),
            ("tiers", [{"name": "Friend", "price": "5 EUR a month", "description": "Newsletter"}]),
            ("button", {"text": "Pay", "url": "https://pay.example.org/shpalta"}),
        ],
    )
    html = client.get("/eng/support/").content.decode()
    assert "Keep us going" in html and "Readers pay for our reporting." in html
    assert "<strong>Friend</strong> — 5 EUR a month" in html
    assert 'href="https://pay.example.org/shpalta"' in html
    assert "Keep us going" not in client.get("/support/").content.decode()


def test_editor_writes_the_about_page_of_an_edition(client, editor):
    sign_in(client, editor)
    data = nested_form_data(
        {
            "kind": "about",
            "title": "Про нас",
            "body": streamfield([("paragraph", rich_text("<p>Редакція в Києві.</p>"))]),
        }
    )
    response = client.post(reverse("wagtailsnippets_newsroom_infopage:add") + "?locale=uk", data)
    assert response.status_code == 302
    assert "Редакція в Києві." in client.get("/about/").content.decode()
