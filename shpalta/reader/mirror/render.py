"""The mirror's renderer: a page rendered by the site itself, its links made the
mirror's (relative to its file where they stay in it), its file written if it changed."""

import html
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

from shpalta.caching.wsgi import answered_by

from .scope import MirrorError, Scope, file_of, normal, split

# The middleware a reader page's body and keys come from: the rest (sessions, sign-in,
# CSRF, security headers, the policy) shapes answers to people, not the mirror's files.
PAGE_MIDDLEWARE = (
    "shpalta.caching.middleware.PageCacheMiddleware",
    "shpalta.editions.middleware.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
)
LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)(")')
_FORM = re.compile(r"<form\b.*?</form>", re.DOTALL | re.IGNORECASE)


class Renderer:
    """Renders pages of the mirror and writes their files (in each worker process)."""

    def __init__(self, out: Path, base_url: str, origin: str, scope: Scope):
        self.out, self.base_url, self.origin, self.scope = out, base_url, origin, scope
        self.handler = WSGIHandler()
        self._on_base = addresses_on(base_url)
        # What each link becomes, kept for the run (a page's links are mostly those of
        # every other page: the chrome, the columns): by root-relative link and the
        # page's depth, and by address written out whole. (kind, replacement, target).
        self._local: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._whole: dict[str, tuple[str, str, str]] = {}
        self.host = urlsplit(origin).netloc or "localhost"

    def render(self, url: str) -> dict:
        """A page: rendered, its links made the mirror's, written if it changed."""
        status, headers, body = self._get(url)
        name = file_of(*split(url))
        target = self.out / name
        if status != 200:
            existed = target.exists()
            if existed:
                target.unlink()
            return {"url": url, "status": status, "deleted": existed}
        content_type = headers.get("Content-Type", "")
        assets: set[str] = set()
        links: set[str] = set()
        # Addresses written out whole (the head's links, structured data, feeds) first,
        # then a page's own links (root-relative and relative) to its files.
        text = self._absolute(body.decode(), links, assets)
        if content_type.startswith("text/html"):
            text = self._html(url, name, text, links, assets)
        data = text.encode()
        changed = not target.exists() or target.read_bytes() != data
        if changed:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temporary = target.with_name(f".{target.name}.{os.getpid()}")
                temporary.write_bytes(data)
                temporary.replace(target)
            except OSError as error:  # a full disk, a file where a folder must be
                raise MirrorError(f"Could not write {target}: {error.strerror}.") from None
        return {
            "url": url,
            "status": 200,
            "file": name,
            "keys": sorted(headers.get("xkey", "").split()),
            "links": sorted(links),
            "assets": sorted(assets),
            "written": changed,
        }

    def _get(self, url: str) -> tuple[int, dict, bytes]:
        path, _, query = url.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": self.host.split(":")[0],
            "SERVER_PORT": "80",
            "HTTP_HOST": self.host,
            "wsgi.url_scheme": "http",
            "wsgi.input": _EMPTY,
            "wsgi.errors": _Errors(),
        }
        status, headers, body = answered_by(self.handler, environ)
        return int(status.split()[0]), dict(headers), body

    def _html(self, url: str, name: str, text: str, links: set, assets: set) -> str:
        """A page's links made the mirror's: relative to its file where they stay in it."""
        text = _FORM.sub("", text)
        here = self.base_url + url
        up = "../" * name.count("/")  # from the page's folder to the mirror's root

        def local(value: str) -> str:
            known = self._local.get((value, up))
            if known is None:
                known = self._local_link(value, here, up)
                if value.startswith("/"):  # the same wherever the page is at this depth
                    self._local[value, up] = known
            return _noted(known, links, assets)

        text = LINK.sub(lambda m: m.group(1) + local(m.group(2)) + m.group(3), text)
        if 'srcset="' not in text:  # most pages: a look costs a tenth of the pattern's scan
            return text
        return _SRCSET.sub(
            lambda m: (
                m.group(1)
                + ", ".join(
                    " ".join([local(part.split()[0]), *part.split()[1:]])
                    for part in m.group(2).split(",")
                    if part.strip()
                )
                + m.group(3)
            ),
            text,
        )

    def _local_link(self, value: str, here: str, up: str) -> tuple[str, str, str]:
        """What a link of a page at `here`, `up` from the mirror's root, becomes:
        (kind, its new value, the asset or page it leads to)."""
        raw = html.unescape(value)
        if raw.startswith(("#", "mailto:", "tel:", "data:", "javascript:", "//")) or "://" in raw:
            return "", value, ""  # on the page, or a whole address: another site, or done
        rest = raw if raw.startswith("/") else urljoin(here, raw)[len(self.base_url) :]
        kind, target, fragment = self._target(rest)
        if kind == "asset":
            return kind, html.escape(up + target[1:] + fragment), target
        if kind == "origin":
            return kind, html.escape(target + fragment), ""
        return kind, html.escape(up + file_of(*split(target)) + fragment), target

    def _target(self, rest: str) -> tuple[str, str, str]:
        """What a link of the site (its path, query and fragment) leads to in the mirror:
        ("asset", path), ("page", path and query) or ("origin", whole address)."""
        rest, _, fragment = rest.partition("#")
        fragment = f"#{fragment}" if fragment else ""
        path = rest.partition("?")[0]
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return "asset", path, fragment
        rest = normal(rest)
        if rest not in self.scope:
            return "origin", self.origin + rest, fragment
        return "page", rest, fragment

    def _absolute(self, text: str, links: set, assets: set) -> str:
        """A feed's, sitemap's or robots.txt's addresses: the mirror's where they stay in
        it (a page by its folder, a feed by its file), else the origin's. Images named
        by address (social cards, structured data, feeds' enclosures) are assets."""

        def mirrored(match) -> str:
            found = self._whole.get(match.group(1))
            if found is None:
                found = self._whole[match.group(1)] = self._whole_address(match)
            return _noted(found, links, assets)

        return self._on_base.sub(mirrored, text)

    def _whole_address(self, match) -> tuple[str, str, str]:
        rest = html.unescape(match.group(1))
        if rest.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return "asset", match.group(0), rest.partition("?")[0]
        rest = normal(rest)
        if rest not in self.scope:
            return "origin", html.escape(self.origin + rest, quote=False), ""
        return "page", html.escape(self._mirrored(rest), quote=False), rest

    def _mirrored(self, url: str) -> str:
        """The mirror's absolute address of one of its pages: a page by its folder, a feed
        or sitemap by its file."""
        return f"{self.base_url}/{file_of(*split(url)).removesuffix('index.html')}"


def _noted(found: tuple[str, str, str], links: set, assets: set) -> str:
    """A link's new value; the page or asset it leads to noted among the page's."""
    kind, replacement, target = found
    if kind == "asset":
        assets.add(target)
    elif kind == "page":
        links.add(target)
    return replacement


def addresses_on(base_url: str) -> re.Pattern:
    """Addresses on `base_url`: the path (with its query) of each."""
    return re.compile(re.escape(base_url.rstrip("/")) + r"(/[^\s\"'<>&]*(?:&amp;[^\s\"'<>&]*)*)")


class _Errors:
    def write(self, text):
        pass

    def flush(self):
        pass


class _Empty:
    def read(self, *args):
        return b""

    def readline(self, *args):
        return b""


_EMPTY = _Empty()


def page_middleware() -> list[str]:
    """The site's middleware that the mirror's renderers run (PAGE_MIDDLEWARE), in order."""
    return [name for name in settings.MIDDLEWARE if name in PAGE_MIDDLEWARE]
