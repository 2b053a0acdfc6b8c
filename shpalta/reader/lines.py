"""A headline's line in a list (All News, a tag's, section's or author's page, the
recent-news column, the front page's sections, the stories under an article), and a top
story's card (the front page, under an article).

Written here rather than by a template: a list of a dense archive's day has hundreds of
lines not kept, and the template engine paid several times the line's own work for each
(bench/RESULTS.md, twenty-first session).
"""

from datetime import date

from django.utils.html import conditional_escape as escape
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shpalta.editions.dates import kyiv_iso, time_in_list
from shpalta.newsroom.models import Article


def headline_line(article: Article, day: date | None) -> SafeString:
    """`<li>` with the story's time (its date too when not `day`), its live mark and
    labels, its headline linked, a live blog's latest update and what media it has."""
    language = get_language()
    marks = format_html_join(
        "", '<span class="label">{}</span> ', ((label.name,) for label in article.shown_labels())
    )
    if article.shows_live_mark:
        live = _("Live blog") if article.coverage_ended_at else _("Live")
        marks = format_html('<span class="label">{}</span> ', live) + marks
    latest = article.latest_entry_at
    if latest:
        marks_after = format_html(
            '<span class="live-latest"> · {} <time datetime="{}">{}</time></span>',
            _("updated"),
            kyiv_iso(latest),
            time_in_list(latest, day, language),
        )
    else:
        marks_after = ""
    media = [
        name
        for name, shown in ((_("photos"), article.has_photos), (_("video"), article.has_video))
        if shown
    ]
    return format_html(
        '<li{}>\n  <time datetime="{}">{}</time>\n  {}<a href="{}">{}</a>{}{}\n</li>\n',
        mark_safe(' class="urgent"') if article.is_urgent else "",
        kyiv_iso(article.published_at),
        time_in_list(article.published_at, day, language),
        marks,
        article.get_absolute_url(),
        article.headline,
        marks_after,
        format_html('<span class="media"> – {}</span>', ", ".join(media)) if media else "",
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
