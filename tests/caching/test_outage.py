"""The database unreachable (a real failed connection: the address of a database that is
not there) under the full middleware stack: readers get kept pages stale, or the
edition's 503; the API a JSON 503; pages come back when the database does."""

import json
import re
import time
import urllib.error
import urllib.request
from email.message import Message

import pytest
from django.db import connection

from shpalta.caching.local import forget_all

from ..conftest import free_port
from ..factories import make_article
from ..servers import Relay, database_url, granian

pytestmark = pytest.mark.django_db(transaction=True)


def unreachable() -> dict:
    """Point the connection at a database that cannot be reached; returns what to put back."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent/shpalta/db.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    return saved


def test_readers_get_kept_pages_while_the_database_is_down(client, newsroom, settings):
    from shpalta.caching.store import CircuitBreaker

    settings.PAGE_CACHE_SECONDS = 1
    seen = make_article(edition="en", headline="Read before the outage")
    unseen = make_article(edition="ru", headline="Никто не открывал")
    seen_url, unseen_url = seen.get_absolute_url(), unseen.get_absolute_url()
    assert client.get(seen_url)["X-Cache"] == "MISS"
    time.sleep(1.2)  # past its freshness: a plain hit no longer
    saved = unreachable()
    # A process that has not read the ad slots yet (whose hosts the policy names).
    forget_all()
    try:
        stale = client.get(seen_url)
        assert stale.status_code == 200 and stale["X-Cache"] == "STALE"
        assert stale["Warning"] == '110 - "Response is Stale"' and int(stale["Age"]) >= 1
        assert "Read before the outage" in stale.content.decode()
        gone = client.get(unseen_url)
        assert gone.status_code == 503 and gone["Retry-After"] == "30"
        assert "Временно недоступно" in gone.content.decode()
        api = client.get("/api/v1/articles/", {"edition": "uk", "limit": "3"})
        assert api.status_code == 503 and api.json()["error"] == "unavailable"
        # Asked again at once: answered without waiting for the database.
        assert client.get(seen_url)["X-Cache"] == "STALE"
    finally:
        connection.close()
        connection.settings_dict.update(saved)
    CircuitBreaker.reset_all()  # or wait for it: a second
    fresh = client.get(unseen_url)
    assert fresh.status_code == 200 and fresh["X-Cache"] == "MISS"


def test_a_purged_page_is_not_served_stale(client, newsroom, settings):
    """Unpublishing purges the kept copy too: an outage must not bring it back."""
    settings.PAGE_CACHE_SECONDS = 1
    article = make_article(edition="en", headline="Taken down")
    url = article.get_absolute_url()
    client.get(url)
    article.unpublish()
    time.sleep(1.2)
    saved = unreachable()
    try:
        assert client.get(url).status_code == 503
    finally:
        connection.close()
        connection.settings_dict.update(saved)


def get(url: str, **headers) -> tuple[int, Message, str, float]:
    """Status, headers, body and seconds of a request to a real server."""
    started = time.monotonic()
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 (loopback)
            answered = response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        answered = error.code, error.headers, error.read().decode()
    return (*answered, time.monotonic() - started)


def test_the_real_server_rides_out_a_database_outage(tmp_path, newsroom):
    """granian's two processes on PostgreSQL through a relay that the test stops: every
    connection the server had is cut and new ones are refused, as when the database's
    host or its link goes. (On SQLite the database is a file inside the server's own
    processes: there is no connection to lose, and nothing to cut.)"""
    if connection.vendor != "postgresql":
        pytest.skip("only a database over the network can become unreachable")
    relay = Relay(int(connection.settings_dict["PORT"] or 5432))
    seen = make_article(edition="en", headline="Read before the outage")
    unseen = make_article(edition="ru", headline="Никто не открывал")
    env = {"DATABASE_URL": database_url("127.0.0.1", relay.port), "PAGE_CACHE_SECONDS": "1"}
    with granian(tmp_path, **env) as server:
        assert get(server + seen.get_absolute_url())[1]["X-Cache"] == "MISS"
        time.sleep(1.2)  # past its freshness
        relay.stop()
        try:
            for _ in range(3):  # the first notices, the next are not kept waiting
                status, headers, stale, seconds = get(server + seen.get_absolute_url())
                assert (status, headers["X-Cache"]) == (200, "STALE")
                assert "Read before the outage" in stale and seconds < 3.5
                status, headers, body, seconds = get(server + unseen.get_absolute_url())
                assert status == 503 and headers["Retry-After"] == "30" and seconds < 3.5
                assert "Временно недоступно" in body
                status, headers, body, _ = get(server + "/api/v1/articles/?edition=uk")
                assert status == 503 and json.loads(body)["error"] == "unavailable"
                # The kept page's stylesheet needs no database: served on.
                sheet = re.search(r'href="(/static/[^"]+\.css)"', stale).group(1)
                assert get(server + sheet)[0] == 200
        finally:
            relay.start()
        back = time.monotonic()
        while get(server + unseen.get_absolute_url())[0] != 200:
            assert time.monotonic() - back < 10, "not back 10 s after the database"
            time.sleep(0.2)
