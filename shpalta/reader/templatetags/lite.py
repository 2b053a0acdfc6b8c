"""The lite edition's filter: the lite address of a full page's address."""

from django import template

from shpalta.reader.views.lite import lite_address

register = template.Library()


@register.filter
def lite(path: str) -> str:
    return lite_address(path)
