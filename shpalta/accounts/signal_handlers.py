"""Connects the audit trail to what Django, django-axes, django-otp and Wagtail announce."""

import time

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, PageLogEntry

from .audit import record
from .models import AuditAction
from .sessions import SIGNED_IN_AT, end_sessions

User = get_user_model()

# Wagtail's log actions that the audit trail repeats, with the address they came from.
CONTENT_ACTIONS = {
    "wagtail.publish": AuditAction.PUBLISHED,
    "wagtail.unpublish": AuditAction.UNPUBLISHED,
    "wagtail.delete": AuditAction.DELETED,
    "wagtail.publish.schedule": AuditAction.SCHEDULED,
    "wagtail.schedule.cancel": AuditAction.SCHEDULE_CANCELLED,
}
# Any change to an ad slot changes code that runs on every page.
AD_ACTIONS = {"wagtail.create", "wagtail.edit", "wagtail.delete"}


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = time.time()
    record(action=AuditAction.SIGN_IN, user=user, request=request)


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "sign_out_reason", "")
        record(
            action=AuditAction.SIGN_OUT,
            user=user,
            request=request,
            details={"reason": reason} if reason else None,
        )


def _refused_while_locked(request) -> bool:
    """django-axes refused the try before checking the password: the account was already
    locked for this address (a counted failure sets axes_failures_since_start)."""
    return bool(getattr(request, "axes_locked_out", False)) and (
        getattr(request, "axes_failures_since_start", None) is None
    )


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    record(
        action=AuditAction.SIGN_IN_FAILED,
        username=str(credentials.get("username", "")),
        request=request,
        details={"refused": "locked"} if _refused_while_locked(request) else None,
    )


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    if not _refused_while_locked(request):
        record(action=AuditAction.LOCKED_OUT, username=username or "", request=request)


@receiver(pre_save, sender=User)
def note_user_before(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # last_login on every sign-in, not worth a query
    instance._audit_before = (
        User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    )


@receiver(post_save, sender=User)
def user_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        record(action=AuditAction.USER_CREATED, subject=instance.get_username())
        return
    before = getattr(instance, "_audit_before", None)
    instance._audit_before = None
    if not before:
        return
    if before["password"] != instance.password:
        record(action=AuditAction.PASSWORD_CHANGED, subject=instance.get_username())
    if before["is_active"] != instance.is_active:
        if instance.is_active:
            record(action=AuditAction.USER_REACTIVATED, subject=instance.get_username())
        else:
            record(action=AuditAction.USER_DEACTIVATED, subject=instance.get_username())
            end_sessions(user=instance)


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or reverse:
        return
    from django.contrib.auth.models import Group

    names = sorted(Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
    change = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    if action != "post_clear" and not names:
        return
    record(
        action=AuditAction.ROLES_CHANGED,
        subject=instance.get_username(),
        details={change: names, "roles": sorted(instance.groups.values_list("name", flat=True))},
    )


def _content_logged(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is not None and model._meta.label == "ads.AdSlot" and instance.action in AD_ACTIONS:
        action = AuditAction.AD_CODE_CHANGED
    elif instance.action in CONTENT_ACTIONS:
        action = CONTENT_ACTIONS[instance.action]
    else:
        return
    record(
        action=action,
        user=instance.user,
        subject=instance.label,
        details={
            "type": model._meta.label if model else "",
            "id": str(instance.object_id),
            "wagtail_action": instance.action,
        },
    )


post_save.connect(_content_logged, sender=PageLogEntry, dispatch_uid="audit-page-log")
post_save.connect(_content_logged, sender=ModelLogEntry, dispatch_uid="audit-model-log")
