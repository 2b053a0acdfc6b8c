"""What third-party ad code loads, for the Content-Security-Policy: the hosts an ad
manager lists for a slot, and the hashes of the code's inline scripts (the policy allows
those exact scripts, which a nonce could not do on a page kept for every reader)."""

import base64
import hashlib
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# A CSP host source: an https origin, its host possibly starting with "*.".
HOST_SOURCE = re.compile(r"^https://(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}(:\d{1,5})?$")
LOADING_ATTRIBUTES = {"script": "src", "iframe": "src", "img": "src", "link": "href"}


def host_source(line: str) -> str:
    """An ad manager's line as a source: "ads.example.net" means https://ads.example.net."""
    line = line.strip().lower().rstrip("/")
    return line if line.startswith("https://") else f"https://{line}"


def host_sources(text: str) -> list[str]:
    return [host_source(line) for line in text.splitlines() if line.strip()]


class _AdCode(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.loads: list[str] = []
        self.inline_scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attribute = LOADING_ATTRIBUTES.get(tag)
        values = dict(attrs)
        if attribute and values.get(attribute):
            self.loads.append(values[attribute])
        if tag == "script" and not values.get("src"):
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


def read_code(code: str) -> _AdCode:
    parser = _AdCode()
    parser.feed(code)
    parser.close()
    return parser


def script_hashes(code: str) -> list[str]:
    """'sha256-…' of each inline script, as browsers hash the text between the tags."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
        for text in read_code(code).inline_scripts
    ]


def unlisted_hosts(code: str, hosts: list[str]) -> list[str]:
    """Origins the code loads from that no listed source covers."""
    missing = []
    for address in read_code(code).loads:
        parts = urlsplit(address if "//" in address else "")
        if not parts.hostname:
            continue  # a path on our own site
        origin = f"https://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        if not any(_covers(source, origin) for source in hosts) and origin not in missing:
            missing.append(origin)
    return missing


def _covers(source: str, origin: str) -> bool:
    if source.startswith("https://*."):
        return origin.endswith(source[len("https://*") :])
    return source == origin
