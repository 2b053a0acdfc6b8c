"""A second pair of eyes: publishing an item that meets a condition of SECOND_APPROVAL
("urgent": marked urgent; "night": published outside SECOND_APPROVAL_HOURS, Kyiv time)
needs an editor who did not write it. Who wrote it: whoever saved a change to it (or
submitted it for review) since it was last published. Enforced by the publishing action
(actions.PublishArticleAction), so every way of publishing obeys it, and recorded.
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.checks import Error, register
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from shpalta.editions.dates import kyiv_time

CONDITIONS = ("urgent", "night")
_CHANGES = ("wagtail.create", "wagtail.edit")


class SecondApprovalRequiredError(PermissionDenied):
    pass


def _hours() -> tuple[time, time]:
    start, _, end = settings.SECOND_APPROVAL_HOURS.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def conditions_met(article, at: datetime | None = None) -> list[str]:
    """Which conditions of SECOND_APPROVAL publishing this article now meets."""
    met = []
    if "urgent" in settings.SECOND_APPROVAL and article.is_urgent:
        met.append("urgent")
    if "night" in settings.SECOND_APPROVAL:
        start, end = _hours()
        now = kyiv_time(at or timezone.now()).time()
        # The day's hours may run past midnight (18:00-02:00).
        day = start <= now < end if start <= end else (now >= start or now < end)
        if not day:
            met.append("night")
    return met


def writers(article) -> set[int]:
    """Who changed the article or submitted it since it was last published."""
    kind = ContentType.objects.get_for_model(type(article))
    entries = ModelLogEntry.objects.filter(content_type=kind, object_id=str(article.pk))
    last_publish = (
        entries.filter(action="wagtail.publish")
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
    ).first()
    since = entries.filter(timestamp__gt=last_publish) if last_publish else entries
    changed = since.filter(action__in=_CHANGES, content_changed=True)
    submitted = since.filter(action="wagtail.workflow.start")
    return {
        pk
        for pk in [
            *changed.values_list("user_id", flat=True),
            *submitted.values_list("user_id", flat=True),
        ]
        if pk is not None
    }


def refusal(met: list[str]) -> str:
    """Why the item cannot be published by its writer, in the admin's language."""
    reasons = {"urgent": _("it is marked urgent"), "night": _("it is night")}
    return _(
        "Not published: %(reasons)s, so another editor, who did not write or change it, "
        "must publish it. Save it and ask a colleague, or submit it for review."
    ) % {"reasons": ", ".join(str(reasons[c]) for c in met)}


def check_second_approval(article, user) -> tuple[list[str], set[int]]:
    """The conditions met and who wrote the article (to record) when `user` may publish
    it; raises SecondApprovalRequiredError when they wrote it."""
    met = conditions_met(article)
    if not met or user is None:
        return met, set()
    written_by = writers(article)
    if user.pk in written_by:
        raise SecondApprovalRequiredError(refusal(met))
    return met, written_by


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    unknown = set(settings.SECOND_APPROVAL) - set(CONDITIONS)
    if unknown:
        errors.append(
            Error(
                f"SECOND_APPROVAL names {', '.join(sorted(unknown))}: the conditions are "
                f"{', '.join(CONDITIONS)} (comma-separated), or empty for none.",
                id="shpalta.E101",
            )
        )
    try:
        _hours()
    except ValueError:
        errors.append(
            Error(
                f"SECOND_APPROVAL_HOURS is {settings.SECOND_APPROVAL_HOURS!r}: write the day's "
                "hours as HH:MM-HH:MM, Kyiv time (07:00-23:00).",
                id="shpalta.E102",
            )
        )
    return errors
