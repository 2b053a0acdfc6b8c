"""{% ad_slot "after_lead" %}: the edition's creative for a placement, in reserved space."""

from django import template

from ..selectors import slot_html, slots_for

register = template.Library()


@register.simple_tag(takes_context=True)
def ad_slot(context, placement: str):
    return slot_html(context.get("request"), placement, context.get("article"))


@register.simple_tag(takes_context=True)
def in_feed_every(context) -> int:
    """How many list items come between two in-feed ads; 0 when there are none."""
    request = context.get("request")
    if request is None or not hasattr(request, "edition"):
        return 0
    slot = slots_for(request).get("in_feed")
    return slot.every if slot else 0
