"""The static mirror in Chromium, opened from disk and served by a plain static server on
another address: a reader goes from the front page to a story, its tag, the English
edition and the lite version, and every page shows styled, with its images."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from shpalta.editions.registry import get_edition
from shpalta.newsroom.services import article_translate

from ..factories import make_article, make_image, make_tag
from ..reader.test_mirror import MIRROR, export

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # The export forks its renderers beside the browser's threads; they touch none of
    # what those threads hold.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]


@pytest.fixture
def mirror(newsroom, tmp_path):
    story = make_article(
        headline="Енергетики відновили живлення",
        tags=[make_tag("energy", uk="енергетика", en="energy")],
        main_image=make_image(),
    )
    english = article_translate(article=story, edition=get_edition("en"))
    english.headline = "Power restored in three regions"
    english.save_revision().publish()
    make_article(headline="Ще одна новина дня")
    out = tmp_path / "mirror"
    export(out, "--days", "3")
    return out


def walk(page: Page, front: str, artifacts, name: str):
    page.goto(front)
    expect(page.locator("link[rel=stylesheet]").first).to_be_attached()
    page.get_by_role("link", name="Енергетики відновили живлення").first.click()
    expect(page.get_by_role("heading", name="Енергетики відновили живлення")).to_be_visible()
    # Styled and with its photo: the static files and images came with the pages.
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert page.evaluate("document.querySelector('.main-image img').naturalWidth") > 0
    page.screenshot(path=artifacts / f"mirror-{name}-article.png", full_page=True)
    page.get_by_role("navigation", name="Теги").get_by_role("link", name="енергетика").click()
    expect(page.get_by_role("heading", name="енергетика")).to_be_visible()
    page.go_back()
    page.locator(".edition-switch").get_by_role("link", name="Eng").click()
    expect(page.get_by_role("heading", name="Power restored in three regions")).to_be_visible()
    page.get_by_role("link", name="Lite edition").click()
    expect(page.get_by_role("link", name="Power restored in three regions")).to_be_visible()
    page.screenshot(path=artifacts / f"mirror-{name}-lite.png", full_page=True)


def test_a_reader_walks_the_mirror_from_disk(page: Page, mirror, artifacts):
    walk(page, f"file://{mirror}/index.html", artifacts, "disk")


def test_a_reader_walks_the_mirror_on_another_address(page: Page, mirror, artifacts):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(mirror))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        walk(page, f"http://127.0.0.1:{server.server_port}/", artifacts, "served")
        assert MIRROR not in page.url
    finally:
        server.shutdown()
