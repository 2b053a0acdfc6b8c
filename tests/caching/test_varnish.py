"""A real Varnish (Debian's varnish + varnish-modules) on loopback in front of the real
server: readers' hits are Varnish's, and publishing purges exactly the right pages."""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ..conftest import free_port
from ..factories import make_article, make_tag
from ..servers import Relay

pytestmark = pytest.mark.django_db(transaction=True)
VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "shpalta.vcl"


def start_varnish(tmp_path, backend_port: int, **replace: str):
    """varnishd on a free loopback port with our VCL, its backend on `backend_port` and
    any other text of the VCL replaced (times shortened for a test); its URL and process."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        if os.environ.get("CI"):
            pytest.fail("varnishd is missing: `make test` installs Debian's varnish")
        pytest.skip("varnishd is not installed (apt-get install varnish varnish-modules)")
    text = VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    for old, new in replace.values():
        assert old in text, old
        text = text.replace(old, new)
    vcl = tmp_path / "shpalta.vcl"
    vcl.write_text(text)
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            varnishd,
            "-F",
            "-j",
            "none",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,64m",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("varnishd did not start:\n" + process.stdout.read().decode())
            time.sleep(0.1)
    return f"http://127.0.0.1:{port}", process


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    url, process = start_varnish(tmp_path, int(live_server.url.rsplit(":", 1)[1]))
    settings.VARNISH_URLS = [url]
    yield url
    process.terminate()
    process.wait(timeout=10)


def get(url: str, **headers) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310  (loopback)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_readers_are_served_by_varnish(varnish, newsroom):
    article = make_article(edition="en", headline="Served from the edge")
    url = varnish + article.get_absolute_url()
    status, first, _ = get(url)
    assert status == 200 and first["X-Varnish-Cache"] == "MISS"
    status, second, body = get(url)
    assert second["X-Varnish-Cache"] == "HIT"
    assert len(second["X-Varnish"].split()) == 2  # Varnish's own mark of a hit
    assert "Served from the edge" in body
    assert "xkey" not in second and "Surrogate-Key" not in second  # for caches, not readers
    # Tracking parameters and cookies a reader's browser sends share the entry.
    assert get(url + "?utm_source=x&fbclid=1", Cookie="_ga=1")[1]["X-Varnish-Cache"] == "HIT"


def test_the_newsroom_goes_past_varnish(varnish, newsroom):
    article = make_article(edition="en")
    url = varnish + article.get_absolute_url()
    for _ in range(2):
        _, headers, _ = get(url, Cookie="sessionid=whatever")
        assert headers["X-Varnish-Cache"] == "MISS"


def test_publishing_purges_exactly_the_pages_that_show_the_story(varnish, newsroom):
    drones = make_tag("drones")
    story = make_article(edition="en", headline="First version", tags=[drones])
    unrelated = make_article(edition="uk", headline="Інша новина")
    shows_it = [story.get_absolute_url(), "/eng/", "/eng/tags/drones/", "/eng/rss/"]
    elsewhere = [unrelated.get_absolute_url(), "/", "/rss/"]
    for path in [*shows_it, *elsewhere]:
        get(varnish + path)
        assert get(varnish + path)[1]["X-Varnish-Cache"] == "HIT", path

    story.headline = "Second version"
    story.save_revision().publish()

    for path in shows_it:
        _status, headers, body = get(varnish + path)
        assert "Second version" in body, path
        assert headers["X-Varnish-Cache"] == "MISS", path
    for path in elsewhere:
        assert get(varnish + path)[1]["X-Varnish-Cache"] == "HIT", path


def test_a_panic_takedown_of_fifty_articles_is_gone_through_varnish(varnish, newsroom, client):
    """The duty editor's action in the admin, then every page that showed one of 50
    articles of three editions, read through Varnish and the origin's page cache."""
    from shpalta.newsroom.models import Takedown

    from ..conftest import _member, sign_in

    stories = [
        make_article(edition=("uk", "ru", "en")[n % 3], headline=f"Mistake {n:02d}")
        for n in range(50)
    ]
    pages = [story.get_absolute_url() for story in stories]
    lists = ["/", "/rus/", "/eng/", "/rss/", "/rus/rss/", "/eng/atom/", "/eng/sitemaps/news.xml"]
    for path in [*pages, *lists]:
        get(varnish + path)
        assert get(varnish + path)[1]["X-Varnish-Cache"] == "HIT", path

    sign_in(client, _member("duty", "Duty editors"))
    numbers = "\n".join(story.get_absolute_url() for story in stories)
    started = time.monotonic()
    response = client.post(
        "/admin/takedown/",
        {
            "addresses": numbers,
            "reason": "Hacked account",
            "confirm": "1",
            "article": [str(story.pk) for story in stories],
        },
    )
    assert response.status_code == 302
    gone = {}
    while len(gone) < len(pages) and time.monotonic() - started < 60:
        for path in pages:
            if path not in gone and get(varnish + path)[0] == 404:
                gone[path] = time.monotonic() - started
    assert len(gone) == 50, "not gone within 60 s: " + ", ".join(set(pages) - set(gone))
    for path in lists:
        body = get(varnish + path)[2]
        assert "Mistake " not in body, path
    assert len(Takedown.objects.get().articles) == 50
    print(f"50 articles gone through Varnish {max(gone.values()):.2f} s after the action")


def test_varnish_serves_what_it_held_while_the_origin_is_down(
    live_server, tmp_path, settings, newsroom
):
    """With the origin unreachable, a page Varnish held is served stale up to the
    origin's stale-if-error, long past its stale-while-revalidate; a page it never held
    is a 503 with Retry-After; the origin back, pages are fresh again. (Times shortened:
    a second for the TTL and for stale-while-revalidate.)"""
    settings.PAGE_CACHE_SECONDS = 1
    settings.STALE_WHILE_REVALIDATE_SECONDS = 1
    settings.STALE_IF_ERROR_SECONDS = 120
    relay = Relay(int(live_server.url.rsplit(":", 1)[1]))
    url, process = start_varnish(
        tmp_path, relay.port, grace=("set req.grace = 30s;", "set req.grace = 1s;")
    )
    try:
        held = make_article(edition="en", headline="Held at the edge")
        never = make_article(edition="en", headline="Never asked for")
        status, headers, _ = get(url + held.get_absolute_url())
        assert status == 200 and "stale-if-error=120" in headers["Cache-Control"]
        time.sleep(3)  # past its TTL and its stale-while-revalidate
        relay.stop()
        status, headers, body = get(url + held.get_absolute_url())
        assert status == 200 and "Held at the edge" in body
        assert headers["X-Varnish-Cache"] == "STALE" and int(headers["Age"]) >= 3, headers
        status, headers, body = get(url + never.get_absolute_url())
        assert status == 503 and headers["Retry-After"] == "30"
        assert "Сайт тимчасово недоступний" in body and "temporarily unavailable" in body
        relay.start()
        deadline = time.monotonic() + 10
        while get(url + never.get_absolute_url())[0] != 200:
            assert time.monotonic() < deadline, "Varnish did not recover within 10 s"
            time.sleep(0.5)
    finally:
        relay.stop()
        process.terminate()
        process.wait(timeout=10)
