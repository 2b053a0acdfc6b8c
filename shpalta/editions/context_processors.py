"""Template context: the editions and the one being read."""

from .registry import DEFAULT_EDITION, EDITIONS


def editions(request):
    return {"editions": EDITIONS, "edition": getattr(request, "edition", DEFAULT_EDITION)}
