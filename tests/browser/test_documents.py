"""An administrator who opens an uploaded HTML or SVG document in Chromium gets a
download, and its script never runs with the administrator's session."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from ..conftest import PASSWORD
from ..newsroom.test_documents import ACTIVE, legacy_document
from .test_newsroom_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("name", ["statement.html", "logo.svg"])
def test_an_administrator_opening_a_document_runs_none_of_its_script(
    page: Page, live_server, newsroom, artifacts, name
):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    document = legacy_document(name, ACTIVE[name])
    base = live_server.url
    seen = {"dialogs": 0, "admin_reads": []}
    page.on("dialog", lambda dialog: (seen.update(dialogs=seen["dialogs"] + 1), dialog.dismiss()))
    page.on(
        "request",
        lambda request: "/admin/users/" in request.url and seen["admin_reads"].append(request.url),
    )
    log_in(page, base, "chief")

    # The link as an editor would send it: a download, not a page.
    page.evaluate(
        "url => { const a = document.createElement('a'); a.href = url; a.id = 'doc';"
        " a.textContent = 'doc'; document.body.append(a); }",
        f"{base}{document.url}",
    )
    with page.expect_download() as download:
        page.evaluate("document.getElementById('doc').click()")
    assert download.value.suggested_filename == name

    # (The raw file under /media/documents/ is a 404 of the site's URLconf, checked in
    # tests/newsroom/test_documents.py: the test server serves media files itself.)
    page.screenshot(path=artifacts / f"document-{name}.png")
    page.wait_for_timeout(300)
    assert seen == {"dialogs": 0, "admin_reads": []}
