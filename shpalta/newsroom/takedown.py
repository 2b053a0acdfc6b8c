"""Panic unpublish: the duty editor takes a set of live articles down in one action (and
can put the same set back), and freezes an account that may be in other hands.

Each article goes through Wagtail's unpublish, so everything an unpublish does happens to
each: the page cache and the edge caches are purged of every page, list, feed, sitemap and
API answer that showed it, the hub hears of the feeds that changed, its schedules are
cancelled, and the admin's history and the audit trail record it. All of it in one
transaction with the Takedown record: either the whole set goes, or none of it.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, Revision

from shpalta.editions.registry import EDITIONS

from .models import Article, Takedown

# An article's address, whole or as a path, in any edition: /rus/news/2024/12/12/123/.
_PREFIXES = {edition.prefix.strip("/"): edition.code for edition in EDITIONS}
_ADDRESS = re.compile(
    r"^(?:https?://[^/]+)?/(?:(?P<prefix>"
    + "|".join(re.escape(prefix) for prefix in _PREFIXES if prefix)
    + r")/)?(?:lite/)?[a-z]+/\d{4}/\d{2}/\d{1,2}/(?P<story>\d{1,12})/?(?:[?#].*)?$"
)


class NothingToTakeDownError(ValueError):
    pass


@dataclass(frozen=True)
class Choice:
    """What the duty editor asked to take down: addresses or story numbers (one a line),
    or what an account published or edited since a moment, or everything published
    since a moment; in one edition or all."""

    lines: tuple[str, ...] = ()
    account: object = None
    since: datetime | None = None
    edition: str = ""


def unreadable_lines(lines: list[str]) -> list[str]:
    """The lines that are neither an article's address nor a story number."""
    return [line for line in lines if _story(line) is None]


def _story(line: str) -> tuple[str, int] | None:
    """(edition code or "" for every edition, story number) of an address or a number."""
    line = line.strip()
    if line.isdigit() and len(line) <= 12:
        return "", int(line)
    match = _ADDRESS.match(line)
    if match is None:
        return None
    return _PREFIXES[match["prefix"] or ""], int(match["story"])


def chosen_articles(choice: Choice) -> QuerySet:
    """The live articles a choice names, newest first."""
    found = Q(pk__in=[])
    for line in choice.lines:
        story = _story(line)
        if story is not None:
            code, number = story
            found |= Q(story_number=number, **({"locale__language_code": code} if code else {}))
    if choice.account is not None and choice.since is not None:
        found |= Q(pk__in=_touched_by(choice.account, choice.since))
    elif choice.since is not None:
        found |= Q(last_published_at__gte=choice.since)
    articles = Article.objects.filter(found, live=True)
    if choice.edition:
        articles = articles.filter(locale__language_code=choice.edition)
    return articles.select_related("locale").order_by("-published_at", "-pk")


def _touched_by(account, since: datetime) -> set[int]:
    """The articles an account saved a revision of, or published, since a moment."""
    kind = ContentType.objects.get_for_model(Article)
    edited = Revision.objects.filter(
        base_content_type=kind, user=account, created_at__gte=since
    ).values_list("object_id", flat=True)
    published = ModelLogEntry.objects.filter(
        content_type=kind, user=account, timestamp__gte=since
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in [*edited, *published] if str(pk).isdigit()}


def take_down(*, articles: list[Article], user, reason: str, scope: str) -> Takedown:
    """Unpublish these articles at once and record it."""
    with transaction.atomic():
        live = list(
            Article.objects.select_for_update()
            .filter(pk__in=[article.pk for article in articles], live=True)
            .select_related("locale")
        )
        if not live:
            raise NothingToTakeDownError(_("None of these articles is published now."))
        record = Takedown.objects.create(
            user=user,
            reason=reason,
            scope=scope[:500],
            articles=[
                {
                    "pk": article.pk,
                    "revision": article.live_revision_id,
                    "headline": article.headline,
                    "edition": article.locale.language_code,
                    "url": article.get_absolute_url(),
                }
                for article in live
            ],
        )
        for article in live:
            article.unpublish(user=user)
    return record


def put_back(*, takedown: Takedown, user) -> int:
    """Publish again, as they were, the articles of a takedown that are still down; how
    many. Their "Updated" time does not move: nothing in them changed."""
    restored = 0
    with transaction.atomic():
        for entry in takedown.articles:
            article = Article.objects.filter(pk=entry["pk"], live=False).first()
            revision = Revision.objects.filter(pk=entry["revision"]).first()
            if article is None or revision is None:
                continue
            revision.publish(user=user, changed=False)
            restored += 1
        takedown.undone_at, takedown.undone_by = timezone.now(), user
        takedown.save(update_fields=["undone_at", "undone_by"])
    return restored


class CannotFreezeError(ValueError):
    pass


def freeze_account(*, account, user) -> None:
    """Deactivate an account: its sessions end at once (accounts.signal_handlers) and it
    cannot sign in again until an administrator reactivates it. Administrators cannot be
    frozen this way (a stolen duty editor's account must not lock them out), nor can the
    duty editor freeze themself."""
    if account.is_superuser:
        raise CannotFreezeError(
            _("An administrator's account can be frozen only by another administrator.")
        )
    if account.pk == user.pk:
        raise CannotFreezeError(_("You cannot freeze your own account."))
    account.is_active = False
    account.save(update_fields=["is_active"])


def accounts_that_can_be_frozen() -> QuerySet:
    return get_user_model().objects.filter(is_active=True, is_superuser=False).order_by("username")
