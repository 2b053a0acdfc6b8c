"""Edge purges after a publishing event: Cloudflare's purge-by-tag API as a small real
HTTP server on loopback sees what Cloudflare would be sent; one it refuses waits in the
outbox (the purge log) for the scheduler."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from shpalta.caching import purge
from shpalta.caching.models import PurgeRecord

from ..factories import make_article, make_tag

pytestmark = pytest.mark.django_db(transaction=True)


class CloudflareAPI:
    """What Cloudflare's API was sent (`calls`), and whether it is down (answers 503)."""

    def __init__(self):
        self.calls: list[dict] = []
        self.down = False
        self.asked = 0  # requests, answered or not


@pytest.fixture
def cloudflare(settings):
    api = CloudflareAPI()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            api.asked += 1
            if not api.down:
                api.calls.append({"path": self.path, "auth": self.headers["Authorization"], **body})
            payload = json.dumps({"success": not api.down}).encode()
            self.send_response(503 if api.down else 200)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.CLOUDFLARE_ZONE_ID = "zone-42"
    settings.CLOUDFLARE_API_TOKEN = "token-1"
    settings.CLOUDFLARE_API_URL = f"http://127.0.0.1:{server.server_port}/client/v4"
    yield api
    server.shutdown()


def test_publishing_purges_cloudflare_by_cache_tag_after_the_commit(cloudflare, newsroom):
    tags = [make_tag(f"t{n}") for n in range(40)]  # more keys than one call may carry
    cloudflare.calls.clear()
    article = make_article(edition="en", tags=tags)
    assert cloudflare.calls, "no purge reached the API"
    assert {call["path"] for call in cloudflare.calls} == {"/client/v4/zones/zone-42/purge_cache"}
    assert {call["auth"] for call in cloudflare.calls} == {"Bearer token-1"}
    assert all(len(call["tags"]) <= 30 for call in cloudflare.calls)
    purged = {tag for call in cloudflare.calls for tag in call["tags"]}
    assert {f"a{article.pk}", "stream-en", "front-en", f"tag-en-{tags[0].pk}"} <= purged
    assert {f"tag-en-{tag.pk}" for tag in tags} <= purged


def test_a_purge_the_edge_did_not_take_is_sent_again_by_the_scheduler(cloudflare, newsroom):
    """A story taken down while the CDN's API is down leaves the edge when the API comes
    back, not when its copy expires: the purge waits in the outbox (the purge log)."""
    article = make_article(edition="en")
    assert not PurgeRecord.objects.filter(edges_due__isnull=False).exists()  # all taken
    cloudflare.down = True
    article.unpublish()
    waiting = PurgeRecord.objects.filter(edges_due__isnull=False)
    assert waiting.count() >= 1
    assert all(record.edge_attempts == 1 for record in waiting)
    assert any(f"a{article.pk}" in record.keys.split() for record in waiting)
    # While the edge is known to fail, a new Publish does not wait for it: its purge goes
    # to the outbox alone.
    asked = cloudflare.asked
    other = make_article(edition="en")
    assert cloudflare.asked == asked
    assert PurgeRecord.objects.filter(edges_due__isnull=False, keys__contains=f"a{other.pk}")
    # The API is back; the scheduler sends what is due, once, all together.
    cloudflare.down = False
    assert purge.send_due_edge_purges() == 0  # not due yet: it waits after a failure
    waiting.update(edges_due=timezone.now())
    call_command("run_scheduler", "--once")
    purged = {tag for call in cloudflare.calls for tag in call["tags"]}
    assert {f"a{article.pk}", f"a{other.pk}"} <= purged
    assert not PurgeRecord.objects.filter(edges_due__isnull=False).exists()
    cloudflare.calls.clear()
    assert purge.send_due_edge_purges() == 0
    assert not cloudflare.calls


def test_the_outbox_waits_longer_after_each_failure_and_gives_up_after_a_day(
    cloudflare, newsroom, caplog
):
    cloudflare.down = True
    now = timezone.now()
    record = PurgeRecord.objects.create(keys="a1 stream-en", edges_due=now)
    waits = []
    for _ in range(5):
        assert purge.send_due_edge_purges() == 1
        record.refresh_from_db()
        waits.append(round((record.edges_due - timezone.now()).total_seconds()))
        PurgeRecord.objects.filter(pk=record.pk).update(edges_due=timezone.now())
    assert waits == [5, 15, 60, 300, 300]
    assert record.edge_attempts == 5
    PurgeRecord.objects.filter(pk=record.pk).update(at=now - purge.EDGE_GIVE_UP)
    assert purge.send_due_edge_purges() == 1
    record.refresh_from_db()
    assert record.edges_due is None
    assert "Edge purge given up after 6 attempts" in caplog.text


def test_without_edge_caches_nothing_waits(newsroom, settings):
    settings.VARNISH_URLS, settings.CLOUDFLARE_ZONE_ID = [], ""
    make_article(edition="en")
    assert PurgeRecord.objects.exists()
    assert not PurgeRecord.objects.filter(edges_due__isnull=False).exists()
