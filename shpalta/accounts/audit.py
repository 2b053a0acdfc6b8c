"""Writes the audit trail: one call, `record(...)`, that knows the request it came from."""

from contextvars import ContextVar

from django.http import HttpRequest

from .models import AuditAction, AuditRecord

# The request being answered, for records written far from any view (a Wagtail log entry,
# a signal about a user's groups). Set by AccountSecurityMiddleware.
current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def client_address(request: HttpRequest | None) -> str | None:
    """The address the request came from. The server is told the reader's address by our
    own proxies only (bin/serve trusts forwarded headers from loopback), so REMOTE_ADDR is
    it; django-axes counts failures by the same function (AXES_CLIENT_IP_CALLABLE)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    *,
    action: AuditAction,
    user=None,
    username: str = "",
    subject: str = "",
    details: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditRecord:
    request = request or current_request.get()
    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    user_agent = request.headers.get("User-Agent", "") if request is not None else ""
    return AuditRecord.objects.create(
        action=action,
        user=user,
        username=(username or (user.get_username() if user else ""))[:150],
        subject=subject[:300],
        ip_address=client_address(request),
        user_agent=user_agent[:300],
        details=details or {},
    )
