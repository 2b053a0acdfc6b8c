"""{% article_body %}: the article's own text (reader.body), in its page and its preview."""

from django import template

from shpalta.reader.body import article_body as render_body

register = template.Library()


@register.simple_tag(takes_context=True)
def article_body(context):
    return render_body(context.flatten())
