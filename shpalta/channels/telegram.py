"""Each edition's Telegram channel: a story goes there a minute after it goes live, its
message follows its headline, lead and image, and leaves when the story is taken down.

Publishing only writes what the channel should show into the outbox (TelegramPost), in
its own transaction; the scheduler beside the web server makes the channel agree
(`send_pending`, one of SCHEDULED_JOBS) through the Bot API
(https://core.telegram.org/bots/api). So a slow or absent Telegram never slows down the
newsroom, the editor can cancel a post during the undo window, and what was wanted
survives a restart. A post is sent at most once: its state says SENDING before the call,
and a call that got no answer is not made again (the message may be on the channel).
Edits and deletions are safe to repeat and are retried with growing delays, or after
Telegram's own `retry_after` when it answers 429.
"""

import html
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from shpalta.newsroom.models import Article
from shpalta.newsroom.renditions import SOCIAL_IMAGE_SPEC
from shpalta.syndication.links import absolute

from .models import TelegramPost

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
BATCH = 20
RECENT = timedelta(days=1)  # a story published (or backdated) earlier is not posted
CAPTION_LIMIT = 1024  # Telegram's limits, in characters of the text without its markup
TEXT_LIMIT = 4096
State = TelegramPost.State
# What the scheduler writes; the rest (what is wanted, and since when) is publishing's.
SCHEDULER_FIELDS = [
    "state", "attempts", "last_error", "next_attempt_at", "message_id", "sent_text",
    "sent_photo", "sent_at", "maybe_sent",
]  # fmt: skip


def channels() -> dict[str, str]:
    """{edition code: channel} from TELEGRAM_CHANNELS ("uk=@channel_uk,en=@channel_en"),
    empty without a bot token."""
    if not settings.TELEGRAM_BOT_TOKEN:
        return {}
    found = {}
    for item in settings.TELEGRAM_CHANNELS.split(","):
        code, _sep, chat = item.partition("=")
        if code.strip() and chat.strip():
            found[code.strip()] = chat.strip()
    return found


def queue(article: Article, *, before, after) -> None:
    """Write into the outbox what the edition's channel should now show of the story, in
    the transaction that changed it (live_article_changed)."""
    chat = channels().get(article.locale.language_code)
    if not chat:
        return
    with transaction.atomic():  # a savepoint in the publishing transaction
        _follow(article, chat, wanted=after is not None and article.post_to_telegram, before=before)


def _follow(article: Article, chat: str, *, wanted: bool, before) -> None:
    now = timezone.now()
    post = TelegramPost.objects.select_for_update().filter(article=article, chat=chat).first()
    if post is None:
        # Only a story that goes live now: not an edit of one published before the channel
        # was set up, nor a story dated a day or more back (an archive being filled in).
        if wanted and before is None and article.published_at >= now - RECENT:
            due = now + timedelta(seconds=settings.PUBLISH_UNDO_SECONDS)
            TelegramPost.objects.create(
                article=article,
                edition=article.locale.language_code,
                chat=chat,
                due_at=due,
                next_attempt_at=due,
            )
        return
    if post.state == State.CANCELLED or post.maybe_sent:
        return  # the editor said no; or it may be there and cannot be followed
    post.wanted, post.pending, post.attempts = wanted, True, 0
    post.next_attempt_at = post.wished_at = now
    if not wanted and post.message_id is None and post.state == State.WAITING:
        post.state, post.pending = State.CANCELLED, False
    elif wanted and post.message_id is None and post.state in (State.DELETED, State.FAILED):
        post.state = State.WAITING  # back after a takedown, or corrected after a refusal
        post.due_at = post.next_attempt_at = now + timedelta(seconds=settings.PUBLISH_UNDO_SECONDS)
    post.save(
        update_fields=[
            "wanted",
            "pending",
            "attempts",
            "next_attempt_at",
            "wished_at",
            "state",
            "due_at",
        ]
    )


def cancel(post: TelegramPost, user) -> bool:
    """Keep a waiting post off the channel; False when it is no longer waiting (being
    sent, sent, or cancelled already). One conditional update: the scheduler claims a
    post the same way, so exactly one of the two wins."""
    return bool(
        TelegramPost.objects.filter(pk=post.pk, state=State.WAITING, message_id=None).update(
            state=State.CANCELLED,
            wanted=False,
            pending=False,
            cancelled_by=user,
        )
    )


@dataclass(frozen=True)
class Message:
    text: str  # Telegram's HTML
    photo: str  # the main image's address, or ""


def compose(article: Article) -> Message:
    """The post of a story in its edition's language: urgent mark, headline, lead, link,
    and the main image (its caption is then the text, so the text is kept shorter)."""
    photo = ""
    if article.main_image:
        photo = absolute(article.main_image.get_rendition(SOCIAL_IMAGE_SPEC).url)
    with translation.override(article.locale.language_code):
        urgent, read = _("Urgent"), _("Read on the site")
    head = f"<b>{html.escape(article.headline)}</b>"
    if article.is_urgent:
        head = f"🔴 <b>{html.escape(urgent)}.</b> {head}"
    link = absolute(article.get_absolute_url())
    tail = f'<a href="{html.escape(link)}">{html.escape(read)}</a>'
    limit = CAPTION_LIMIT if photo else TEXT_LIMIT
    room = limit - len(_visible(head)) - len(_visible(tail)) - 4
    lead = article.summary_text
    if len(lead) > room:
        lead = lead[: max(room - 1, 0)].rsplit(" ", 1)[0] + "…"
    return Message(f"{head}\n\n{html.escape(lead)}\n\n{tail}", photo)


def _visible(markup: str) -> str:
    """What Telegram counts of a text: its characters without the markup."""
    return html.unescape(strip_tags(markup))


class TelegramError(Exception):
    """Telegram refused (`code` its error code) or could not be reached (`code` 0)."""

    def __init__(self, description: str, code: int = 0, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.retry_after = code, retry_after


class NoAnswerError(TelegramError):
    """The request went out and no answer came back: it may have been carried out."""


def call(method: str, **fields) -> dict:
    """One Bot API method; its result, or TelegramError."""
    url = f"{settings.TELEGRAM_API_URL}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"
    request = urllib.request.Request(  # noqa: S310  (the API's address is our own setting)
        url, data=json.dumps(fields).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.TELEGRAM_TIMEOUT) as response:  # noqa: S310
            answer = json.loads(response.read())
    except urllib.error.HTTPError as refusal:
        try:
            answer = json.loads(refusal.read())
        except ValueError:
            raise TelegramError(f"HTTP {refusal.code}", refusal.code) from refusal
    except urllib.error.URLError as problem:  # nothing was sent: refused, unreachable
        raise TelegramError(str(problem.reason)) from problem
    except (OSError, ValueError) as problem:  # timed out or cut off after the request
        raise NoAnswerError(f"no answer: {problem}") from problem
    if not isinstance(answer, dict) or not answer.get("ok"):
        answer = answer if isinstance(answer, dict) else {}
        parameters = answer.get("parameters") or {}
        raise TelegramError(
            str(answer.get("description") or "refused"),
            int(answer.get("error_code") or 0),
            parameters.get("retry_after"),
        )
    return answer.get("result") or {}


def send_pending() -> int:
    """One of SCHEDULED_JOBS: carry out what the outbox asks of the channels, oldest
    first; the number of calls Telegram accepted."""
    if not channels():
        return 0
    now = timezone.now()
    _settle_interrupted(now)
    done = 0
    due = TelegramPost.objects.filter(
        pending=True, next_attempt_at__lte=now, due_at__lte=now
    ).select_related("article", "article__locale", "article__main_image")
    for post in due.order_by("next_attempt_at", "id")[:BATCH]:
        try:
            done += _carry_out(post)
        except NoAnswerError as problem:
            _give_up_or_wait(post, problem, now)
            break  # Telegram is slow: the rest waits for the next run
        except TelegramError as problem:
            _give_up_or_wait(post, problem, now)
            if problem.code != 400:
                break  # down, refusing us or asking us to slow down: the same for all
    return done


def _carry_out(post: TelegramPost) -> int:
    article = post.article
    if not (post.wanted and article is not None and article.live and article.post_to_telegram):
        return _take_off(post)
    message = compose(article)
    if post.message_id is None:
        return _post(post, message)
    if (message.text, message.photo) == (post.sent_text, post.sent_photo):
        _settled(post, State.SENT)
        return 0
    _edit(post, message)
    post.sent_text, post.sent_photo = message.text, message.photo or post.sent_photo
    _settled(post, State.SENT)
    return 1


def _post(post: TelegramPost, message: Message) -> int:
    # Claimed by a conditional update: an editor's cancel at this moment wins or loses whole.
    if not TelegramPost.objects.filter(pk=post.pk, state=post.state, message_id=None).update(
        state=State.SENDING, next_attempt_at=timezone.now()
    ):
        return 0
    post.state = State.SENDING
    if message.photo:
        fields = {"photo": message.photo, "caption": message.text}
    else:
        fields = {"text": message.text}
    try:
        result = call(
            "sendPhoto" if message.photo else "sendMessage",
            chat_id=post.chat,
            parse_mode="HTML",
            **fields,
        )
    except NoAnswerError:
        post.maybe_sent = True
        raise
    post.message_id = result.get("message_id")
    post.sent_text, post.sent_photo = message.text, message.photo
    post.sent_at = timezone.now()
    _settled(post, State.SENT)
    return 1


def _edit(post: TelegramPost, message: Message) -> None:
    """Make the message say what the story says. A text message stays text and a photo
    stays a photo (Telegram cannot turn one into the other): a photo added later is not
    shown, and a photo taken away stays until the story is taken down."""
    common = {"chat_id": post.chat, "message_id": post.message_id}
    try:
        if not post.sent_photo:
            call("editMessageText", text=message.text, parse_mode="HTML", **common)
        elif message.photo and message.photo != post.sent_photo:
            media = {"type": "photo", "media": message.photo, "caption": message.text}
            call("editMessageMedia", media={**media, "parse_mode": "HTML"}, **common)
        else:
            call("editMessageCaption", caption=message.text, parse_mode="HTML", **common)
    except TelegramError as problem:
        if "not modified" not in str(problem):
            raise


def _take_off(post: TelegramPost) -> int:
    if post.message_id is None:
        _settled(post, State.CANCELLED)
        return 0
    try:
        call("deleteMessage", chat_id=post.chat, message_id=post.message_id)
    except TelegramError as problem:
        if "not found" not in str(problem):
            raise
    post.message_id = None
    _settled(post, State.DELETED)
    return 1


def _settled(post: TelegramPost, state: str) -> None:
    post.state, post.attempts, post.last_error = state, 0, ""
    _save(post, done=True)


def _save(post: TelegramPost, *, done: bool) -> None:
    """Write what the scheduler did; the post stops being pending only when `done` and
    publishing wished nothing new meanwhile (an edit or a takedown made during a call to
    Telegram is carried out at the next run, not lost)."""
    post.save(update_fields=SCHEDULER_FIELDS)
    if done:
        TelegramPost.objects.filter(pk=post.pk, wished_at=post.wished_at).update(pending=False)


def _give_up_or_wait(post: TelegramPost, problem: TelegramError, now) -> None:
    post.attempts += 1
    post.last_error = str(problem)[:300]
    if post.state == State.SENDING:
        post.state = State.WAITING
    given_up = post.maybe_sent or problem.code == 400 or post.attempts >= MAX_ATTEMPTS
    if given_up:
        post.state = State.FAILED
        logger.warning("Telegram: gave up on %s: %s", post, problem)
    else:
        delay = problem.retry_after or min(5 * 2**post.attempts, 3600)
        post.next_attempt_at = now + timedelta(seconds=delay)
        logger.warning("Telegram: %s failed, again in %s s: %s", post, delay, problem)
    _save(post, done=given_up)


def _settle_interrupted(now) -> None:
    """A post left SENDING by a scheduler that stopped mid-call may be on the channel:
    it is marked so and not sent again."""
    TelegramPost.objects.filter(
        state=State.SENDING,
        next_attempt_at__lt=now - timedelta(seconds=2 * settings.TELEGRAM_TIMEOUT),
    ).update(
        state=State.FAILED, pending=False, maybe_sent=True, last_error="interrupted while posting"
    )
