"""The edition switch in a page's masthead: the page in each edition, the current one
marked. Written here rather than by a template: every reader page shows it, and a cold
article page paid more for the template than for the rest of its head."""

from html import escape

from django.utils.safestring import SafeString, mark_safe


def switch_html(items: list[dict]) -> SafeString:
    """`items`: {"edition": Edition, "url": the page in it, "current": bool}, in order
    (plain strings, escaped with the standard library's escape())."""
    links = []
    for item in items:
        edition = item["edition"]
        code, short = escape(edition.code), escape(edition.short)
        if item["current"]:
            links.append(f'<span aria-current="page" lang="{code}">{short}</span>')
        else:
            url = escape(item["url"])
            links.append(f'<a href="{url}" lang="{code}" hreflang="{code}">{short}</a>')
    separator = '\n  <span aria-hidden="true">·</span>\n  '
    return mark_safe(f"\n  {separator.join(links)}\n")  # noqa: S308  (each part escaped)
