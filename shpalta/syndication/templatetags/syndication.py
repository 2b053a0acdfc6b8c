"""{{ data|ld_json }}: schema.org data for a <script type="application/ld+json">."""

from django import template

from ..metadata import ld_json

register = template.Library()
register.filter("ld_json", ld_json)
