"""The Content-Security-Policy: reader pages run scripts from our origin and the ad
code's listed hosts and hashed inline scripts alone, frames only from the embeds'
providers, and keep the same policy when served from the page cache; the admin may not
be framed by anyone, its previews by the admin alone."""

import base64
import hashlib

import pytest
from django.urls import reverse
from wagtail.models import Locale

from shpalta.ads.models import AdSlot, Placement

from ..conftest import _member, sign_in
from ..factories import make_article
from ..newsroom.editor_forms import article_url

pytestmark = pytest.mark.django_db

AD_SCRIPT = "window.adQueue = (window.adQueue || []).concat(['slot-1']);"
AD_CODE = (
    '<script src="https://cdn.adnetwork.example/tag.js" async></script>'
    f"<script>{AD_SCRIPT}</script>"
)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_reader_pages_allow_only_our_scripts_and_the_embeds_frames(client, newsroom):
    article = make_article()
    for url in ["/", "/eng/", article.get_absolute_url(), "/news/", "/rss/", "/no/such/page/"]:
        response = client.get(url)
        rules = policy(response)
        assert rules["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in rules["style-src"]
        assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'self'"]
        assert rules["frame-ancestors"] == ["'self'"]
        assert "https://www.youtube-nocookie.com" in rules["frame-src"]
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_a_kept_page_is_served_with_the_policy_it_was_rendered_with(client, newsroom):
    article = make_article()
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())
    assert second["X-Cache"] == "HIT"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Permissions-Policy"] == first["Permissions-Policy"]


def test_ad_code_joins_the_policy_by_its_listed_hosts_and_inline_hashes(client, newsroom):
    AdSlot.objects.create(
        locale=Locale.objects.get(language_code="uk"),
        placement=Placement.AFTER_BODY,
        code=AD_CODE,
        hosts="cdn.adnetwork.example\n*.adserver.example",
    )
    article = make_article()
    rules = policy(client.get(article.get_absolute_url()))
    assert rules["script-src"] == [
        "'self'",
        "https://cdn.adnetwork.example",
        "https://*.adserver.example",
        sha256(AD_SCRIPT),
    ]
    assert "https://cdn.adnetwork.example" in rules["frame-src"]
    assert "'unsafe-inline'" not in rules["script-src"]


def test_an_ad_manager_must_list_the_hosts_the_code_loads_from(client, newsroom):
    manager = _member("ads", "Ad managers")
    sign_in(client, manager)
    url = reverse("wagtailsnippets_ads_adslot:add") + "?locale=uk"
    data = {"placement": "sidebar", "enabled": "on", "code": AD_CODE, "every": "10"}
    response = client.post(url, {**data, "hosts": "ads.other.example"})
    html = response.content.decode()
    assert response.status_code == 200 and not AdSlot.objects.exists()
    assert "https://cdn.adnetwork.example" in html and "додайте їх сюди" in html
    assert "cdn.adnetwork.example/tag.js" in html  # the code typed stays
    refused = client.post(url, {**data, "hosts": "javascript:alert(1)"})
    assert "Це не назва хоста" in refused.content.decode()
    assert client.post(url, {**data, "hosts": "cdn.adnetwork.example"}).status_code == 302


def test_the_admin_is_framed_by_nobody_and_its_previews_by_the_admin_alone(client, newsroom):
    editor = _member("editor", "Editors")
    sign_in(client, editor)
    article = make_article()
    rules = policy(client.get(article_url("edit", article.pk)))
    assert rules["frame-ancestors"] == ["'none'"]
    assert rules["object-src"] == ["'none'"] and rules["form-action"] == ["'self'"]
    preview = policy(client.get(article_url("preview_on_edit", article.pk)))
    assert preview["frame-ancestors"] == ["'self'"]
    login = policy(client.get("/admin/login/"))
    assert login["frame-ancestors"] == ["'none'"]
