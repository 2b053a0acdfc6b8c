"""Publishing rules for articles, as Wagtail actions: what happens to the times of a
story when it goes live or is updated."""

from django.utils import timezone
from wagtail.actions.publish_revision import PublishRevisionAction


class PublishArticleAction(PublishRevisionAction):
    """Wagtail's publish, plus the article's own times.

    The publication time readers see is fixed when the article first goes live (at its
    scheduled time, if it had one) unless the editor set it; a later publish of an
    already published article marks it updated.
    """

    def _publish_revision(
        self, revision, object, user, changed, log_action, previous_revision=None
    ):
        now = timezone.now()
        if not (object.go_live_at and object.go_live_at > now):
            # The revision may predate the first publish, so the stored times are the truth
            # unless the editor typed a publication time.
            stored_published_at, stored_updated_at = (
                type(object)
                .objects.filter(pk=object.pk)
                .values_list("published_at", "updated_at")
                .first()
            ) or (None, None)
            object.published_at = (
                object.published_at or stored_published_at or min(object.go_live_at or now, now)
            )
            object.updated_at = stored_updated_at
            if object.first_published_at is not None and changed:
                object.updated_at = now
        super()._publish_revision(revision, object, user, changed, log_action, previous_revision)
