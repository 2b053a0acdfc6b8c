"""The Telegram outbox: what each edition's channel should show of a story, and what it
shows. Written in the publishing transaction, carried out by the scheduler."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shpalta.editions.dates import kyiv_time


class TelegramPost(models.Model):
    """One story on one edition's channel.

    The publishing transaction says what is wanted (`wanted`: the story is live and meant
    for the channel) and marks the row `pending`; the scheduler (telegram.send_pending)
    then makes the channel agree: it posts the story once `due_at` (the undo window) has
    passed, edits the message when the headline, lead or image changed, deletes it when
    the story is taken down. `message_id` is what Telegram holds; a post is never sent
    again once it may have reached the channel (state SENDING is written before the call).
    """

    class State(models.TextChoices):
        WAITING = "waiting", gettext_lazy("waiting")
        SENDING = "sending", gettext_lazy("sending")
        SENT = "sent", gettext_lazy("sent")
        FAILED = "failed", gettext_lazy("failed")
        CANCELLED = "cancelled", gettext_lazy("cancelled")
        DELETED = "deleted", gettext_lazy("deleted")

    article = models.ForeignKey(
        "newsroom.Article",
        verbose_name=gettext_lazy("article"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edition = models.CharField(gettext_lazy("edition"), max_length=8)
    chat = models.CharField(gettext_lazy("channel"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    wanted = models.BooleanField(default=True)
    pending = models.BooleanField(default=True)
    wished_at = models.DateTimeField(default=timezone.now)  # when publishing last wrote here
    due_at = models.DateTimeField(gettext_lazy("posting time"), default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        gettext_lazy("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(gettext_lazy("reason"), max_length=300, blank=True)
    maybe_sent = models.BooleanField(
        default=False, help_text="Telegram did not answer a post: it may be on the channel."
    )
    message_id = models.BigIntegerField(null=True, blank=True)
    sent_text = models.TextField(blank=True)
    sent_photo = models.URLField(max_length=500, blank=True)
    sent_at = models.DateTimeField(gettext_lazy("posted at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = gettext_lazy("Telegram post")
        verbose_name_plural = gettext_lazy("Telegram posts")
        constraints = [
            models.UniqueConstraint(fields=["article", "chat"], name="one_post_per_channel")
        ]
        indexes = [models.Index(fields=["pending", "next_attempt_at"], name="telegram_due")]

    def __str__(self) -> str:
        return f"{self.chat} #{self.article_id}: {self.state}"

    def explanation(self) -> str:
        """The state in a sentence for the newsroom, in the admin's language."""
        problem = self.last_error
        if self.state == self.State.CANCELLED:
            if self.cancelled_by_id:
                return _("Cancelled by %(name)s.") % {"name": self.cancelled_by.get_username()}
            return _("Taken down before it was posted.")
        if self.maybe_sent:
            return _(
                "Telegram did not answer (%(problem)s): the post may be on the channel, so "
                "it is not sent again."
            ) % {"problem": problem}
        if self.state == self.State.FAILED:
            return _("Telegram refused it: %(problem)s") % {"problem": problem}
        if self.pending and problem:
            return _("Failed (%(problem)s); trying again at %(time)s.") % {
                "problem": problem,
                "time": f"{kyiv_time(self.next_attempt_at):%H:%M:%S}",
            }
        if self.state == self.State.WAITING:
            return _("Posting at %(time)s.") % {"time": f"{kyiv_time(self.due_at):%H:%M:%S}"}
        if self.pending:
            return _("Being brought up to date.")
        return ""

    @property
    def url(self) -> str:
        """The message on the channel, for a public channel named @like_this."""
        if self.message_id is None or not self.chat.startswith("@"):
            return ""
        return f"https://t.me/{self.chat[1:]}/{self.message_id}"


class Subscriber(models.Model):
    """A reader on an edition's newsletters: the morning digest, breaking news or both.
    Counts only once the address is confirmed (double opt-in: the link in the e-mail
    the scheduler sends); the address is kept for nothing else, and deleting the row
    forgets it."""

    email = models.EmailField(gettext_lazy("e-mail address"))
    edition = models.CharField(gettext_lazy("edition"), max_length=8)
    digest = models.BooleanField(gettext_lazy("morning digest"), default=True)
    breaking = models.BooleanField(gettext_lazy("breaking news"), default=True)
    created_at = models.DateTimeField(gettext_lazy("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(gettext_lazy("confirmed at"), null=True, blank=True)
    confirmation_asked_at = models.DateTimeField(default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = gettext_lazy("newsletter subscriber")
        verbose_name_plural = gettext_lazy("newsletter subscribers")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "edition"], name="one_subscription_per_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.edition})"


class Mailing(models.Model):
    """One issue of a newsletter: an edition's morning digest of a day, or a breaking-news
    alert of one urgent story. Its recipients (Delivery) are listed when it starts, from
    the confirmed subscribers of that moment; the scheduler sends them in batches."""

    class Kind(models.TextChoices):
        DIGEST = "digest", gettext_lazy("morning digest")
        BREAKING = "breaking", gettext_lazy("breaking news")

    class State(models.TextChoices):
        WAITING = "waiting", gettext_lazy("waiting")
        SENDING = "sending", gettext_lazy("sending")
        SENT = "sent", gettext_lazy("sent")
        CANCELLED = "cancelled", gettext_lazy("cancelled")

    kind = models.CharField(gettext_lazy("kind"), max_length=10, choices=Kind.choices)
    edition = models.CharField(gettext_lazy("edition"), max_length=8)
    day = models.DateField(null=True, blank=True)  # a digest's (Kyiv) day
    article = models.ForeignKey(
        "newsroom.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(gettext_lazy("sending time"), default=timezone.now)
    state = models.CharField(
        gettext_lazy("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    subject = models.CharField(gettext_lazy("subject"), max_length=300, blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)

    class Meta:
        verbose_name = gettext_lazy("newsletter issue")
        verbose_name_plural = gettext_lazy("newsletter issues")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "edition", "day"],
                condition=models.Q(kind="digest"),
                name="one_digest_a_day",
            ),
            models.UniqueConstraint(
                fields=["kind", "article"],
                condition=models.Q(kind="breaking"),
                name="one_alert_a_story",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.edition} {self.day or self.article_id}"


class Delivery(models.Model):
    """One issue to one subscriber. QUEUED, then SENDING (committed before the message
    leaves, a batch at a time), then SENT; a delivery found SENDING after a crash may
    have gone and is not sent again."""

    class State(models.TextChoices):
        QUEUED = "queued", gettext_lazy("queued")
        SENDING = "sending", gettext_lazy("sending")
        SENT = "sent", gettext_lazy("sent")
        FAILED = "failed", gettext_lazy("failed")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="one_delivery_each")
        ]
        indexes = [models.Index(fields=["state", "mailing"], name="delivery_state")]

    def __str__(self) -> str:
        return f"{self.mailing} → {self.subscriber_id}: {self.state}"
