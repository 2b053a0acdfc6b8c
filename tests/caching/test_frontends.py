"""Edge purges after a publishing event: Cloudflare's purge-by-tag API as a small real
HTTP server on loopback sees what Cloudflare would be sent."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ..factories import make_article, make_tag

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cloudflare(settings):
    calls = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            calls.append({"path": self.path, "auth": self.headers["Authorization"], **body})
            payload = json.dumps({"success": True}).encode()
            self.send_response(200)
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
    yield calls
    server.shutdown()


def test_publishing_purges_cloudflare_by_cache_tag_after_the_commit(cloudflare, newsroom):
    tags = [make_tag(f"t{n}") for n in range(40)]  # more keys than one call may carry
    cloudflare.clear()
    article = make_article(edition="en", tags=tags)
    assert cloudflare, "no purge reached the API"
    assert {call["path"] for call in cloudflare} == {"/client/v4/zones/zone-42/purge_cache"}
    assert {call["auth"] for call in cloudflare} == {"Bearer token-1"}
    assert all(len(call["tags"]) <= 30 for call in cloudflare)
    purged = {tag for call in cloudflare for tag in call["tags"]}
    assert {f"a{article.pk}", "stream-en", "front-en", f"tag-en-{tags[0].pk}"} <= purged
    assert {f"tag-en-{tag.pk}" for tag in tags} <= purged
