"""The mirror's link checker."""

import html
from pathlib import Path
from urllib.parse import unquote

from .render import LINK, addresses_on
from .walk import MANIFEST


def broken_links(out: Path, base_url: str) -> list[str]:
    """The links of a mirror that lead to no file of it: every relative link of its pages
    and every address of its feeds and sitemaps on `base_url` (the link checker)."""
    broken = []
    out = Path(out)
    on_base = addresses_on(base_url)
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name == MANIFEST:
            continue
        name = path.relative_to(out).as_posix()
        if path.suffix == ".html":
            for value in LINK.findall(path.read_text()):
                link = html.unescape(value[1]).partition("#")[0].partition("?")[0]
                if not link or "://" in link or link.startswith(("mailto:", "tel:", "data:")):
                    continue
                if link.startswith("/"):
                    broken.append(f"{name}: {link} (a link to the origin's root)")
                    continue
                target = (path.parent / unquote(link)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file() or out.resolve() not in target.parents:
                    broken.append(f"{name}: {link}")
        if path.suffix in (".html", ".xml", ".txt"):
            for rest in on_base.findall(path.read_text()):
                rest = html.unescape(rest).partition("#")[0]
                target = out / unquote(rest).lstrip("/")
                if rest.endswith("/"):
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{name}: {rest}")
    return broken
