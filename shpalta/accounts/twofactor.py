"""Second factors of the newsroom's accounts, on django-otp: an authenticator app (TOTP),
single-use recovery codes and, added later, passkeys (passkeys.py). Every admin URL needs
a session verified by one of them."""

import re
from dataclasses import dataclass

import django_otp
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from .audit import record
from .models import AuditAction
from .sessions import end_sessions

RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


class CodeRefusedError(ValueError):
    """A code that opens nothing; `throttled` when too many wrong ones came before it."""

    def __init__(self, *, throttled: bool = False):
        super().__init__("throttled" if throttled else "wrong code")
        self.throttled = throttled


@dataclass(frozen=True)
class Verified:
    device: TOTPDevice | StaticDevice
    recovery_codes_left: int | None = None  # set when a recovery code was spent


def normalised(code: str) -> str:
    """What people type: spaces and dashes between groups, either case."""
    return re.sub(r"[\s\-]", "", code or "").lower()[:32]


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def remove_passkey(*, user, passkey_id: int, request: HttpRequest) -> bool:
    """A user's own passkey goes (a lost key, a retired laptop); False if it was not theirs."""
    removed, _kinds = WebAuthnCredential.objects.filter(user=user, pk=passkey_id).delete()
    if removed:
        record(action=AuditAction.PASSKEY_REMOVED, subject=user.get_username(), request=request)
    return bool(removed)


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being enrolled: the same secret until it is confirmed, so the QR
    code does not change under someone scanning it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


@transaction.atomic
def renew_recovery_codes(*, user, request: HttpRequest | None = None) -> list[str]:
    """A fresh set of single-use codes; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    record(action=AuditAction.RECOVERY_CODES_RENEWED, subject=user.get_username(), request=request)
    return codes


def enrol_authenticator(*, request: HttpRequest, code: str) -> list[str]:
    """Confirm the pending authenticator with a code it shows; the session becomes verified
    (under a new session key) and the user gets their recovery codes, shown once."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=pending_authenticator(user).pk)
        throttled = not device.verify_is_allowed()[0]
        if throttled or not device.verify_token(normalised(code)):
            raise CodeRefusedError(throttled=throttled)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(action=AuditAction.DEVICE_ENROLLED, subject=user.get_username(), request=request)
    codes = renew_recovery_codes(user=user, request=request)
    _verify_session(request, device)
    return codes


def verify(*, request: HttpRequest, code: str) -> Verified:
    """Check a code from the user's authenticator or one of their recovery codes. A TOTP
    code is accepted once (django-otp remembers the last time step used); a recovery code
    is deleted when used; wrong codes slow the next tries down (django-otp's throttling)."""
    user = request.user
    token = normalised(code)
    throttled = False
    # Six digits are an authenticator's code, anything else a recovery code: a wrong try
    # slows down only the kind of device it was meant for.
    kind = TOTPDevice if re.fullmatch(r"\d{6}", token) else StaticDevice
    for device in kind.objects.devices_for_user(user, confirmed=True):
        if not device.verify_is_allowed()[0]:
            throttled = True  # paused by earlier wrong codes: even a right one waits
            continue
        if django_otp.verify_token(user, device.persistent_id, token):
            _verify_session(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                record(
                    action=AuditAction.RECOVERY_CODE_USED,
                    request=request,
                    details={"codes_left": left},
                )
                return Verified(device=device, recovery_codes_left=left)
            record(action=AuditAction.SECOND_FACTOR, request=request)
            return Verified(device=device)
    record(action=AuditAction.SECOND_FACTOR_FAILED, request=request)
    raise CodeRefusedError(throttled=throttled)


def _verify_session(request: HttpRequest, device) -> None:
    django_otp.login(request, device)
    # A session verified by a second factor gets a new key: one fixed before is useless.
    request.session.cycle_key()


@transaction.atomic
def reset_devices(*, user, request: HttpRequest | None = None) -> None:
    """An administrator's answer to a lost phone or a stolen account: every device goes,
    every session ends, and the next sign-in enrols a new authenticator."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()
    end_sessions(user=user)
    record(action=AuditAction.DEVICES_RESET, subject=user.get_username(), request=request)


def give_authenticator(*, user) -> TOTPDevice:
    """A confirmed authenticator made on the server, for the demo accounts, whose codes
    `manage.py demo_code` prints. Real accounts enrol their own phone."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=True)
