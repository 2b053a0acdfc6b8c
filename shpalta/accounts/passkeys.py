"""Passkeys (WebAuthn, through django-otp-webauthn) as a second kind of second factor.

A passkey is added by a user whose session is already verified (with the authenticator
app they enrolled first), on Account → Two-factor sign-in; from then on the sign-in's
second step offers it beside the code. It is a second factor only: the password still
comes first (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False).

The library's views answer the browser's JSON; these subclasses add what the newsroom
needs around them: a new session key and an audit record at each use, the admin's own
`next` rule, and refusals written to the audit trail."""

from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import path
from django.utils.translation import gettext_noop
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn
from django_otp_webauthn.helpers import WebAuthnHelper

from .audit import record
from .models import AuditAction
from .views import next_url


def relying_party_id(request: HttpRequest) -> str:
    """The host the admin is reached at (already checked against ALLOWED_HOSTS): a passkey
    made for it works there only, so a look-alike phishing domain cannot use it. Browsers
    take a domain name, `localhost` included, never an IP address."""
    return urlsplit(f"//{request.get_host()}").hostname


class Helper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        # The browser signs the origin it was on; only the admin's own is accepted.
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class TranslatedRefusals:
    """The library words a malformed answer from the browser in English only; the person
    gets our one translated sentence instead (the code still says which check failed)."""

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.UnprocessableEntity):
            exc.detail = exceptions.UnprocessableEntity.default_detail
        return super().handle_exception(exc)


class BeginRegistration(webauthn.BeginCredentialRegistrationView):
    pass


class CompleteRegistration(TranslatedRefusals, webauthn.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        record(
            action=AuditAction.PASSKEY_ADDED,
            subject=self.request.user.get_username(),
            request=self.request,
        )
        return response


class BeginAuthentication(webauthn.BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(TranslatedRefusals, webauthn.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        super().complete_auth(device)
        # As after a code: a session verified by a second factor gets a new key.
        self.request.session.cycle_key()
        record(action=AuditAction.SECOND_FACTOR, request=self.request, details={"kind": "passkey"})

    def handle_exception(self, exc):
        record(
            action=AuditAction.SECOND_FACTOR_FAILED,
            request=self.request,
            details={"kind": "passkey", "reason": getattr(exc, "code", type(exc).__name__)},
        )
        return super().handle_exception(exc)

    def get_success_url(self):
        return next_url(self.request)


# What the library's scripts and JSON errors say, for `make messages` to carry into
# the uk/ru/en catalogues (the library ships none for Ukrainian or Russian).
MESSAGES = (
    gettext_noop("Verify with Passkey"),
    gettext_noop("Verifying..."),
    gettext_noop("Finishing verification..."),
    gettext_noop("Verification successful!"),
    gettext_noop("Verification aborted."),
    gettext_noop("Verification canceled or not allowed."),
    gettext_noop("Verification failed. A server error occurred."),
    gettext_noop("Verification failed. An unknown error occurred."),
    gettext_noop("Verification failed. An unknown server error occurred."),
    gettext_noop("Verification failed. Could not retrieve parameters from the server."),
    gettext_noop("An error occurred during verification."),
    gettext_noop("Register a Passkey"),
    gettext_noop("Registering..."),
    gettext_noop("Finishing registration..."),
    gettext_noop("Registration successful!"),
    gettext_noop("Registration aborted."),
    gettext_noop("Registration aborted or not allowed."),
    gettext_noop("Registration failed. A server error occurred."),
    gettext_noop("Registration failed. An unknown error occurred."),
    gettext_noop("Registration failed. The server was unable to verify this passkey."),
    gettext_noop("Registration failed. Unable to fetch registration options from server."),
    gettext_noop(
        "Registration failed. You most likely already have a Passkey registered for this site."
    ),
    gettext_noop(
        "Registration failed. A technical problem occurred that prevents you from "
        "registering a Passkey for this site."
    ),
    gettext_noop("An error occurred during registration."),
    # The server's refusals, which the scripts show as they come.
    gettext_noop(
        "State is missing or invalid. Please begin the operation first before trying to "
        "complete it."
    ),
    gettext_noop("The Passkey you tried to use was not found. Perhaps it was removed?"),
    gettext_noop(
        "The Passkey you tried to use does not belong to the currently logged-in user. Try "
        "using a different Passkey or logout first to use this Passkey."
    ),
    gettext_noop("This Passkey has been marked as disabled."),
    gettext_noop("This user account is marked as disabled."),
    gettext_noop("Unprocessable Entity"),
)


class Catalog(JavaScriptCatalog):
    """The library's script strings in the admin's language, from our catalogues: only
    those, not every string of the site."""

    domain = "django"

    def get_catalog(self):
        return {key: value for key, value in super().get_catalog().items() if key in MESSAGES}


urls = (
    [
        path(
            "registration/begin/", BeginRegistration.as_view(), name="credential-registration-begin"
        ),
        path(
            "registration/complete/",
            CompleteRegistration.as_view(),
            name="credential-registration-complete",
        ),
        path(
            "authentication/begin/",
            BeginAuthentication.as_view(),
            name="credential-authentication-begin",
        ),
        path(
            "authentication/complete/",
            CompleteAuthentication.as_view(),
            name="credential-authentication-complete",
        ),
        path("jsi18n/", Catalog.as_view(), name="js-i18n-catalog"),
    ],
    "otp_webauthn",  # the namespace the library's template tags reverse
)
