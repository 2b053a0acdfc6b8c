"""Ad slots: configured per edition in the admin, shown in reserved space, never where the
editor switched ads off, and third-party code only as an inert template until in view."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.rich_text import RichText

from shpalta.ads.models import RESERVED_HEIGHT, AdSlot, Placement

from ..conftest import _member, sign_in
from ..factories import make_article, make_image

pytestmark = pytest.mark.django_db


def make_slot(placement, edition="uk", **fields) -> AdSlot:
    defaults = {
        "house_image": make_image(),
        "house_alt": "Підтримайте нас",
        "house_link": "/support/",
    }
    if "code" in fields:
        defaults = {}
    return AdSlot.objects.create(
        locale=Locale.objects.get(language_code=edition),
        placement=placement,
        **{**defaults, **fields},
    )


def body_with_marker():
    return [
        ("details", RichText("<p>Деталі</p>")),
        ("ad_slot", None),
        ("paragraph", RichText("<p>Далі</p>")),
    ]


def test_configured_slots_appear_in_their_places_with_reserved_space(client, newsroom):
    for placement in (Placement.AFTER_LEAD, Placement.IN_ARTICLE, Placement.AFTER_BODY):
        make_slot(placement)
    article = make_article(body=body_with_marker())
    html = client.get(article.get_absolute_url()).content.decode()

    lead, marker, after_body = (
        html.index(f"ad-{p}") for p in ("after_lead", "in_article", "after_body")
    )
    assert (
        html.index('class="lead"')
        < lead
        < html.index("Деталі")
        < marker
        < html.index("Далі")
        < after_body
    )
    assert 'class="ad-slot ad-after_lead"' in html and "style=" not in html
    # Each placement's reserved height is in the stylesheet (no style attribute: the CSP).
    css = (settings.BASE_DIR / "shpalta/reader/static/reader/site.css").read_text()
    for placement, height in RESERVED_HEIGHT.items():
        rule = re.search(rf"\.ad-{placement.value}\b[^{{]*{{ min-height: (\d+)px; }}", css)
        assert rule and int(rule.group(1)) == height, placement
    assert 'alt="Підтримайте нас"' in html and 'rel="sponsored noopener"' in html


def test_no_ads_where_the_editor_switched_them_off(client, newsroom):
    for placement in (Placement.AFTER_LEAD, Placement.IN_ARTICLE, Placement.AFTER_BODY):
        make_slot(placement)
    article = make_article(body=body_with_marker(), ads_enabled=False)
    assert "ad-slot" not in client.get(article.get_absolute_url()).content.decode()


def test_no_ads_without_configured_slots_or_when_switched_off_or_in_another_edition(
    client, newsroom
):
    make_slot(Placement.AFTER_LEAD, enabled=False, house_image=None)
    make_slot(Placement.AFTER_BODY, edition="en")
    article = make_article(body=body_with_marker())
    assert "ad-slot" not in client.get(article.get_absolute_url()).content.decode()


def test_third_party_code_waits_in_an_inert_template(client, newsroom):
    make_slot(Placement.AFTER_LEAD, code='<script src="https://ads.example.org/tag.js"></script>')
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<template data-ad-code><script src="https://ads.example.org/tag.js"></script></template>'
        in html
    )


def test_in_feed_ads_come_every_n_items(client, newsroom):
    make_slot(Placement.IN_FEED, every=3)
    for number in range(7):
        make_article(headline=f"Новина {number}")
    html = client.get("/news/").content.decode()
    assert html.count('<li class="ad-item">') == 2


def test_a_slot_needs_exactly_one_kind_of_creative(newsroom):
    locale = Locale.objects.get(language_code="uk")
    with translation.override("en"):
        with pytest.raises(ValidationError, match="either a house creative or third-party code"):
            AdSlot(
                locale=locale,
                placement="sidebar",
                house_image=make_image(),
                house_alt="x",
                code="<b>x</b>",
            ).full_clean()
        with pytest.raises(ValidationError, match="needs a house creative or third-party code"):
            AdSlot(locale=locale, placement="sidebar").full_clean()
        with pytest.raises(ValidationError, match="Describe the creative"):
            AdSlot(locale=locale, placement="sidebar", house_image=make_image()).full_clean()


def test_only_ad_managers_place_ads(client, editor):
    url = reverse("wagtailsnippets_ads_adslot:list")
    sign_in(client, editor)
    assert client.get(url).status_code in (302, 403)
    manager = _member("ads", "Ad managers")
    sign_in(client, manager)
    assert client.get(url).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_ads_adslot:add") + "?locale=uk",
        {"placement": "sidebar", "enabled": "on", "code": "", "every": "10"},
    )
    assert response.status_code == 200
    assert "Місце, що показується, потребує" in response.content.decode()
