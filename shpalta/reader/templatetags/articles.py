"""{% article_title %}, {% article_body %}, {% article_more %}: the article's title, own
text and the blocks under it (reader.body), for its preview (the reader's view writes its
page's parts without a template)."""

from django import template

from shpalta.reader import body

register = template.Library()


@register.simple_tag(takes_context=True)
def article_title(context):
    return body.article_title(context["article"])


@register.simple_tag(takes_context=True)
def article_body(context):
    return body.article_body(context.flatten())


@register.simple_tag(takes_context=True)
def article_more(context):
    return body.article_more(
        context.get("related_tag"), context.get("related_lines"), context.get("top_cards")
    )
