"""Fixtures shared by the whole suite: a newsroom with roles, people, and the browser."""

import os
import socket
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP

from shpalta.accounts.twofactor import give_authenticator
from shpalta.newsroom.services import ensure_newsroom_roles

# Playwright's sync API runs an event loop in the test's thread; Django refuses database
# access from a thread with a running loop unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True, scope="session")
def _static_files_from_the_apps():
    """Serve static files from the apps, unhashed: tests must not depend on whatever an
    earlier `collectstatic` left in STATIC_ROOT (the manifest would name hashed files
    that the test server's static handler cannot find)."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _page_cache_of_its_own(settings, tmp_path):
    """Each test has an empty page cache: an SQLite file of its own, or Redis emptied,
    and nothing kept in the process from an earlier test's rows."""
    settings.PAGE_CACHE_PATH = tmp_path / "page-cache.sqlite3"
    from shpalta.caching.local import forget_all
    from shpalta.caching.pages import store
    from shpalta.caching.store import CircuitBreaker

    CircuitBreaker.reset_all()  # an outage an earlier test made
    store().clear()
    forget_all()  # names and ad slots kept in this process from an earlier test


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: database ids repeat after a rollback, and
    an entry kept from an earlier test (a Wagtail rendition, an API allowance, the
    sitemap index) would describe rows and files that are gone."""
    cache.clear()


@pytest.fixture
def newsroom(db):
    """Locales, the Reporters/Translators/Editors groups and the approval workflow."""
    return ensure_newsroom_roles()


def _member(username: str, group: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, user) -> None:
    """Signed in and past the second step, as django_otp.login() leaves a session after a
    right code (tests/accounts type the codes themselves)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = give_authenticator(user=user).persistent_id
    session.save()


def password_sign_in(client, username: str, password: str = PASSWORD, address: str = "127.0.0.1"):
    """The first step of signing in, posted to the admin's sign-in form from an address."""
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def current_code(user) -> str:
    """What the user's authenticator app shows now."""
    device = give_authenticator(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.fixture
def reporter(newsroom):
    return _member("reporter", "Reporters")


@pytest.fixture
def editor(newsroom):
    return _member("editor", "Editors")


@pytest.fixture
def translator(newsroom):
    return _member("translator", "Translators")


@pytest.fixture
def filing(newsroom):
    """What every article is filed under: a section, an author, a tag."""
    from .factories import make_author, make_section, make_tag

    return {"section": make_section(), "author": make_author(), "tag": make_tag("nato")}


def free_port() -> int:
    """A port nothing listens on, for a server a test starts on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",  # the suite runs as root on CI
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def bot(settings):
    """A Telegram Bot API on loopback (tests/channels/bot_api.py), and the Ukrainian and
    English editions set to post to it at once (no undo window), a call timing out after
    a second."""
    from .channels.bot_api import EN, TOKEN, UK, BotAPI

    api = BotAPI()
    settings.TELEGRAM_BOT_TOKEN = TOKEN
    settings.TELEGRAM_CHANNELS = f"uk={UK}, en={EN}"
    settings.TELEGRAM_API_URL = api.url
    settings.PUBLISH_UNDO_SECONDS = 0
    settings.TELEGRAM_TIMEOUT = 1
    yield api
    api.stop()


class Inbox:
    """What a real SMTP server (aiosmtpd) on loopback received: each message parsed, and
    the addresses it is told to refuse (550) or to stall on."""

    def __init__(self):
        self.messages: list = []
        self.refuse: set[str] = set()
        self.stall_after: int | None = None  # accept this many messages, then hang

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import asyncio
        import email
        import email.policy

        if self.stall_after is not None and len(self.messages) >= self.stall_after:
            await asyncio.sleep(3600)
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"

    def to(self, address: str) -> list:
        return [message for message in self.messages if message["To"] == address]


@pytest.fixture
def smtp(settings):
    """An SMTP server on loopback, the site's mailer pointed at it."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": controller.port,
                "use_tls": False,
                "timeout": 2,
            },
        }
    }
    inbox.port = controller.port
    yield inbox
    controller.stop()
