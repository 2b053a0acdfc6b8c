"""Publishing rules for articles, as Wagtail actions: what happens to the times of a
story when it goes live or is updated."""

from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.actions.publish_revision import PublishRevisionAction

from .approval import check_second_approval
from .renditions import images_in, make_reader_renditions
from .signals import live_article_changed
from .snapshots import ArticleSnapshot


class PublishArticleAction(PublishRevisionAction):
    """Wagtail's publish, plus the article's own times.

    The publication time readers see is fixed when the article first goes live (at its
    scheduled time, if it had one) unless the editor set it; a later publish of an
    already published article marks it updated, unless the editor marked the edit
    minor (a typo, a link) and it adds no correction. A correction is dated when it is
    first published, unless the editor dated it.
    """

    def execute(self, skip_permission_checks=False):
        # What readers will be shown of the story's images is made first, outside the
        # transaction (no write lock held while a photograph is resized), and after
        # Wagtail's permission check: its first readers then resize nothing.
        PublishRevisionAction.check(self, skip_permission_checks=skip_permission_checks)
        make_reader_renditions(self.object.main_image, images_in(self.object.body))
        # One transaction: the story, its times, its lists and the outboxes written by
        # live_article_changed (purges, WebSub, Telegram) are kept together or not at all.
        with transaction.atomic():
            return super().execute(skip_permission_checks=skip_permission_checks)

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        # An urgent item (or any at night, if the site says so) needs a second editor.
        self.second_approval, self.written_by = check_second_approval(self.object, self.user)

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
            if (
                object.published_at
                and stored_published_at
                and abs(object.published_at - stored_published_at) < timedelta(milliseconds=1)
            ):
                # A revision keeps times to the millisecond; the stored time is the same one.
                object.published_at = stored_published_at
            object.published_at = (
                object.published_at or stored_published_at or min(object.go_live_at or now, now)
            )
            object.updated_at = stored_updated_at
            corrected = _time_new_corrections(object, now)
            if object.translated_from_id and object.brought_up_to_date:
                object.source_seen_at = now  # the translator says it matches its source
            if object.first_published_at is not None and (
                corrected or (changed and not object.minor_edit)
            ):
                object.updated_at = now
        live_before = (
            type(object)
            .objects.filter(pk=object.pk, live=True, published_at__isnull=False)
            .select_related("locale")
            .first()
        )
        before = ArticleSnapshot.of(live_before) if live_before else None
        super()._publish_revision(revision, object, user, changed, log_action, previous_revision)
        if self.second_approval and user is not None:
            # By name: the models call this action (Article.publish).
            apps.get_model("newsroom", "SecondApproval").objects.create(
                article=object,
                approved_by=user,
                conditions=self.second_approval,
                written_by=sorted(
                    get_user_model()
                    .objects.filter(pk__in=self.written_by)
                    .values_list("username", flat=True)
                ),
            )
        if object.live and object.live_revision_id == revision.pk:
            object.sync_listed_links()
            live_article_changed.send(
                sender=type(object),
                article=object,
                before=before,
                after=ArticleSnapshot.of(object),
            )


def _time_new_corrections(article, now) -> bool:
    """Date the article's corrections that have no time yet (now); whether any
    correction is new or says something new since the stored version."""
    stored = dict(
        article.corrections.model.objects.filter(article_id=article.pk).values_list("pk", "text")
    )
    corrected = False
    for correction in article.corrections.all():
        if correction.made_at is None:
            correction.made_at = now
        if stored.get(correction.pk) != correction.text:
            corrected = True
    return corrected
