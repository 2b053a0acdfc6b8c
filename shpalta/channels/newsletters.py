"""Each edition's e-mail newsletters: the morning digest and breaking-news alerts.

A reader subscribes with an address (double opt-in: the confirmation e-mail carries a
signed link); every e-mail carries a one-click unsubscribe link and the
List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058). Nothing is sent from a
request: subscribing asks for a confirmation e-mail, publishing an urgent story writes an
alert (Mailing) in its transaction, and the scheduler (`send_pending`, one of
SCHEDULED_JOBS) writes the day's digest at NEWSLETTER_DIGEST_TIME, lists each issue's
recipients once, and sends them in batches through SMTP (Django's mailer). A delivery is
marked SENDING, a batch at a time, before it leaves: after a crash the rest of the
issue goes on, and no one gets the same issue twice.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shpalta.editions.dates import kyiv_time
from shpalta.editions.registry import get_edition
from shpalta.newsroom.models import Article, TopStory
from shpalta.syndication.links import absolute

from .models import Delivery, Mailing, Subscriber

logger = logging.getLogger(__name__)
BATCH = 50
DIGEST_STORIES = 10
DIGEST_LATE = timedelta(hours=3)  # how late a day's digest may still be written
_CONFIRM, _LEAVE = "newsletter-confirm", "newsletter-unsubscribe"
CONFIRM_DAYS = 7
UNSUBSCRIBE_SLOT = "{{unsubscribe}}"  # where each recipient's own link goes


class BadLinkError(ValueError):
    """A confirmation or unsubscribe link that was not made by us, or has expired."""

    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "forged")
        self.expired = expired


# Subscribing ------------------------------------------------------------------------


def subscribe(email: str, edition: str, *, digest: bool, breaking: bool) -> tuple[Subscriber, bool]:
    """Ask for `email` to get the edition's newsletters: a confirmation e-mail is queued
    for the scheduler (again, with the lists chosen now, for an address not confirmed
    yet). (subscriber, True) for an address confirmed already: nothing changes (only the
    address's owner may, by unsubscribing and subscribing again)."""
    email = email.strip().lower()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, edition=edition, defaults={"digest": digest, "breaking": breaking}
        )
        if subscriber.confirmed_at is not None:
            return subscriber, True
        if not created:
            subscriber.digest, subscriber.breaking = digest, breaking
            subscriber.confirmation_asked_at = timezone.now()
            subscriber.save()
    return subscriber, False


def confirmation_token(subscriber: Subscriber) -> str:
    return signing.TimestampSigner(salt=_CONFIRM).sign_object([subscriber.pk, subscriber.email])


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.Signer(salt=_LEAVE).sign_object([subscriber.pk, subscriber.email])


def confirm(token: str) -> Subscriber:
    """The subscriber a confirmation link names, now confirmed."""
    try:
        pk, email = signing.TimestampSigner(salt=_CONFIRM).unsign_object(
            token, max_age=timedelta(days=CONFIRM_DAYS)
        )
    except signing.SignatureExpired as expired:
        raise BadLinkError(expired=True) from expired
    except (signing.BadSignature, ValueError, TypeError) as forged:
        raise BadLinkError(expired=False) from forged
    subscriber = _named(pk, email)
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


def subscriber_leaving(token: str) -> Subscriber | None:
    """The subscriber an unsubscribe link names; None when it is gone already
    (BadLinkError for a link we did not make)."""
    try:
        pk, email = signing.Signer(salt=_LEAVE).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError) as forged:
        raise BadLinkError(expired=False) from forged
    return Subscriber.objects.filter(pk=pk, email=email).first()


def _named(pk, email) -> Subscriber:
    subscriber = Subscriber.objects.filter(pk=pk, email=email).first()
    if subscriber is None:  # unsubscribed already, or deleted on request
        raise BadLinkError(expired=False)
    return subscriber


# What goes out ------------------------------------------------------------------------


def queue_alert(article: Article, *, before, after) -> None:
    """An urgent story that goes live now becomes a breaking-news alert, sent after the
    undo window; taken down before that, the alert is cancelled (live_article_changed)."""
    edition = article.locale.language_code
    if after is None or not article.is_urgent:
        Mailing.objects.filter(
            kind=Mailing.Kind.BREAKING, article=article, state=Mailing.State.WAITING
        ).update(state=Mailing.State.CANCELLED)
        return
    if before is not None or article.published_at < timezone.now() - timedelta(hours=1):
        return  # an edit, or a story dated back: not news to send now
    Mailing.objects.get_or_create(
        kind=Mailing.Kind.BREAKING,
        article=article,
        defaults={
            "edition": edition,
            "due_at": timezone.now() + timedelta(seconds=settings.PUBLISH_UNDO_SECONDS),
        },
    )


def cancel(mailing: Mailing) -> bool:
    """Keep a waiting alert from going out; False once it has started (or was cancelled)."""
    return bool(
        Mailing.objects.filter(pk=mailing.pk, state=Mailing.State.WAITING).update(
            state=Mailing.State.CANCELLED
        )
    )


def queue_digests(now: datetime | None = None) -> None:
    """Write each edition's digest of the day once its time (Kyiv) has come."""
    now = now or timezone.now()
    local = kyiv_time(now)
    hours, minutes = (int(part) for part in settings.NEWSLETTER_DIGEST_TIME.split(":"))
    start = local.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    if start > local:
        start -= timedelta(days=1)  # the last time it came: yesterday's
    if local - start > DIGEST_LATE:
        return  # a scheduler that was down at the time sends no stale digest
    for code in settings.NEWSLETTER_EDITIONS:
        Mailing.objects.get_or_create(
            kind=Mailing.Kind.DIGEST, edition=code, day=start.date(), defaults={"due_at": now}
        )


def digest_stories(edition: str, now: datetime) -> list[Article]:
    """The editors' top stories, then the last day's urgent items, then its latest news."""
    live = Article.objects.live().in_edition(edition).select_related("locale").newest_first()
    chosen_ids = list(
        TopStory.objects.filter(front_page__locale__language_code=edition)
        .order_by("sort_order")
        .values_list("article_id", flat=True)
    )
    chosen = {article.pk: article for article in live.filter(pk__in=chosen_ids)}
    stories = [chosen[pk] for pk in chosen_ids if pk in chosen]
    day = live.filter(published_at__gte=now - timedelta(days=1)).exclude(pk__in=chosen)
    for article in [*day.filter(is_urgent=True)[:DIGEST_STORIES], *day[:DIGEST_STORIES]]:
        if len(stories) < DIGEST_STORIES and article not in stories:
            stories.append(article)
    return stories


def _write(mailing: Mailing) -> bool:
    """Fill in the issue's subject and parts (in its edition's language); False when it
    has nothing to say (a digest of a day without stories)."""
    now = timezone.now()
    if mailing.kind == Mailing.Kind.BREAKING:
        stories = [mailing.article] if mailing.article and mailing.article.live else []
    else:
        stories = digest_stories(mailing.edition, now)
    if not stories:
        return False
    edition = get_edition(mailing.edition)
    with translation.override(edition.code):
        if mailing.kind == Mailing.Kind.BREAKING:
            mailing.subject = _("Urgent: %(headline)s") % {"headline": stories[0].headline}
        else:
            mailing.subject = _("%(site)s: the morning digest, %(day)s") % {
                "site": settings.PUBLISHER_NAME,
                "day": f"{kyiv_time(now):%d.%m.%Y}",
            }
        context = {
            "mailing": mailing,
            "stories": [(story, absolute(story.get_absolute_url())) for story in stories],
            "edition": edition,
            "site_url": absolute(f"/{edition.prefix}"),
            "publisher_name": settings.PUBLISHER_NAME,
            "unsubscribe_url": UNSUBSCRIBE_SLOT,
        }
        mailing.text = render_to_string("channels/email/issue.txt", context)
        mailing.html = render_to_string("channels/email/issue.html", context)
    return True


def send_pending() -> int:
    """One of SCHEDULED_JOBS: confirmations asked for, the day's digests, and every issue
    that is due; the number of e-mails sent."""
    queue_digests()
    try:
        sent = _send_confirmations()
    except OSError as problem:  # the SMTP server cannot be reached: the next run tries
        logger.warning("Newsletter: confirmations not sent: %s", problem)
        return 0
    for mailing in Mailing.objects.filter(
        state__in=[Mailing.State.WAITING, Mailing.State.SENDING], due_at__lte=timezone.now()
    ).order_by("due_at", "id"):
        if mailing.state == Mailing.State.WAITING and not _start(mailing):
            continue
        sent += _send_batches(mailing)
    return sent


def _start(mailing: Mailing) -> bool:
    """Write the issue and list its recipients, in one transaction, once."""
    with transaction.atomic():
        if not _write(mailing):
            mailing.state = Mailing.State.CANCELLED
            mailing.save(update_fields=["state"])
            return False
        wanted = {"digest": True} if mailing.kind == Mailing.Kind.DIGEST else {"breaking": True}
        recipients = Subscriber.objects.filter(
            edition=mailing.edition, confirmed_at__isnull=False, **wanted
        ).values_list("pk", flat=True)
        Delivery.objects.bulk_create(
            [Delivery(mailing=mailing, subscriber_id=pk) for pk in recipients],
            ignore_conflicts=True,
            batch_size=1000,
        )
        mailing.state = Mailing.State.SENDING
        mailing.save(update_fields=["state", "subject", "text", "html"])
    return True


def _send_batches(mailing: Mailing) -> int:
    """Send the issue's queued deliveries, BATCH over each SMTP connection; stop at the
    first failure of the server (the next run goes on from there)."""
    sent = 0
    queued = Delivery.objects.filter(mailing=mailing, state=Delivery.State.QUEUED)
    while batch := list(queued.select_related("subscriber").order_by("id")[:BATCH]):
        try:
            sent += _deliver(mailing, batch)
        except OSError as problem:  # the server refused us, or cannot be reached
            logger.warning("Newsletter %s: SMTP failed, trying later: %s", mailing, problem)
            return sent
    Mailing.objects.filter(pk=mailing.pk).update(state=Mailing.State.SENT)
    return sent


def _deliver(mailing: Mailing, batch: list[Delivery]) -> int:
    """Send a batch over one SMTP connection. Each delivery is claimed (SENDING,
    committed) just before it leaves and marked SENT after: a crash, or a server that
    stops answering in the middle of a message, leaves at most one in doubt, and that
    one is not sent again. A refusal with a code is not sent: it is queued again."""
    sent = 0
    with mailers.default as connection:
        for delivery in batch:
            claimed = Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.QUEUED)
            if not claimed.update(state=Delivery.State.SENDING):
                continue
            try:
                connection.send_messages([_message(mailing, delivery.subscriber)])
            except smtplib.SMTPRecipientsRefused as refused:  # this address only: go on
                delivery.state, delivery.last_error = Delivery.State.FAILED, str(refused)[:300]
            except smtplib.SMTPResponseException as refused:  # the server said no: not sent
                Delivery.objects.filter(pk=delivery.pk).update(
                    state=Delivery.State.QUEUED,
                    attempts=delivery.attempts + 1,
                    last_error=str(refused)[:300],
                )
                raise
            except OSError as problem:  # no answer, or cut off: it may have gone
                Delivery.objects.filter(pk=delivery.pk).update(last_error=str(problem)[:300])
                raise
            else:
                delivery.state, delivery.sent_at = Delivery.State.SENT, timezone.now()
                sent += 1
            delivery.save(update_fields=["state", "last_error", "sent_at"])
    return sent


def _message(mailing: Mailing, subscriber: Subscriber) -> EmailMultiAlternatives:
    leave = unsubscribe_url(subscriber)
    message = EmailMultiAlternatives(
        subject=mailing.subject,
        body=mailing.text.replace(UNSUBSCRIBE_SLOT, leave),
        from_email=settings.NEWSLETTER_FROM,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{settings.PUBLISHER_NAME} {mailing.edition} <{mailing.kind}."
            f"{mailing.edition}.newsletter.{settings.SITE_URL.split('://')[-1]}>",
        },
    )
    message.attach_alternative(mailing.html.replace(UNSUBSCRIBE_SLOT, leave), "text/html")
    return message


def unsubscribe_url(subscriber: Subscriber) -> str:
    with translation.override(subscriber.edition):
        path = reverse("reader:newsletter_unsubscribe", args=[unsubscribe_token(subscriber)])
    return absolute(path)


def _send_confirmations() -> int:
    waiting = Subscriber.objects.filter(
        Q(confirmation_sent_at__isnull=True)
        | Q(confirmation_sent_at__lt=F("confirmation_asked_at")),
        confirmed_at__isnull=True,
    )
    sent = 0
    batch = list(waiting.order_by("id")[:BATCH])
    if not batch:
        return 0
    with mailers.default as connection:
        for subscriber in batch:
            edition = get_edition(subscriber.edition)
            with translation.override(edition.code):
                link = absolute(
                    reverse("reader:newsletter_confirm", args=[confirmation_token(subscriber)])
                )
                context = {
                    "link": link,
                    "days": CONFIRM_DAYS,
                    "subscriber": subscriber,
                    "publisher_name": settings.PUBLISHER_NAME,
                }
                message = EmailMultiAlternatives(
                    subject=_("Confirm your subscription to %(site)s")
                    % {"site": settings.PUBLISHER_NAME},
                    body=render_to_string("channels/email/confirm.txt", context),
                    from_email=settings.NEWSLETTER_FROM,
                    to=[subscriber.email],
                )
            try:
                connection.send_messages([message])
            except smtplib.SMTPRecipientsRefused:
                logger.warning("Newsletter: confirmation to %s refused", subscriber.pk)
            except OSError as problem:
                logger.warning("Newsletter: confirmation not sent, trying later: %s", problem)
                break
            Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())
            sent += 1
    return sent
