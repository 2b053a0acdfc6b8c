"""Misses cannot starve hits (caching.misses): past the renders a process allows at once,
a reader's miss gets the page's stale copy or the edition's 503 with Retry-After at once;
today's pages are never refused; requests for a page being rendered wait for
that render. In-process through the production WSGI application, whose gates the tests
hold themselves, and with the real server under concurrent requests."""

import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from email.message import Message
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone

from shpalta.caching.pages import page_key
from shpalta.caching.wsgi import PageCacheApplication
from shpalta.wsgi import django_application

from ..factories import make_article
from ..servers import granian

pytestmark = pytest.mark.django_db(transaction=True)

LONG_AGO = timedelta(days=800)


@pytest.fixture
def gated(settings):
    """The production application with one render at a time and no queue."""
    settings.PAGE_MISS_CONCURRENCY = 1
    settings.PAGE_MISS_QUEUE = 0
    settings.PAGE_MISS_WAIT_SECONDS = 0.05
    return PageCacheApplication(django_application)


def environ_for(url: str, **extra) -> dict:
    path, _, query = url.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET", **extra}
    setup_testing_defaults(environ)
    return environ


def ask(app, url: str, **extra) -> tuple[int, dict, bytes]:
    """One request through `app`, keeping the test's database connection open (as
    Django's test client does)."""
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered.update(status=int(status.split()[0]), headers=dict(headers))

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        body = b"".join(app(environ_for(url, **extra), start_response))
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    return answered["status"], answered["headers"], body


def test_a_miss_past_the_limit_is_answered_stale_or_503_at_once(
    newsroom, gated, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 1
    archived = make_article(headline="Архівна стаття", published_at=timezone.now() - LONG_AGO)
    kept = make_article(
        edition="en", headline="Read an hour ago", published_at=timezone.now() - LONG_AGO
    )
    today = make_article(edition="ru", headline="Сегодняшняя новость")
    assert ask(gated, kept.get_absolute_url())[1]["X-Cache"] == "MISS"
    time.sleep(1.2)  # kept past its freshness: a stale copy, no longer a hit

    with gated.gate.entered() as admitted:  # a crawler's render under way
        assert admitted
        status, headers, body = ask(gated, archived.get_absolute_url())
        assert status == 503 and headers["Retry-After"] == "10"
        assert headers["Cache-Control"] == "no-store" and headers["Content-Language"] == "uk"
        assert "Тимчасово недоступно" in body.decode()
        with django_assert_num_queries(0):  # the 503 page is kept: refusing is cheap
            again = ask(gated, archived.get_absolute_url(), HTTP_ACCEPT_ENCODING="br")
        assert again[0] == 503 and again[2] == body
        assert ask(gated, archived.get_absolute_url(), REQUEST_METHOD="HEAD")[2] == b""

        status, headers, body = ask(gated, kept.get_absolute_url())
        assert status == 200 and headers["X-Cache"] == "STALE"
        assert headers["Warning"] == '110 - "Response is Stale"'
        assert "Read an hour ago" in body.decode()

        api = ask(gated, f"/api/v1/articles/uk/{archived.story_number}/")
        assert api[0] == 503 and b'"unavailable"' in api[2]

        # Today's news is rendered beside the crawler, never refused; so is the
        # newsroom's sign-in page.
        status, headers, body = ask(gated, today.get_absolute_url())
        assert status == 200 and "Сегодняшняя новость" in body.decode()
        assert ask(gated, "/admin/login/")[0] == 200

    status, headers, body = ask(gated, archived.get_absolute_url())
    assert status == 200 and "Архівна стаття" in body.decode()
    assert gated.gate.refused == 5


def test_a_wait_in_the_queue_ends_with_the_render_or_the_refusal(newsroom, settings):
    settings.PAGE_MISS_CONCURRENCY = 1
    settings.PAGE_MISS_QUEUE = 1
    settings.PAGE_MISS_WAIT_SECONDS = 5
    app = PageCacheApplication(django_application)
    archived = make_article(headline="Чекала своєї черги", published_at=timezone.now() - LONG_AGO)
    other = make_article(headline="Друга з архіву", published_at=timezone.now() - LONG_AGO)
    answers = {}
    holding = app.gate.entered()
    assert holding.__enter__()
    waiting = threading.Thread(
        target=lambda: answers.update(queued=ask(app, archived.get_absolute_url()))
    )
    waiting.start()
    time.sleep(0.3)
    assert waiting.is_alive()  # in the queue, not refused
    # The queue is full: the next one is refused at once.
    started = time.monotonic()
    assert ask(app, other.get_absolute_url())[0] == 503
    assert time.monotonic() - started < 2
    holding.__exit__(None, None, None)
    waiting.join(timeout=30)
    status, _, body = answers["queued"]
    assert status == 200 and "Чекала своєї черги" in body.decode()


def test_no_miss_waits_while_misses_are_being_refused(newsroom, settings):
    """Under a flood the queue stays empty: a waiter would hold a thread hits need."""
    settings.PAGE_MISS_CONCURRENCY = 1
    settings.PAGE_MISS_QUEUE = 1
    settings.PAGE_MISS_WAIT_SECONDS = 0.5
    app = PageCacheApplication(django_application)
    first = make_article(headline="Перша з архіву", published_at=timezone.now() - LONG_AGO)
    second = make_article(headline="Друга з архіву", published_at=timezone.now() - LONG_AGO)
    with app.gate.entered() as admitted:
        assert admitted
        started = time.monotonic()
        assert ask(app, first.get_absolute_url())[0] == 503  # waited its 0.5 s in vain
        assert time.monotonic() - started >= 0.5
        started = time.monotonic()
        assert ask(app, second.get_absolute_url())[0] == 503  # refused without waiting
        assert time.monotonic() - started < 0.4
    time.sleep(app.gate.PRESSED_SECONDS)
    with app.gate.entered() as admitted:  # eased: a miss may wait again
        waiter = threading.Thread(target=lambda: ask(app, second.get_absolute_url()))
        waiter.start()
        time.sleep(0.2)
        assert waiter.is_alive()
    waiter.join(timeout=30)


def test_readers_of_a_page_being_rendered_wait_for_that_render(newsroom, settings, client):
    settings.PAGE_MISS_WAIT_SECONDS = 10
    app = PageCacheApplication(django_application)
    article = make_article(edition="en", headline="Everyone at once")
    url = article.get_absolute_url()
    answers = {}
    with app.in_flight.render(page_key(environ_for(url))) as under_way:
        assert under_way is None  # this test is the render under way
        reader = threading.Thread(target=lambda: answers.update(reader=ask(app, url)))
        reader.start()
        time.sleep(0.3)
        assert reader.is_alive()  # waiting for the render, not rendering it again
        assert client.get(url)["X-Cache"] == "MISS"  # the render, kept
    reader.join(timeout=30)
    status, headers, body = answers["reader"]
    assert status == 200 and headers["X-Cache"] == "HIT"
    assert b"Everyone at once" in body


def fetch(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310  (loopback)
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_flood_of_archive_addresses_leaves_kept_pages_answering(newsroom, tmp_path):
    """The real server, one worker, one archive render at a time: 48 distinct archive
    articles asked 16 at a time beside readers of a kept page. Some misses are refused
    with 503 and Retry-After; nothing answers 500; every kept page answers 200."""
    archive = [
        make_article(
            edition="en", headline=f"Archive story {n}", published_at=timezone.now() - LONG_AGO
        )
        for n in range(48)
    ]
    front = make_article(edition="en", headline="Today on the front page")
    env = {"PAGE_MISS_CONCURRENCY": "1", "PAGE_MISS_QUEUE": "0"}
    with granian(tmp_path, workers=1, **env) as base:
        kept_url = base + front.get_absolute_url()
        for url in (kept_url, base + "/eng/"):
            assert fetch(url)[0] == 200
            assert fetch(url)[1]["X-Cache"] == "HIT"
        urls = [base + article.get_absolute_url() for article in archive]
        urls += [kept_url, base + "/eng/"] * 24
        with ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(fetch, urls))
    archive_answers, reader_answers = answers[:48], answers[48:]
    assert all(status == 200 for status, _, _ in reader_answers)
    refused = [(h, b) for status, h, b in archive_answers if status == 503]
    served = [b for status, _, b in archive_answers if status == 200]
    assert len(refused) + len(served) == 48
    assert refused, "no miss was refused: the gate let every render through"
    assert all(h["Retry-After"] == "10" for h, _ in refused)
    assert all(b"Temporarily unavailable" in b for _, b in refused)
