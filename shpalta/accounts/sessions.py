"""How long an admin session lives, and ending all of a user's sessions at once."""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import Account

SIGNED_IN_AT = "shpalta_signed_in_at"
SEEN_AT = "shpalta_seen_at"
# The idle clock is written back at most this often, not on every request.
SEEN_RESOLUTION = 60


def end_sessions(*, user) -> None:
    """Every session the user has open stops working at its next request (a device reset,
    a frozen account). Sessions are refused by time, so no session store is scanned."""
    Account.objects.update_or_create(user=user, defaults={"sessions_valid_after": timezone.now()})


def session_ended(request: HttpRequest) -> str:
    """Why the signed-in session of this request must end ("" if it may go on)."""
    session = request.session
    now = time.time()
    signed_in_at = session.get(SIGNED_IN_AT)
    if signed_in_at is None:
        return "expired"  # begun before these rules: signing in again starts the clocks
    if now - signed_in_at > settings.ADMIN_SESSION_MAX_SECONDS:
        return "expired"
    if now - session.get(SEEN_AT, signed_in_at) > settings.ADMIN_SESSION_IDLE_SECONDS:
        return "idle"
    valid_after = (
        Account.objects.filter(user=request.user).values_list("sessions_valid_after", flat=True)
    ).first()
    if valid_after is not None and datetime.fromtimestamp(signed_in_at, UTC) < valid_after:
        return "ended"
    if now - session.get(SEEN_AT, 0) > SEEN_RESOLUTION:
        session[SEEN_AT] = now
    return ""
