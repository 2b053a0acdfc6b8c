"""django-axes, with two limits instead of one: a user is refused from an address after a
few wrong passwords there (the same user elsewhere still signs in, so an attacker cannot
lock an editor out of the newsroom), and an address that tries many names is refused
after more."""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


class TwoLimitHandler(AxesDatabaseHandler):
    """Axes compares one count against one limit (AXES_FAILURE_LIMIT). Its lockout
    parameters here are [username + address, address]; this handler scales each count to
    the address limit, so the user-and-address pair locks at AXES_USER_FAILURE_LIMIT and the
    address alone at AXES_FAILURE_LIMIT."""

    def get_failures(self, request, credentials=None) -> int:
        # In the order of AXES_LOCKOUT_PARAMETERS.
        per_user, per_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scale = settings.AXES_FAILURE_LIMIT / settings.AXES_USER_FAILURE_LIMIT
        return max(int(per_user * scale), per_address)


def client_ip(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: the address the audit trail records too."""
    from .audit import client_address

    return client_address(request) or ""


def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the admin's sign-in page, saying until when."""
    retry_at = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    # Rendered here: axes swaps it in after the view's response was rendered.
    return render(request, "accounts/locked_out.html", {"retry_at": retry_at}, status=429)
