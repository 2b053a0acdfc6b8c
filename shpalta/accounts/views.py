"""The admin's two-factor screens, and the administrators' view of accounts and locks."""

from base64 import b32encode

import segno
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import twofactor
from .audit import record
from .forms import CodeForm, EnrolForm
from .models import AuditAction
from .sessions import end_sessions


def next_url(request: HttpRequest) -> str:
    """Where to go after the second step: the admin address asked for, never another host."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and target.startswith(reverse("wagtailadmin_home")):
        return target
    return reverse("wagtailadmin_home")


def _refusal(error: twofactor.CodeRefusedError) -> str:
    if error.throttled:
        return _("Too many wrong codes. Wait a minute, then type the newest code.")
    return _("That code is wrong or has already been used. Type the newest code from the app.")


def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in."""
    if request.user.is_verified():
        return redirect(next_url(request))
    if not twofactor.has_second_factor(request.user):
        return redirect(f"{reverse('accounts_2fa_setup')}?next={next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            verified = twofactor.verify(request=request, code=form.cleaned_data["code"])
        except twofactor.CodeRefusedError as error:
            form.add_error("code", _refusal(error))
        else:
            if verified.recovery_codes_left is not None:
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code. Recovery codes left: %(count)d. "
                        "Make new ones under Account, Two-factor sign-in."
                    )
                    % {"count": verified.recovery_codes_left},
                )
            return redirect(next_url(request))
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "next": next_url(request),
            "has_passkey": twofactor.passkeys_of(request.user).exists(),
        },
    )


def setup(request: HttpRequest) -> HttpResponse:
    """Enrolment of an authenticator app, on the first sign-in (and after a reset); for a
    verified user, the page that renews recovery codes."""
    user = request.user
    if twofactor.has_second_factor(user):
        if not user.is_verified():
            return redirect(f"{reverse('accounts_2fa_verify')}?next={next_url(request)}")
        return TemplateResponse(
            request, "accounts/two_factor.html", {"passkeys": twofactor.passkeys_of(user)}
        )
    device = twofactor.pending_authenticator(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = twofactor.enrol_authenticator(request=request, code=form.cleaned_data["code"])
        except twofactor.CodeRefusedError as error:
            form.add_error("code", _refusal(error))
        else:
            return TemplateResponse(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": next_url(request)},
            )
    secret = b32encode(device.bin_key).decode()  # what the QR code carries, to type by hand
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=5, dark="#000", light="#fff", title=_("QR code for the authenticator app")
            ),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        },
    )


@require_POST
def renew_recovery_codes(request: HttpRequest) -> HttpResponse:
    codes = twofactor.renew_recovery_codes(user=request.user, request=request)
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("wagtailadmin_home")},
    )


@require_POST
def remove_passkey(request: HttpRequest, passkey_id: int) -> HttpResponse:
    if twofactor.remove_passkey(user=request.user, passkey_id=passkey_id, request=request):
        messages.success(request, _("The passkey is removed."))
    return redirect("accounts_2fa_setup")


def _administrator(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


def people(request: HttpRequest) -> HttpResponse:
    """Administrators: who has a second factor, who is locked out, and the buttons for a
    lost phone or a stolen account."""
    _administrator(request)
    users = get_user_model().objects.order_by("username").prefetch_related("groups")
    with_factor = set(
        twofactor.TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True)
    )
    cool_off = settings.AXES_COOLOFF_TIME
    locks = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off).order_by(
        "-attempt_time"
    )
    return TemplateResponse(
        request,
        "accounts/people.html",
        {
            "people": [(person, person.pk in with_factor) for person in users],
            "locks": locks,
            "failure_limit": settings.AXES_USER_FAILURE_LIMIT,
        },
    )


@require_POST
def reset_devices(request: HttpRequest, user_id: int) -> HttpResponse:
    _administrator(request)
    person = get_object_or_404(get_user_model(), pk=user_id)
    twofactor.reset_devices(user=person, request=request)
    messages.success(
        request,
        _(
            "%(name)s's two-factor devices are removed and their sessions ended; the next "
            "sign-in enrols a new authenticator."
        )
        % {"name": person.get_username()},
    )
    return redirect("accounts_people")


@require_POST
def end_all_sessions(request: HttpRequest, user_id: int) -> HttpResponse:
    _administrator(request)
    person = get_object_or_404(get_user_model(), pk=user_id)
    end_sessions(user=person)
    record(action=AuditAction.SESSIONS_ENDED, subject=person.get_username(), request=request)
    messages.success(
        request, _("Every session of %(name)s is ended.") % {"name": person.get_username()}
    )
    return redirect("accounts_people")


@require_POST
def lift_lock(request: HttpRequest, attempt_id: int) -> HttpResponse:
    _administrator(request)
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    record(
        action=AuditAction.LOCK_LIFTED,
        subject=attempt.username or "",
        request=request,
        details={"address": attempt.ip_address, "failures": attempt.failures_since_start},
    )
    # Every browser this name was tried from at that address.
    AccessAttempt.objects.filter(username=attempt.username, ip_address=attempt.ip_address).delete()
    messages.success(request, _("The lock is lifted."))
    return redirect("accounts_people")
