"""Reader pages put together from parts instead of one template render.

The site's chrome (masthead, menu, banner, footer) is the same on every page of an
edition: shell_pieces() writes it once with a slot mark where each page fills its own
parts, it is kept as a fragment, and filled per request. A page renders only its
parts, from its own template extending `reader/slots.html` instead of the base: title,
head, edition switch, content, aside. The article page goes further and keeps its parts
too (reader.views.article). `reader/base.html`, for a page rendered whole (the editors'
preview), puts its blocks between the same pieces.

The chrome is written here rather than by a template: a page rendered with nothing kept
(FRAGMENT_CACHE=0, or the first reader of an edition after a deploy) paid a fifth of its
time for it. (Each gettext() call stands outside f-strings: makemessages does not read
inside them.)
"""

from html import escape

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from shpalta.ads.selectors import slot_html
from shpalta.caching import keys
from shpalta.editions.addresses import address

# Cannot come out of a template otherwise: NUL is not valid in HTML text and PostgreSQL
# refuses it in text columns.
SLOT = mark_safe("\x00slot\x00")
PARTS = ("title", "head", "switch", "content", "aside")


def render_shell(request: HttpRequest, chrome: dict) -> tuple[str, set[str]]:
    """The edition's chrome with a slot mark for each of PARTS, to be kept as a fragment
    (it changes with the menu, the ads and the site's names: keys.ALL)."""
    return SLOT.join(shell_pieces(request, chrome)), {keys.ALL}


def shell_pieces(request: HttpRequest, chrome: dict) -> list[str]:
    """The edition's chrome in the pieces that go around each of PARTS; `chrome` is
    reader.views.common.chrome()'s (the menu, the outside links)."""
    code = request.edition.code
    offline = ""
    if chrome["offline_reading"]:
        offline = (
            f'<script src="{escape(static("reader/offline.js"))}" defer></script>\n'
            f'<link rel="manifest" href="{escape(address("reader:manifest"))}">'
        )
    head = (
        f'<!doctype html>\n<html lang="{escape(code)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n<title>'
    )
    scripts = (
        f'</title>\n<link rel="stylesheet" href="{escape(static("reader/site.css"))}">\n'
        f'<script src="{escape(static("reader/embeds.js"))}" defer></script>\n'
        f'<script src="{escape(static("ads/lazy.js"))}" defer></script>\n{offline}\n'
    )
    before_switch, after_switch = _masthead(chrome)
    banner = slot_html(request, "top_banner")
    layout = f'{banner}\n<div class="layout">\n  <main id="content">'
    return [head, scripts, before_switch, after_switch + layout, "</main>\n  ", _footer()]


def _link(url: str, text: str, attributes: str = "") -> str:
    return f'<a{attributes} href="{escape(url)}">{escape(text)}</a>'


def _masthead(chrome: dict) -> tuple[str, str]:
    """The masthead before the edition switch and after it."""
    skip, search_label, search, find = (
        _("Skip to content"), _("Search the site"), _("Search"), _("Find")
    )  # fmt: skip
    edition, sections, all_sections = _("Edition"), _("Sections"), _("All Sections")
    news = _("News")
    menu = [f"<li>{_link(address('reader:all_news'), news)}</li>"]
    kinds = "".join(f"<li>{_link(url, str(kind.label))}</li>" for kind, url in chrome["menu_kinds"])
    in_sections = "".join(
        f"<li>{_link(address('reader:section', section.slug), section.name)}</li>"
        for section in chrome["menu_sections"]
    )
    menu += [kinds, in_sections]
    menu_items = "\n        ".join(menu)
    all_news, support, social = _("All News"), _("Support Us"), _("Follow us on Instagram!")
    before = (
        f'</head>\n<body>\n<a class="skip-link" href="#content">{escape(skip)}</a>\n'
        '<header class="masthead">\n  <div class="masthead-row">\n    '
        f"{_link(address('reader:front'), 'Shpalta', ' class="brand"')}\n"
        f'    <form class="site-search" action="{escape(address("reader:search"))}" '
        'method="get" role="search">\n'
        '      <label for="site-search-q" class="visually-hidden">'
        f"{escape(search_label)}</label>\n"
        '      <input type="search" name="q" id="site-search-q" maxlength="1000" '
        f'placeholder="{escape(search)}">\n'
        f'      <button type="submit">{escape(find)}</button>\n    </form>\n'
        f'    <nav class="edition-switch" aria-label="{escape(edition)}">\n      '
    )
    after = (
        "\n    </nav>\n  </div>\n"
        f'  <nav class="site-nav" aria-label="{escape(sections)}">\n'
        '    <details class="all-sections">\n'
        f"      <summary>{escape(all_sections)}</summary>\n      <ul>\n"
        f"        {menu_items}\n      </ul>\n    </details>\n"
        f"    {_link(address('reader:all_news'), all_news)}\n"
        f"    {_link(address('reader:support'), support, ' class="support-link"')}\n"
        f'    <a class="social" href="{escape(chrome["social_url"])}" rel="noopener">'
        f"{escape(social)}</a>\n  </nav>\n</header>\n"
    )
    return before, after


def _footer() -> str:
    title, about, support = _("The news by e-mail"), _("About and contacts"), _("Support Us")
    corrections, rss, lite = _("Corrections"), _("RSS feed"), _("Lite edition")
    form = newsletter_form("footer-newsletter")
    links = " · ".join(
        [
            _link(address("reader:about"), about),
            _link(address("reader:support"), support),
            _link(address("reader:corrections"), corrections),
            f'<a href="{escape(address("feeds:edition_rss"))}" type="application/rss+xml">'
            f"{escape(rss)}</a>",
            _link(address("reader:lite_front"), lite),
        ]
    )
    return (
        '\n</div>\n<footer class="site-footer">\n'
        '  <section class="footer-newsletter" aria-labelledby="footer-newsletter-title">\n'
        f'    <h2 id="footer-newsletter-title">{escape(title)}</h2>\n    {form}\n  </section>\n'
        f"  <p>© {escape(settings.PUBLISHER_NAME)} · {links}</p>\n</footer>\n</body>\n</html>\n"
    )


def newsletter_form(form_id: str, form=None) -> str:
    """The newsletter's sign-up form (the footer's, Support Us's and the newsletter page's),
    its fields named `form_id`-…; with `form` (reader.views.newsletter's SubscribeForm,
    sent back), what the reader typed and chose and its errors."""
    address_label, subscribe = _("Your e-mail address"), _("Subscribe")
    digest, breaking = _("The morning digest"), _("Breaking news")
    errors, typed, checked = "", "", {"digest": " checked", "breaking": " checked"}
    if form is not None:
        email = form["email"]
        said = [escape(str(error)) for error in form.non_field_errors()]
        said += [f"{escape(str(email.label))}: {escape(str(error))}" for error in email.errors]
        if said:
            lines = "".join(f"<p>{line}</p>" for line in said)
            errors = f'<div class="form-errors" role="alert">{lines}</div>'
        typed = escape(str(email.value() or ""))
        checked = {name: " checked" if form[name].value() else "" for name in checked}
    return (
        '<form class="newsletter-form" '
        f'action="{escape(address("reader:newsletter"))}" method="post">\n  {errors}\n'
        '  <p class="newsletter-address">\n'
        f'    <label for="{form_id}-email">{escape(address_label)}</label>\n'
        f'    <input type="email" name="email" id="{form_id}-email" required maxlength="254" '
        f'autocomplete="email" value="{typed}">\n'
        f'    <button type="submit">{escape(subscribe)}</button>\n  </p>\n'
        '  <p class="newsletter-lists">\n'
        f'    <label><input type="checkbox" name="digest" value="on"{checked["digest"]}> '
        f"{escape(digest)}</label>\n"
        f'    <label><input type="checkbox" name="breaking" value="on"{checked["breaking"]}> '
        f"{escape(breaking)}</label>\n  </p>\n</form>"
    )


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
