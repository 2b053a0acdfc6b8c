"""The article's own text as its page shows it (headline, byline, main image, lead, blocks,
corrections, tags), written out here rather than by a template: every cold article page
renders it, and the template's two dozen tags and filters were the largest part of the
page's template time. (Each gettext() call stands outside f-strings: makemessages
does not read inside them.) The blocks keep their templates (newsroom/blocks), and so do the
rare parts: a live blog's updates, corrections, an ad slot that has a creative."""

from django.template.loader import render_to_string
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.rich_text import expand_db_html

from shpalta.ads.selectors import slot_html
from shpalta.editions.addresses import address
from shpalta.editions.dates import dateline, kyiv_iso
from shpalta.newsroom.models import Article, Kind
from shpalta.newsroom.renditions import ENCLOSURE_SPEC


def article_title(article: Article) -> SafeString:
    """The page's <title>."""
    return mark_safe(f"{escape(article.headline)} | Shpalta")  # noqa: S308  (escaped)


def article_body(context: dict) -> SafeString:
    """The <article> element of `context["article"]`; `context` is the page's (request,
    the live blog's updates address and poll interval), and its blocks render with it."""
    article: Article = context["article"]
    request = context.get("request")
    corrections = article.shown_corrections()
    authors = article.ordered_authors()
    tags = article.ordered_tags()
    language = get_language()
    html = [
        f'<article class="article" data-story="{article.story_number}">\n  <header>\n    ',
        *(f'<span class="label">{escape(label.name)}</span>' for label in article.shown_labels()),
        f'\n    <h1>{escape(article.headline)}</h1>\n    <p class="byline">\n      ',
        ", ".join(
            f'<a class="author" href="{escape(address("reader:author", author.slug))}">'
            f"{escape(author.name)}</a>"
            for author in authors
        ),
        "\n      —\n      " if authors else "\n      \n      ",
        _time(article.published_at, language),
        "\n      ",
    ]
    if article.updated_at:
        updated = _time(article.updated_at, language)
        said = escape(_("Updated"))
        html.append(f'<span class="updated">{said} {updated}</span>')
    html.append("\n      ")
    if corrections:
        said = escape(_("Corrected"))
        html.append(f'<a class="corrected" href="#corrections">{said}</a>')
    html.append("\n    </p>\n  </header>\n  ")
    if article.main_image:
        html.append(_main_image(article))
    html += [
        f'\n  <div class="lead">{expand_db_html(article.lead or "")}</div>\n  ',
        slot_html(request, "after_lead", article),
        '\n  <div class="body">\n    ',
        *(escape(block.render_as_block(context=context)) for block in article.body),
        "\n  </div>\n  ",
    ]
    if article.kind == Kind.LIVE:
        html.append(render_to_string("reader/includes/live_blog.html", context))
    html.append("\n  ")
    if corrections:
        html.append(
            render_to_string("reader/includes/corrections.html", {"corrections": corrections})
        )
    support = escape(_("Support us or become our patron!"))
    html += [
        "\n  ",
        slot_html(request, "after_body", article),
        f'\n  <p class="support-cta"><a href="{escape(address("reader:support"))}">'
        f"{support}</a></p>\n  ",
    ]
    if tags:
        links = " · ".join(
            f'<a class="tag" href="{escape(address("reader:tag", tag.slug))}">'
            f"{escape(tag.name)}</a>"
            for tag in tags
        )
        label = escape(_("Tags"))
        html.append(f'\n    <nav class="tags" aria-label="{label}">\n      {links}\n    </nav>\n  ')
    html.append("\n</article>\n")
    return mark_safe("".join(html))  # noqa: S308  (each part escaped above)


def article_more(related_tag, related_lines: list, top_cards: list) -> SafeString:
    """The blocks under the text: more on the article's first tag (its kept lines), the
    link to All News, the edition's top stories (kept cards); the editors' preview has
    neither list."""
    html = []
    if related_lines:
        tag_link = escape(address("reader:tag", related_tag.slug))
        html.append(
            '\n<section class="related" aria-labelledby="related-title">\n  '
            f'<h2 id="related-title"><a href="{tag_link}">{escape(related_tag.name)}</a></h2>'
            f'\n  <ul class="news-list">{"".join(related_lines)}</ul>\n</section>\n'
        )
    all_news = escape(_("All News"))
    html.append(
        f'\n<p class="all-news"><a href="{escape(address("reader:all_news"))}">'
        f"{all_news} →</a></p>\n"
    )
    if top_cards:
        top = escape(_("Top stories"))
        html.append(
            '\n<section class="more-headlines" aria-labelledby="more-title">\n  '
            f'<h2 id="more-title">{top}</h2>\n  <ul class="cards">{"".join(top_cards)}</ul>'
            "\n</section>\n"
        )
    return mark_safe("".join(html))  # noqa: S308  (escaped; the lines and cards are ours)


def _time(moment, language: str) -> str:
    """A dateline in <time>; empty in the preview of a story not published yet."""
    if moment is None:
        return '<time datetime=""></time>'
    return f'<time datetime="{kyiv_iso(moment)}">{escape(dateline(moment, language))}</time>'


def _main_image(article: Article) -> str:
    image = article.main_image
    rendition = get_rendition_or_not_found(image, ENCLOSURE_SPEC)
    alt = article.main_image_caption or image.title
    photo = escape(_("Photo"))
    credit = f' <span class="credit">{photo}: {escape(image.credit)}</span>' if image.credit else ""
    return (
        '\n    <figure class="main-image">\n      '
        f"{rendition.img_tag({'loading': 'eager', 'alt': alt})}\n      "
        f"<figcaption>{escape(article.main_image_caption)}{credit}</figcaption>\n    </figure>\n  "
    )
