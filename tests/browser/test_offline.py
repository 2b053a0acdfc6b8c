"""Offline reading in Chromium: the service worker keeps the front page and the articles
a reader opened, which then open without a network (Playwright's offline mode); a page
never opened gets the offline page in the edition's language; what a signed-in editor
sees is never kept; OFFLINE_READING=0 takes the worker away again."""

import pytest
from playwright.sync_api import Page, expect

from ..factories import make_article
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEPT = """async () => {
  const cache = await caches.open("shpalta-pages");
  return (await cache.keys()).map((request) => new URL(request.url).pathname);
}"""


CONTROLLED = """async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done));
  }
}"""


def controlled(page: Page, url: str) -> None:
    """Open `url` once the worker controls the page (it claims the first one it finds)."""
    page.goto(url)
    page.evaluate(CONTROLLED)


def test_a_read_article_opens_without_a_network(page: Page, live_server, newsroom, artifacts):
    read = make_article(headline="Енергетики відновили живлення", lead="<p>Світло є.</p>")
    unread = make_article(headline="Стаття, якої читач не відкривав")
    controlled(page, f"{live_server.url}/")
    page.goto(f"{live_server.url}{read.get_absolute_url()}")
    page.goto(f"{live_server.url}/")
    assert sorted(page.evaluate(KEPT)) == sorted(["/", read.get_absolute_url()])

    page.context.set_offline(True)
    try:
        page.goto(f"{live_server.url}{read.get_absolute_url()}")
        expect(page.get_by_role("heading", name="Енергетики відновили живлення")).to_be_visible()
        # Styled: the stylesheet came from the worker's cache too.
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
        page.screenshot(path=artifacts / "offline-article.png", full_page=True)
        page.goto(f"{live_server.url}/")
        expect(
            page.get_by_role("link", name="Стаття, якої читач не відкривав").first
        ).to_be_visible()
        response = page.goto(f"{live_server.url}{unread.get_absolute_url()}")
        assert response.status == 503
        expect(page.get_by_role("heading", name="Ви офлайн")).to_be_visible()
        page.goto(f"{live_server.url}/eng/news/2026/01/01/1/")
        expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
    finally:
        page.context.set_offline(False)


def test_the_newest_articles_are_kept_and_an_editor_s_pages_never(
    page: Page, live_server, editor, settings
):
    settings.OFFLINE_ARTICLES = 3
    stories = [make_article(headline=f"Новина {number}") for number in range(5)]
    controlled(page, f"{live_server.url}/")
    page.goto(f"{live_server.url}/")
    for story in stories:
        page.goto(f"{live_server.url}{story.get_absolute_url()}")
    kept = page.evaluate(KEPT)
    assert sorted(kept) == sorted(["/", *(story.get_absolute_url() for story in stories[2:])])

    # A browser that opens the admin is an editor's: what was kept goes, nothing more is
    # kept (the worker cannot see the session cookie), until it signs out of the admin.
    log_in(page, live_server.url, "editor")
    assert page.evaluate(KEPT) == []
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Новина 0").first.click()
    expect(page.get_by_role("heading", name="Новина 0")).to_be_visible()
    assert page.evaluate(KEPT) == []
    page.goto(f"{live_server.url}/admin/")
    with page.expect_navigation():
        page.locator('form[action$="/admin/logout/"]').evaluate("(form) => form.submit()")
    page.goto(f"{live_server.url}/")
    assert page.evaluate(KEPT) == ["/"]


def test_turned_off_the_worker_lets_go(page: Page, live_server, newsroom, settings):
    make_article(headline="Будь-яка новина")
    controlled(page, f"{live_server.url}/")
    page.goto(f"{live_server.url}/")
    assert page.evaluate(KEPT) == ["/"]
    settings.OFFLINE_READING = False
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    page.wait_for_function("navigator.serviceWorker.getRegistration().then((r) => r === undefined)")
    for _ in range(20):
        print("CACHES", page.evaluate("caches.keys()"))
        page.wait_for_timeout(100)
    assert page.evaluate("caches.keys()") == []
