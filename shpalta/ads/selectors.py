"""The ad slots a page shows: kept in each server process until an ad slot changes
(its save purges keys.ALL; caching.local), not read again for every list and article."""

from django.http import HttpRequest

from shpalta.caching.local import KeptInProcess

from .models import AdSlot


def _read_slots() -> dict[str, dict[str, AdSlot]]:
    """Each edition's shown slots by placement."""
    slots: dict[str, dict[str, AdSlot]] = {}
    for slot in AdSlot.objects.filter(enabled=True).select_related("house_image", "locale"):
        slots.setdefault(slot.locale.language_code, {})[slot.placement] = slot
    return slots


_slots = KeptInProcess(_read_slots)


def slots_for(request: HttpRequest) -> dict[str, AdSlot]:
    """The edition's shown slots by placement."""
    return _slots.get().get(request.edition.code, {})
