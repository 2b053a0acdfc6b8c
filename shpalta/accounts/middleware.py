"""Every admin request: the session still valid, and verified by a second factor."""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import unsent
from .audit import current_request
from .sessions import session_ended

# What a user who gave only a password may reach: the sign-in's second step (a code or a
# passkey), leaving, and the scripts' translations and icon sprite that those pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_2fa_verify",
    "accounts_2fa_setup",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
}
ENDED = {
    "expired": _("Your session is over (12 hours). Sign in again; your saved drafts are there."),
    "idle": _("You were signed out after two hours without activity. Sign in again."),
    "ended": _("Your sessions were ended by an administrator. Sign in again."),
}

KEPT = _(
    "What you were saving is kept: sign in again and it is saved as a draft, for you to "
    "check before publishing."
)
REPLAYED = _(
    "What you were saving when your session ended is saved as a draft, not published. "
    "Check it, then publish."
)
NOT_REPLAYED = _(
    "What you were saving when your session ended is back in the form below, not saved "
    "yet: see what needs changing, then save."
)


def _to(url_name: str, request) -> str:
    return f"{reverse(url_name)}?next={quote(request.get_full_path())}"


class AccountSecurityMiddleware:
    """After AuthenticationMiddleware and django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        if not request.path_info.startswith(self.admin_prefix):
            return None
        if not request.user.is_authenticated:
            if unsent.renew(request):
                messages.info(request, str(KEPT))
            return None
        reason = session_ended(request)
        if reason:
            form = unsent.unsent_form(request)
            request.sign_out_reason = reason
            logout(request)
            messages.warning(request, str(ENDED[reason]))
            if form:
                unsent.keep(request, form)
                messages.info(request, str(KEPT))
            return redirect(
                f"{reverse('wagtailadmin_login')}?next={quote(request.get_full_path())}"
            )
        if not settings.ADMIN_2FA_REQUIRED or request.user.is_verified():
            if unsent.replay(request):
                response = view_func(request, *view_args, **view_kwargs)
                saved = response.status_code == 302  # Wagtail redirects after a save
                messages.info(request, str(REPLAYED if saved else NOT_REPLAYED))
                return response
            return None
        if request.resolver_match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        return redirect(_to("accounts_2fa_verify", request))
