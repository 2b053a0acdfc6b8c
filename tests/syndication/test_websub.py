"""WebSub: publishing announces the affected feeds to a real (small) HTTP hub, from the
scheduler, not from the editor's request."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.core.management import call_command
from django.utils import timezone

from shpalta.syndication.models import HubNotice

from ..factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


class Hub:
    """A WebSub hub on loopback that records publish pings and answers 204."""

    def __init__(self, status: int = 204):
        self.pings: list[dict] = []
        self.status = status
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                hub.pings.append(parse_qs(self.rfile.read(length).decode()))
                self.send_response(hub.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def announced(self) -> set[str]:
        assert all(ping["hub.mode"] == ["publish"] for ping in self.pings)
        return {url for ping in self.pings for url in ping["hub.url"]}


@pytest.fixture
def hub(settings):
    hub = Hub()
    settings.WEBSUB_HUB_URL = hub.url
    yield hub
    hub.server.shutdown()


def run_scheduler_once():
    call_command("run_scheduler", "--once")


def test_publishing_announces_every_feed_of_the_article(hub, newsroom):
    make_article(
        edition="en",
        is_urgent=True,
        section=make_section("war"),
        tags=[make_tag("drones")],
        authors=[make_author("olena-marchuk")],
    )
    assert hub.pings == []  # nothing is sent from the publishing request itself
    run_scheduler_once()
    expected = {
        f"{SITE}/eng/{route}{fmt}/"
        for route in (
            "",
            "partner/",
            "urgent/",
            "sections/war/",
            "tags/drones/",
            "authors/olena-marchuk/",
        )
        for fmt in ("rss", "atom")
    }
    assert hub.announced() == expected
    assert not HubNotice.objects.exists()


def test_editing_and_unpublishing_announce_again(hub, newsroom):
    article = make_article(edition="en", section=make_section("war"))
    run_scheduler_once()
    hub.pings.clear()
    article.headline = "Corrected headline"
    article.save_revision().publish()
    run_scheduler_once()
    assert f"{SITE}/eng/rss/" in hub.announced()
    hub.pings.clear()
    article.unpublish()
    run_scheduler_once()
    assert f"{SITE}/eng/sections/war/atom/" in hub.announced()


def test_an_edit_that_drops_a_tag_announces_that_tag_feed_too(hub, newsroom):
    article = make_article(edition="en", tags=[make_tag("drones")])
    run_scheduler_once()
    hub.pings.clear()
    article.tag_links = []
    article.save_revision().publish()
    run_scheduler_once()
    assert f"{SITE}/eng/tags/drones/rss/" in hub.announced()


def test_drafts_announce_nothing(hub, newsroom):
    make_article(edition="en", publish=False)
    run_scheduler_once()
    assert hub.pings == []


def test_a_failing_hub_keeps_the_notice_for_later(hub, newsroom):
    hub.status = 503
    make_article(edition="en")
    run_scheduler_once()
    assert len(hub.pings) == 1  # the first refusal stops the run
    waiting = HubNotice.objects.order_by("id").first()
    assert waiting.attempts == 1
    assert waiting.next_attempt_at > timezone.now()
    assert "503" in waiting.last_error
    hub.status = 204
    HubNotice.objects.update(next_attempt_at=timezone.now())
    run_scheduler_once()
    assert not HubNotice.objects.exists()


def test_without_a_hub_nothing_is_queued(settings, newsroom):
    settings.WEBSUB_HUB_URL = ""
    make_article(edition="en")
    assert not HubNotice.objects.exists()
