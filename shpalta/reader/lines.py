"""A headline's line in a list (All News, a tag's, section's or author's page, the
recent-news column, the front page's sections, the stories under an article), and a top
story's card (the front page, under an article).

Written here rather than by a template: a list of a dense archive's day has hundreds of
lines not kept, and the template engine paid several times the line's own work for each
(bench/RESULTS.md, twenty-first session).
"""

from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shpalta.editions.dates import kyiv_iso, time_in_list
from shpalta.newsroom.models import Article

# Each part is a plain str (a column, a translation, an address), escaped with the
# standard library's escape(), which Django's escape() calls too: format_html() and
# conditional_escape() cost a dozen calls more for each part of each line.


def headline_line(article: Article, day: date | None) -> SafeString:
    """`<li>` with the story's time (its date too when not `day`), its live mark and
    labels, its headline linked, a live blog's latest update and what media it has."""
    language = get_language()
    marks = "".join(
        f'<span class="label">{escape(label.name)}</span> ' for label in article.shown_labels()
    )
    if article.shows_live_mark:
        live = _("Live blog") if article.coverage_ended_at else _("Live")
        marks = f'<span class="label">{escape(live)}</span> {marks}'
    latest = article.latest_entry_at
    marks_after = ""
    if latest:
        updated = _("updated")
        marks_after = (
            f'<span class="live-latest"> · {escape(updated)} <time datetime="{kyiv_iso(latest)}">'
            f"{escape(time_in_list(latest, day, language))}</time></span>"
        )
    media = []  # translated only when shown: gettext() is most of a line's own work
    if article.has_photos:
        media.append(_("photos"))
    if article.has_video:
        media.append(_("video"))
    if media:
        marks_after += f'<span class="media"> – {escape(", ".join(media))}</span>'
    urgent = ' class="urgent"' if article.is_urgent else ""
    published = article.published_at
    return mark_safe(  # noqa: S308  (each part escaped)
        f'<li{urgent}>\n  <time datetime="{kyiv_iso(published)}">'
        f"{escape(time_in_list(published, day, language))}</time>\n  "
        f'{marks}<a href="{escape(article.get_absolute_url())}">{escape(article.headline)}</a>'
        f"{marks_after}\n</li>\n"
    )


def story_card(story: Article, *, with_summary: bool = False) -> SafeString:
    """`<li class="card">` with the story's labels and its headline linked (the front page
    adds its summary)."""
    labels = "".join(
        f'<span class="label">{escape(label.name)}</span>' for label in story.shown_labels()
    )
    summary = f"<p>{escape(story.summary)}</p>" if with_summary else ""
    return mark_safe(  # noqa: S308  (each part escaped)
        f'<li class="card">\n  {labels}\n  <a class="card-title" '
        f'href="{escape(story.get_absolute_url())}">{escape(story.headline)}</a>\n'
        f"  {summary}\n</li>\n"
    )
