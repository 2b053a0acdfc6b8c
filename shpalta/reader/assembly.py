"""Reader pages put together from parts instead of one template render.

The site's chrome (masthead, menu, banner, footer) is the same on every page of an
edition: it is rendered once from `reader/base.html` with a slot mark where each page
fills its own parts, kept as a fragment, and filled per request. A page renders only its
parts, from its own template extending `reader/slots.html` instead of the base: title,
head, edition switch, content, aside. The article page goes further and keeps its parts
too (reader.views.article).
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from shpalta.caching import keys

# Cannot come out of a template otherwise: NUL is not valid in HTML text and PostgreSQL
# refuses it in text columns.
SLOT = mark_safe("\x00slot\x00")
PARTS = ("title", "head", "switch", "content", "aside")


def render_shell(request: HttpRequest, chrome: dict) -> tuple[str, set[str]]:
    """The edition's chrome with a slot mark for each of PARTS, to be kept as a fragment
    (it changes with the menu, the ads and the site's names: keys.ALL)."""
    html = render_to_string("reader/shell.html", {**chrome, "slot": SLOT}, request=request)
    return html, {keys.ALL}


def render_parts(request: HttpRequest, template: str, context: dict) -> list[str]:
    """A page template rendered without the chrome: its pieces between slot marks."""
    context = {**context, "base_template": "reader/slots.html", "slot": SLOT}
    return render_to_string(template, context, request=request).split(SLOT)


def assemble(shell_pieces: list[str], parts: list[str]) -> str:
    if len(parts) != len(PARTS) or len(shell_pieces) != len(PARTS) + 1:
        raise ValueError("a page's parts do not fit the shell")
    html = [shell_pieces[0]]
    for part, chrome in zip(parts, shell_pieces[1:], strict=True):
        html += (part, chrome)
    return "".join(html)
