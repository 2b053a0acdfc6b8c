"""The ad slots a page shows: read once per request."""

from django.http import HttpRequest

from .models import AdSlot


def slots_for(request: HttpRequest) -> dict[str, AdSlot]:
    """The edition's shown slots by placement, looked up once per request."""
    if not hasattr(request, "_ad_slots"):
        request._ad_slots = {
            slot.placement: slot
            for slot in AdSlot.objects.filter(
                locale__language_code=request.edition.code, enabled=True
            ).select_related("house_image")
        }
    return request._ad_slots
