"""The e-mail newsletters against a real SMTP server on loopback (aiosmtpd, the `smtp`
fixture): double opt-in, breaking-news alerts, the morning digest, one-click unsubscribe
(RFC 8058), bad input, and an issue that survives a crash without doubles."""

import os
import re
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from shpalta.channels import newsletters
from shpalta.channels.models import Delivery, Mailing, Subscriber
from shpalta.editions.dates import kyiv_time

from ..factories import make_article
from ..servers import ROOT, database_url

pytestmark = pytest.mark.django_db
FORM = {"digest": "on", "breaking": "on"}


@pytest.fixture(autouse=True)
def _at_once(settings):
    settings.PUBLISH_UNDO_SECONDS = 0
    # No digest unless a test asks for one: its time passed more than three hours ago.
    settings.NEWSLETTER_DIGEST_TIME = f"{kyiv_time(timezone.now() - timedelta(hours=4)):%H:%M}"


def confirmed(email: str, edition: str = "en", **lists) -> Subscriber:
    subscriber, _already = newsletters.subscribe(
        email, edition, digest=lists.get("digest", True), breaking=lists.get("breaking", True)
    )
    newsletters.confirm(newsletters.confirmation_token(subscriber))
    subscriber.refresh_from_db()
    return subscriber


def link_in(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/\S+)", message.get_content()).group(1)


def test_double_opt_in_from_the_form_to_the_link(client, smtp, newsroom):
    response = client.post("/eng/newsletter/", {"email": "Reader@Example.org", **FORM})
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert smtp.messages == []  # nothing leaves from the reader's request
    newsletters.send_pending()
    [message] = smtp.to("reader@example.org")
    assert "Confirm your subscription" in message["Subject"]
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None and subscriber.edition == "en"
    newsletters.send_pending()
    assert len(smtp.messages) == 1  # asked once, sent once
    page = client.get(link_in(message))
    assert page.status_code == 200 and "You are subscribed" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None


def test_the_form_is_in_every_footer_and_on_support_us(client, newsroom):
    for path in ("/", "/eng/support/", "/rus/news/"):
        page = client.get(path).content.decode()
        assert 'class="newsletter-form"' in page, path
    support = client.get("/support/").content.decode()
    assert support.count('class="newsletter-form"') == 2
    assert 'name="csrfmiddlewaretoken"' not in support  # the page is kept whole


def test_the_form_speaks_ukrainian_and_keeps_what_was_typed(client, newsroom):
    response = client.post("/newsletter/", {"email": "not an address", **FORM})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="not an address"' in page
    with translation.override("uk"):
        assert translation.gettext("Your e-mail address") in page
    assert "Введіть" in page  # Django's Ukrainian: enter a valid address
    nothing = client.post("/newsletter/", {"email": "a@example.org"})
    assert nothing.status_code == 400
    assert 'value="a@example.org"' in nothing.content.decode()
    assert not Subscriber.objects.exists()


def test_an_address_subscribed_already_is_told_so_and_left_alone(client, smtp, newsroom):
    confirmed("known@example.org", digest=True, breaking=False)
    response = client.post("/eng/newsletter/", {"email": "known@example.org", **FORM})
    assert "subscribed already" in response.content.decode()
    assert not Subscriber.objects.get().breaking
    newsletters.send_pending()
    assert smtp.messages == []


def test_a_flood_of_subscriptions_from_one_address_is_refused(client, settings, newsroom):
    settings.NEWSLETTER_RATE_LIMIT = 2
    for number in range(2):
        client.post("/eng/newsletter/", {"email": f"r{number}@example.org", **FORM})
    response = client.post("/eng/newsletter/", {"email": "r9@example.org", **FORM})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert 'value="r9@example.org"' in response.content.decode()
    assert Subscriber.objects.count() == 2


def test_forged_and_expired_links_are_refused_clearly(client, newsroom):
    subscriber, _already = newsletters.subscribe("x@example.org", "en", digest=True, breaking=True)
    forged = client.get(reverse("reader:newsletter_confirm", args=["1:abc:def"]))
    assert forged.status_code == 400 and "not one of ours" in forged.content.decode()

    class LastWeek(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 8 * 86400)

    old = LastWeek(salt="newsletter-confirm").sign_object([subscriber.pk, subscriber.email])
    with translation.override("en"):
        expired = client.get(reverse("reader:newsletter_confirm", args=[old]))
    assert expired.status_code == 400 and "expired" in expired.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    leave = client.post(reverse("reader:newsletter_unsubscribe", args=["nonsense"]))
    assert leave.status_code == 400
    assert Subscriber.objects.exists()


def test_an_urgent_story_reaches_breaking_news_subscribers(smtp, newsroom):
    confirmed("both@example.org")
    confirmed("digest-only@example.org", breaking=False)
    confirmed("uk@example.org", edition="uk")
    make_article(edition="en", headline="Quiet news")
    article = make_article(
        edition="en", headline="Air raid alert across the country", is_urgent=True
    )
    newsletters.send_pending()
    [alert] = smtp.messages
    assert alert["To"] == "both@example.org"
    assert alert["Subject"] == "Urgent: Air raid alert across the country"
    text = alert.get_body(("plain",)).get_content()
    html = alert.get_body(("html",)).get_content()
    assert article.get_absolute_url() in text and article.get_absolute_url() in html
    leave = alert["List-Unsubscribe"].strip("<>")
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert leave in text and leave in html.replace("&amp;", "&")
    newsletters.send_pending()
    assert len(smtp.messages) == 1
    assert Mailing.objects.get().state == Mailing.State.SENT


def test_an_alert_taken_down_during_the_undo_window_is_not_sent(smtp, settings, newsroom):
    settings.PUBLISH_UNDO_SECONDS = 60
    confirmed("both@example.org")
    article = make_article(edition="en", is_urgent=True)
    article.unpublish()
    newsletters.send_pending()
    assert smtp.messages == []
    assert Mailing.objects.get().state == Mailing.State.CANCELLED


def test_one_click_unsubscribe_forgets_the_address(smtp, newsroom):
    subscriber = confirmed("leaving@example.org")
    make_article(edition="en", is_urgent=True)
    newsletters.send_pending()
    path = smtp.messages[0]["List-Unsubscribe"].strip("<>").removeprefix("http://127.0.0.1:8000")
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(path)
    assert page.status_code == 200 and "leaving@example.org" in page.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # a GET unsubscribes no one
    done = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert not Subscriber.objects.filter(email="leaving@example.org").exists()
    again = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200 and "nothing more" in again.content.decode()


def test_the_morning_digest_goes_once_a_day_to_digest_subscribers(smtp, settings, newsroom):
    settings.NEWSLETTER_DIGEST_TIME = f"{kyiv_time(timezone.now() - timedelta(minutes=1)):%H:%M}"
    confirmed("digest@example.org", edition="uk", breaking=False)
    confirmed("breaking-only@example.org", edition="uk", digest=False)
    make_article(edition="uk", headline="Перша новина дня")
    make_article(edition="uk", headline="Терміновий матеріал", is_urgent=True)
    smtp.messages.clear()
    newsletters.send_pending()
    digest = smtp.to("digest@example.org")
    assert len(digest) == 1
    assert "ранковий дайджест" in digest[0]["Subject"]
    text = digest[0].get_body(("plain",)).get_content()
    assert text.index("Терміновий матеріал") < text.index("Перша новина дня")
    newsletters.send_pending()
    assert len(smtp.to("digest@example.org")) == 1
    assert Mailing.objects.filter(kind=Mailing.Kind.DIGEST, edition="uk").count() == 1


def test_a_refused_address_fails_alone_and_a_down_server_is_tried_again(smtp, newsroom):
    confirmed("gone@example.org")
    confirmed("fine@example.org")
    smtp.refuse.add("gone@example.org")
    make_article(edition="en", is_urgent=True)
    newsletters.send_pending()
    assert [m["To"] for m in smtp.messages] == ["fine@example.org"]
    failed = Delivery.objects.get(subscriber__email="gone@example.org")
    assert failed.state == Delivery.State.FAILED and "550" in failed.last_error


def test_an_unreachable_server_keeps_the_issue_for_the_next_run(smtp, settings, newsroom):
    confirmed("a@example.org")
    confirmed("b@example.org")
    working = settings.MAILERS
    settings.MAILERS = {
        "default": {
            **working["default"],
            "OPTIONS": {**working["default"]["OPTIONS"], "port": smtp.port + 1},
        }
    }
    make_article(edition="en", is_urgent=True)
    newsletters.send_pending()
    assert Delivery.objects.filter(state=Delivery.State.QUEUED).count() == 2
    settings.MAILERS = working
    newsletters.send_pending()
    assert sorted(m["To"] for m in smtp.messages) == ["a@example.org", "b@example.org"]


def test_a_server_that_stops_answering_mid_message_gets_no_double(smtp, newsroom):
    for name in ("a", "b", "c"):
        confirmed(f"{name}@example.org")
    make_article(edition="en", is_urgent=True)
    smtp.stall_after = 1  # takes the first, then never answers the second's message
    newsletters.send_pending()  # gives up after the mailer's timeout (2 s)
    smtp.stall_after = None
    newsletters.send_pending()
    states = dict(Delivery.objects.values_list("subscriber__email", "state"))
    assert states == {"a@example.org": "sent", "b@example.org": "sending", "c@example.org": "sent"}
    assert sorted(m["To"] for m in smtp.messages) == ["a@example.org", "c@example.org"]


@pytest.mark.django_db(transaction=True)
def test_an_issue_interrupted_by_a_crash_goes_on_without_doubles(smtp, newsroom, tmp_path):
    addresses = [f"reader{n:03}@example.org" for n in range(60)]
    Subscriber.objects.bulk_create(
        Subscriber(email=a, edition="en", digest=False, confirmed_at="2026-01-01T00:00Z")
        for a in addresses
    )
    make_article(edition="en", is_urgent=True)
    smtp.stall_after = 55  # the server takes 55, then hangs in the middle of the 56th
    env = {
        **os.environ,
        "SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": database_url(),
        "SHPALTA_VAR_DIR": str(tmp_path / "var"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "60",
        "PUBLISH_UNDO_SECONDS": "0",
        # The scheduler writes no digest meanwhile (the test would otherwise fail at the
        # digest's time of day, its readers getting two issues).
        "NEWSLETTER_DIGEST_TIME": f"{kyiv_time(timezone.now() - timedelta(hours=4)):%H:%M}",
    }
    scheduler = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--once"], cwd=ROOT, env=env
    )
    deadline = time.monotonic() + 60
    while len(smtp.messages) < 55 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    os.kill(scheduler.pid, signal.SIGKILL)  # the crash, in the middle of the 56th
    scheduler.wait()
    smtp.stall_after = None
    newsletters.send_pending()
    received = [m["To"] for m in smtp.messages]
    assert {m["Subject"] for m in smtp.messages} == {Mailing.objects.get().subject}
    assert len(received) == len(set(received))  # no one twice
    doubtful = Delivery.objects.filter(state=Delivery.State.SENDING)
    assert doubtful.count() == 1  # the one in flight at the crash: not sent again
    assert set(received) | {doubtful.get().subscriber.email} == set(addresses)
    assert Mailing.objects.get().state == Mailing.State.SENT


def test_editors_read_export_and_delete_subscribers(client, editor, newsroom):
    from ..conftest import _member, sign_in

    subscriber = confirmed("export-me@example.org")
    sign_in(client, editor)
    listing = client.get(reverse("newsletter_subscribers:index"))
    assert "export-me@example.org" in listing.content.decode()
    csv = client.get(reverse("newsletter_subscribers:index") + "?export=csv")
    assert csv.status_code == 200 and b"export-me@example.org" in b"".join(csv.streaming_content)
    client.post(reverse("newsletter_subscribers:delete", args=[subscriber.pk]))
    assert not Subscriber.objects.exists()
    sign_in(client, _member("reporter", "Reporters"))
    refused = client.get(reverse("newsletter_subscribers:index"), follow=True)
    assert refused.redirect_chain[-1][0] == "/admin/"


def test_older_unconfirmed_links_still_confirm_after_a_second_request(smtp, newsroom):
    subscriber, _already = newsletters.subscribe(
        "twice@example.org", "en", digest=True, breaking=False
    )
    newsletters.send_pending()
    newsletters.subscribe("twice@example.org", "en", digest=True, breaking=True)
    newsletters.send_pending()
    assert len(smtp.to("twice@example.org")) == 2
    newsletters.confirm(newsletters.confirmation_token(subscriber))
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None and subscriber.breaking


def test_the_editor_cancels_a_waiting_alert_from_the_story(
    client, editor, smtp, settings, newsroom
):
    settings.PUBLISH_UNDO_SECONDS = 60
    confirmed("both@example.org")
    article = make_article(edition="en", is_urgent=True, headline="Premature")
    mailing = Mailing.objects.get()
    from ..conftest import sign_in

    sign_in(client, editor)
    edit = client.get(reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk]))
    cancel = reverse("channels_mailing_cancel", args=[mailing.pk])
    assert cancel in edit.content.decode()
    assert client.get(cancel).status_code == 200
    client.post(cancel)
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.CANCELLED
    again = client.post(cancel, follow=True)
    assert "Скасувати вже запізно" in again.content.decode()
    Mailing.objects.update(due_at=mailing.created_at)
    newsletters.send_pending()
    assert smtp.messages == []


def test_a_digest_is_not_written_hours_late(settings, newsroom):
    now = timezone.now()
    settings.NEWSLETTER_DIGEST_TIME = f"{kyiv_time(now - timedelta(hours=4)):%H:%M}"
    newsletters.queue_digests(now)
    assert not Mailing.objects.exists()
    settings.NEWSLETTER_DIGEST_TIME = f"{kyiv_time(now - timedelta(hours=2)):%H:%M}"
    newsletters.queue_digests(now)
    newsletters.queue_digests(now)
    assert Mailing.objects.count() == len(settings.NEWSLETTER_EDITIONS)
