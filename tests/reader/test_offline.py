"""Offline reading's parts as the server gives them: the service worker at the root
(asked again at each visit, naming the release so that a deploy replaces it), each
edition's manifest, the pages that register it, and the setting that turns it off."""

import json

import pytest

from shpalta.caching import keys

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_the_worker_is_served_at_the_root_and_names_the_release(client, newsroom):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert "xkey" not in response  # never kept by the page cache or an edge
    script = response.content.decode()
    assert f'const VERSION = "{keys.configuration()}-1";' in script
    assert "const ENABLED = true;" in script and "const ARTICLES = 20;" in script
    offline = json.loads(script.split("const OFFLINE = ")[1].split(";\n")[0])
    assert "Ви офлайн" in offline[""] and "Вы офлайн" in offline["rus/"]
    assert "You are offline" in offline["eng/"]


@pytest.mark.parametrize(("prefix", "language"), [("", "uk"), ("/rus", "ru"), ("/eng", "en")])
def test_each_edition_has_its_manifest(client, newsroom, prefix, language):
    response = client.get(f"{prefix}/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == language
    assert manifest["start_url"] == f"{prefix}/"
    assert manifest["scope"] == "/" and manifest["display"] == "standalone"
    assert manifest["icons"][0]["sizes"] == "512x512"


def test_pages_register_it_unless_it_is_turned_off(client, newsroom, settings):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "reader/offline.js" in html and 'rel="manifest"' in html
    assert "<script" not in client.get("/lite/").content.decode()
    settings.OFFLINE_READING = False
    html = client.get(article.get_absolute_url()).content.decode()
    assert "reader/offline.js" not in html and 'rel="manifest"' not in html
    # Browsers that have the worker get one that lets go of its caches and itself.
    assert "const ENABLED = false;" in client.get("/sw.js").content.decode()
