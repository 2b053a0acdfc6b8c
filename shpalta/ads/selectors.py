"""The ad slots a page shows: kept in each server process until an ad slot changes
(its save purges keys.ALL; caching.local), not read again for every list and article."""

import functools
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from shpalta.caching.local import KeptInProcess

from .models import AdSlot
from .sources import host_sources, script_hashes


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


def slot_html(request: HttpRequest | None, placement: str, article=None) -> SafeString:
    """The edition's creative for a placement in its reserved space (`ads/slot.html`), or
    nothing: no slot there, no edition, or an article whose ads are switched off (most
    placements of most pages are empty, and render no template)."""
    if request is None or not hasattr(request, "edition") or (article and not article.ads_enabled):
        return mark_safe("")
    slot = slots_for(request).get(placement)
    if slot is None:
        return mark_safe("")
    return render_to_string("ads/slot.html", {"slot": slot})


@dataclass(frozen=True)
class ThirdPartySources:
    """What the shown slots' code loads, for the Content-Security-Policy."""

    hosts: tuple[str, ...] = ()
    script_hashes: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8)
def _sources(codes: tuple[tuple[str, str], ...]) -> ThirdPartySources:
    hosts, hashes = [], []
    for code, listed in codes:
        hosts += [source for source in host_sources(listed) if source not in hosts]
        hashes += [digest for digest in script_hashes(code) if digest not in hashes]
    return ThirdPartySources(tuple(hosts), tuple(hashes))


def third_party_sources() -> ThirdPartySources:
    """From the same kept slots the page's ad code comes from, so the policy and the code
    of a page always match."""
    slots = [slot for edition in _slots.get().values() for slot in edition.values()]
    return _sources(tuple((slot.code, slot.hosts) for slot in slots if slot.code))
