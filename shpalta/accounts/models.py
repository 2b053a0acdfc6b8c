"""What the newsroom's accounts keep beside Django's users: when their sessions stop being
valid, and the audit trail of who signed in and who published what, from where."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Account(models.Model):
    """Security state of one user. Sessions begun before `sessions_valid_after` are
    refused: how a device reset, a password change or a frozen account ends them all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security"
    )
    sessions_valid_after = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("account security")

    def __str__(self):
        return f"{self.user} (sessions valid after {self.sessions_valid_after:%Y-%m-%d %H:%M})"


class AuditAction(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in with password")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGN_OUT = "sign_out", _("Signed out")
    LOCKED_OUT = "locked_out", _("Locked out after failed sign-ins")
    LOCK_LIFTED = "lock_lifted", _("Sign-in lock lifted")
    SECOND_FACTOR = "second_factor", _("Second factor verified")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Second factor refused")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    DEVICE_ENROLLED = "device_enrolled", _("Authenticator enrolled")
    PASSKEY_ADDED = "passkey_added", _("Passkey added")
    PASSKEY_REMOVED = "passkey_removed", _("Passkey removed")
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Recovery codes renewed")
    DEVICES_RESET = "devices_reset", _("Two-factor devices reset")
    SESSIONS_ENDED = "sessions_ended", _("Sessions ended")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    USER_CREATED = "user_created", _("User created")
    USER_DEACTIVATED = "user_deactivated", _("User deactivated")
    USER_REACTIVATED = "user_reactivated", _("User reactivated")
    ROLES_CHANGED = "roles_changed", _("Roles changed")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    DELETED = "deleted", _("Deleted")
    SCHEDULED = "scheduled", _("Scheduled to publish")
    SCHEDULE_CANCELLED = "schedule_cancelled", _("Schedule cancelled")
    AD_CODE_CHANGED = "ad_code_changed", _("Ad code changed")


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit records are written once and never changed.")


class AuditRecord(models.Model):
    """One thing that happened to an account or through it. Written once: the admin has no
    view that edits or deletes a record, and the model refuses to be saved twice."""

    timestamp = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=32, choices=AuditAction.choices, db_index=True)
    # Who acted; None for a failed sign-in or a lockout, where `username` says who was tried.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    # What it was done to: a user's name, an article's headline with its edition.
    subject = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-timestamp", "-pk"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit trail")

    def __str__(self):
        return f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.action} {self.username}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit records are written once and never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit records are kept; they are not deleted one by one.")
