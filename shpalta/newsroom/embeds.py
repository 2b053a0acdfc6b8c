"""Embedded posts and videos, recognised from their URL without asking the network.

The page shows a click-to-load box; nothing is fetched from the provider until the
reader asks for it, so an embed neither tracks readers nor slows the page.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Embed:
    provider: str  # "youtube", "x", "telegram", "instagram", "facebook"
    provider_name: str
    url: str  # the canonical address of the post or video
    ident: str  # the provider's id of it
    frame_url: str  # what the click-to-load frame opens


class UnsupportedEmbedError(ValueError):
    pass


PROVIDER_NAMES = {
    "youtube": "YouTube",
    "x": "X (Twitter)",
    "telegram": "Telegram",
    "instagram": "Instagram",
    "facebook": "Facebook",
}
# Where the click-to-load frames open (frame_url below): the reader pages'
# Content-Security-Policy allows frames from these alone.
FRAME_SOURCES = (
    "https://www.youtube-nocookie.com",
    "https://platform.twitter.com",
    "https://t.me",
    "https://www.instagram.com",
    "https://www.facebook.com",
)
SUPPORTED_MESSAGE = _(
    "Paste the address of a YouTube video, an X (Twitter) post, a Telegram post, "
    "an Instagram post or a Facebook post or video."
)

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_X_STATUS = re.compile(r"^/(?P<user>\w{1,15})/status/(?P<id>\d{1,25})/?$")
_TELEGRAM_POST = re.compile(r"^/(?:s/)?(?P<channel>[A-Za-z0-9_]{5,32})/(?P<id>\d{1,12})/?$")
_INSTAGRAM_POST = re.compile(r"^/(?:[\w.]+/)?(?P<kind>p|reel|tv)/(?P<code>[A-Za-z0-9_-]{5,40})/?$")
_FACEBOOK_POST = re.compile(r"^/[\w.-]+/(?:posts|videos)/[\w.-]+/?$|^/watch/?$|^/reel/\d+/?$")


def parse_embed(url: str) -> Embed:
    """The embed a URL points at; UnsupportedEmbedError if it is not one we show."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise UnsupportedEmbedError(SUPPORTED_MESSAGE)
    host = parts.hostname.lower().removeprefix("www.").removeprefix("m.")
    path = parts.path

    if host in {"youtube.com", "youtu.be", "youtube-nocookie.com"}:
        if host == "youtu.be":
            video = path.strip("/")
        elif path.startswith(("/shorts/", "/embed/", "/live/")):
            video = path.split("/")[2]
        else:
            video = parse_qs(parts.query).get("v", [""])[0]
        if _YOUTUBE_ID.match(video):
            return Embed(
                "youtube",
                PROVIDER_NAMES["youtube"],
                f"https://www.youtube.com/watch?v={video}",
                video,
                f"https://www.youtube-nocookie.com/embed/{video}",
            )
    elif host in {"x.com", "twitter.com"}:
        if match := _X_STATUS.match(path):
            user, post = match["user"], match["id"]
            return Embed(
                "x",
                PROVIDER_NAMES["x"],
                f"https://x.com/{user}/status/{post}",
                post,
                f"https://platform.twitter.com/embed/Tweet.html?id={post}",
            )
    elif host in {"t.me", "telegram.me"}:
        if match := _TELEGRAM_POST.match(path):
            post = f"{match['channel']}/{match['id']}"
            return Embed(
                "telegram",
                PROVIDER_NAMES["telegram"],
                f"https://t.me/{post}",
                post,
                f"https://t.me/{post}?embed=1",
            )
    elif host in {"instagram.com", "instagr.am"}:
        if match := _INSTAGRAM_POST.match(path):
            post = f"{match['kind']}/{match['code']}"
            return Embed(
                "instagram",
                PROVIDER_NAMES["instagram"],
                f"https://www.instagram.com/{post}/",
                match["code"],
                f"https://www.instagram.com/{post}/embed/",
            )
    elif host == "fb.watch" or (host == "facebook.com" and _FACEBOOK_POST.match(path)):
        canonical = f"https://{parts.hostname}{path}" + (f"?{parts.query}" if parts.query else "")
        plugin = "video" if "video" in path or "watch" in path or host == "fb.watch" else "post"
        return Embed(
            "facebook",
            PROVIDER_NAMES["facebook"],
            canonical,
            path.strip("/"),
            f"https://www.facebook.com/plugins/{plugin}.php?href={quote(canonical, safe='')}",
        )
    raise UnsupportedEmbedError(SUPPORTED_MESSAGE)
