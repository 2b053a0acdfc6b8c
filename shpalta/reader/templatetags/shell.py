"""{% shell_pieces as shell %}: the edition's chrome in the pieces that go around a page's
parts (reader.assembly), for `reader/base.html` to put its blocks between; and
{% newsletter_form form_id form %}, the chrome's sign-up form on a page of its own."""

from django import template
from django.utils.safestring import mark_safe

from shpalta.reader import assembly
from shpalta.reader.views.common import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def shell_pieces(context) -> list[str]:
    request = context["request"]
    pieces = assembly.shell_pieces(request, chrome(request))
    return [mark_safe(piece) for piece in pieces]  # noqa: S308  (written escaped)


@register.simple_tag
def newsletter_form(form_id: str, form=None) -> str:
    return mark_safe(assembly.newsletter_form(form_id, form))  # noqa: S308  (written escaped)
