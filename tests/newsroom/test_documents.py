"""Documents never become pages of our origin: active types are refused at upload, every
document is a download with nosniff and a policy that runs nothing, and the raw files
under /media/documents/ are not served. Newsroom roles have no rights over documents
(only administrators upload them)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from ..conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db

# What an attacker with an editor's login uploaded: a script that reads the admin's
# user form with an administrator's session.
ACTIVE = {
    "statement.html": b"<script>fetch('/admin/users/add/')</script>",
    "logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "feed.xml": b'<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    "app.js": b"alert(1)",
}


@pytest.fixture
def administrator(newsroom):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)


def legacy_document(name: str, content: bytes):
    """A document stored before uploads were checked."""
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(content))
    return document


@pytest.mark.parametrize("name", ACTIVE)
def test_an_active_document_is_refused_at_upload(client, administrator, name):
    sign_in(client, administrator)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": ContentFile(ACTIVE[name], name=name), "collection": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    # Django's message, in the admin's language (Ukrainian), naming what is allowed.
    extension = name.rsplit(".", 1)[1]
    assert f"Розширення файлу &#x27;{extension}&#x27; не дозволено" in html
    assert "pdf, txt, csv" in html
    assert not get_document_model().objects.exists()


def test_a_pdf_is_uploaded_and_served_as_a_download_that_runs_nothing(client, administrator):
    sign_in(client, administrator)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Звіт", "file": ContentFile(pdf, name="report.pdf"), "collection": "1"},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    client.logout()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("name", ACTIVE)
def test_an_active_document_stored_before_is_a_download_of_bytes(client, newsroom, name):
    document = legacy_document(name, ACTIVE[name])
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/octet-stream"
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    raw = client.get("/media/" + document.file.name)
    assert raw.status_code == 404


@pytest.mark.parametrize("role", ["reporter", "translator", "editor"])
def test_newsroom_roles_cannot_reach_documents(client, request, role):
    sign_in(client, request.getfixturevalue(role))
    assert client.get(reverse("wagtaildocs:index")).status_code in (302, 403)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "x", "file": ContentFile(b"%PDF-1.4", name="x.pdf"), "collection": "1"},
    )
    assert response.status_code in (302, 403)
    assert not get_document_model().objects.exists()
