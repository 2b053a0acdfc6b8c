"""Template filters for dates in the newsroom's time and language; links in the edition."""

from datetime import date, datetime

from django import template
from django.utils.translation import get_language

from shpalta.editions import addresses
from shpalta.editions.dates import dateline as format_dateline
from shpalta.editions.dates import day_heading, time_in_list
from shpalta.editions.switch import switch_html

register = template.Library()


@register.filter
def dateline(moment: datetime | None) -> str:
    return format_dateline(moment, get_language()) if moment else ""


@register.filter
def dayline(day: date | None) -> str:
    return day_heading(day, get_language()) if day else ""


@register.filter
def kyiv_when(moment: datetime | None, today: date | None) -> str:
    """The time of a headline in a list; its day too when that is not `today`."""
    return time_in_list(moment, today, get_language()) if moment else ""


@register.simple_tag
def address(name: str, *args) -> str:
    """`{% url name arg … %}` kept once found (shpalta.editions.addresses)."""
    return addresses.address(name, *args)


@register.simple_tag(takes_context=True)
def edition_switch(context) -> str:
    """The page in each edition (`edition_switch` of the context: shpalta.editions.switch)."""
    return switch_html(context.get("edition_switch") or [])
