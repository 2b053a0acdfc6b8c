"""Each edition's Telegram channel, against a Bot API on loopback (bot_api.py): stories are
posted by the scheduler after the undo window, followed when edited, deleted when taken
down, retried when Telegram fails and never sent twice."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from shpalta.channels import telegram
from shpalta.channels.models import TelegramPost
from shpalta.newsroom.models import Label
from shpalta.newsroom.takedown import take_down

from ..conftest import sign_in
from ..factories import make_article, make_image
from ..servers import ROOT, database_url
from .bot_api import EN, TOKEN, UK

pytestmark = pytest.mark.django_db
State = TelegramPost.State


def post_of(article) -> TelegramPost:
    return TelegramPost.objects.get(article=article)


def test_a_published_story_is_posted_once_by_the_scheduler(bot, newsroom):
    article = make_article(
        edition="en",
        headline="Parliament passes the <budget>",
        lead="<p>The vote was 250 to 40.</p>",
        is_urgent=True,
    )
    assert bot.calls == []  # nothing leaves from the publishing request
    call_command("run_scheduler", "--once")
    call_command("run_scheduler", "--once")
    [message] = bot.messages(EN)
    assert bot.methods() == ["sendMessage"]
    assert message["parse_mode"] == "HTML"
    assert message["text"].startswith(
        "🔴 <b>Urgent.</b> <b>Parliament passes the &lt;budget&gt;</b>"
    )
    assert "The vote was 250 to 40." in message["text"]
    assert f'<a href="http://127.0.0.1:8000{article.get_absolute_url()}">' in message["text"]
    post = post_of(article)
    assert (post.state, post.pending, post.message_id) == (State.SENT, False, 101)
    assert bot.messages(UK) == []


def test_the_post_speaks_its_edition_and_carries_the_main_image(bot, newsroom):
    article = make_article(edition="uk", main_image=make_image(), lead="<p>Коротко.</p>")
    telegram.send_pending()
    [message] = bot.messages(UK)
    assert bot.methods() == ["sendPhoto"]
    assert message["photo"].startswith("http://127.0.0.1:8000/media/images/")
    assert message["caption"].endswith(">Читати на сайті</a>")
    assert "Терміново" not in message["caption"]
    assert post_of(article).sent_photo == message["photo"]


def test_a_long_lead_is_cut_to_telegrams_caption_limit(bot, newsroom):
    make_article(edition="en", main_image=make_image(), lead="<p>" + "word " * 400 + "</p>")
    telegram.send_pending()
    [message] = bot.messages(EN)
    visible = telegram._visible(message["caption"])
    assert len(visible) <= telegram.CAPTION_LIMIT
    assert "word…" in visible


def test_nothing_is_posted_before_the_undo_window_ends(bot, newsroom, settings):
    settings.PUBLISH_UNDO_SECONDS = 1
    article = make_article(edition="en")
    telegram.send_pending()
    assert bot.calls == []
    assert post_of(article).state == State.WAITING
    time.sleep(1.1)
    telegram.send_pending()
    assert len(bot.messages(EN)) == 1


def test_the_editor_cancels_during_the_undo_window(bot, newsroom, editor, client, settings):
    settings.PUBLISH_UNDO_SECONDS = 1
    article = make_article(edition="en")
    post = post_of(article)
    sign_in(client, editor)
    edit_page = client.get(reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk]))
    cancel_url = reverse("channels_telegram_cancel", args=[post.pk])
    assert cancel_url in edit_page.content.decode()  # the state, with its cancel button
    assert client.get(cancel_url).status_code == 200  # asks to confirm
    response = client.post(cancel_url, follow=True)
    assert "у Telegram це не вийде" in response.content.decode()
    time.sleep(1.1)
    telegram.send_pending()
    assert bot.calls == []
    post.refresh_from_db()
    assert (post.state, post.cancelled_by) == (State.CANCELLED, editor)
    # Publishing the story again does not undo the editor's no.
    article.headline = "Corrected"
    article.save_revision().publish()
    time.sleep(1.1)
    telegram.send_pending()
    assert bot.calls == []


def test_too_late_to_cancel_says_so(bot, newsroom, editor, client):
    article = make_article(edition="en")
    telegram.send_pending()
    sign_in(client, editor)
    response = client.post(
        reverse("channels_telegram_cancel", args=[post_of(article).pk]), follow=True
    )
    assert "Скасувати вже запізно" in response.content.decode()
    assert len(bot.messages(EN)) == 1


def test_unticked_stories_and_archive_stories_are_not_posted(bot, newsroom):
    make_article(edition="en", post_to_telegram=False)
    make_article(edition="en", published_at=timezone.now() - timedelta(days=3))
    make_article(edition="ru")  # an edition without a channel
    telegram.send_pending()
    assert bot.calls == []
    assert not TelegramPost.objects.exists()


def test_an_edit_of_headline_or_lead_edits_the_message(bot, newsroom):
    article = make_article(edition="en", headline="First words")
    telegram.send_pending()
    article.headline = "Better words"
    article.save_revision().publish()
    telegram.send_pending()
    [message] = bot.messages(EN)
    assert "<b>Better words</b>" in message["text"]
    assert bot.methods() == ["sendMessage", "editMessageText"]
    # An edit that changes nothing the post shows makes no call.
    article.labels = [Label.objects.create(slug="x", name_uk="x", name_ru="x", name_en="x")]
    article.save_revision().publish()
    telegram.send_pending()
    assert bot.methods() == ["sendMessage", "editMessageText"]
    assert not post_of(article).pending


def test_a_photo_post_follows_its_caption_and_image(bot, newsroom):
    article = make_article(edition="uk", main_image=make_image())
    telegram.send_pending()
    article.headline = "Нове формулювання"
    article.save_revision().publish()
    telegram.send_pending()
    article.main_image = make_image(title="Інше фото")
    article.save_revision().publish()
    telegram.send_pending()
    assert bot.methods() == ["sendPhoto", "editMessageCaption", "editMessageMedia"]
    [message] = bot.messages(UK)
    assert message["photo"] == post_of(article).sent_photo
    assert "Нове формулювання" in message["text"]


def test_unpublishing_deletes_the_message(bot, newsroom):
    article = make_article(edition="en")
    telegram.send_pending()
    article.unpublish()
    telegram.send_pending()
    assert bot.messages(EN) == []
    post = post_of(article)
    assert (post.state, post.message_id) == (State.DELETED, None)
    # Put back, it is posted anew after the window.
    article.save_revision().publish()
    telegram.send_pending()
    assert len(bot.messages(EN)) == 1
    assert bot.methods() == ["sendMessage", "deleteMessage", "sendMessage"]


def test_unticking_takes_the_post_off_the_channel(bot, newsroom):
    article = make_article(edition="en")
    telegram.send_pending()
    article.post_to_telegram = False
    article.save_revision().publish()
    telegram.send_pending()
    assert bot.messages(EN) == []


def test_a_panic_takedown_cancels_waiting_posts_and_deletes_sent_ones(bot, newsroom, editor):
    sent = make_article(edition="en", headline="Sent already")
    telegram.send_pending()
    waiting = make_article(edition="uk", headline="Ще чекає")
    take_down(articles=[sent, waiting], user=editor, reason="Hacked account", scope="test")
    telegram.send_pending()
    assert bot.messages(EN) == [] and bot.messages(UK) == []
    assert bot.methods() == ["sendMessage", "deleteMessage"]
    assert post_of(waiting).state == State.CANCELLED


def test_deleting_a_story_deletes_its_message(bot, newsroom):
    article = make_article(edition="en")
    telegram.send_pending()
    article.delete()
    telegram.send_pending()
    assert bot.messages(EN) == []
    assert TelegramPost.objects.get().state == State.DELETED


def test_429_waits_as_long_as_telegram_asks(bot, newsroom):
    article = make_article(edition="en")
    bot.refuse_next(429, "Too Many Requests: retry after 1", retry_after=1)
    telegram.send_pending()
    post = post_of(article)
    assert (post.state, post.pending, post.attempts) == (State.WAITING, True, 1)
    assert post.next_attempt_at > timezone.now() + timedelta(milliseconds=500)
    assert "retry after" in post.explanation()
    telegram.send_pending()
    assert len(bot.calls) == 1  # not before its time
    time.sleep(1.1)
    telegram.send_pending()
    assert len(bot.messages(EN)) == 1
    assert post_of(article).last_error == ""


@pytest.mark.parametrize(
    ("status", "description"),
    [(500, "Internal Server Error"), (401, "Unauthorized"), (502, "Bad Gateway")],
)
def test_a_failing_telegram_is_tried_again_later_with_growing_delays(
    bot, newsroom, status, description
):
    article = make_article(edition="en")
    second = make_article(edition="en")
    bot.refuse_next(status, description)
    telegram.send_pending()
    assert len(bot.calls) == 1  # one failure stops the run: the rest waits too
    post = post_of(article)
    assert (post.state, post.attempts, post.last_error) == (State.WAITING, 1, description)
    assert post.next_attempt_at > timezone.now() + timedelta(seconds=8)
    assert post_of(second).state == State.WAITING
    telegram.send_pending()  # the second one goes; the first waits its turn
    assert len(bot.messages(EN)) == 1
    TelegramPost.objects.filter(pk=post.pk).update(next_attempt_at=timezone.now())
    telegram.send_pending()
    assert len(bot.messages(EN)) == 2


def test_a_refused_post_fails_with_telegrams_reason_until_the_story_changes(bot, newsroom):
    article = make_article(edition="en")
    bot.refuse_next(400, "Bad Request: can't parse entities")
    telegram.send_pending()
    post = post_of(article)
    assert (post.state, post.pending) == (State.FAILED, False)
    assert "can't parse entities" in post.explanation()
    telegram.send_pending()
    assert len(bot.calls) == 1
    article.headline = "Fixed"
    article.save_revision().publish()
    telegram.send_pending()
    assert len(bot.messages(EN)) == 1


def test_no_answer_is_never_sent_again(bot, newsroom, editor, client):
    article = make_article(edition="en")
    bot.hang_next(5)
    telegram.send_pending()
    post = post_of(article)
    assert (post.state, post.maybe_sent) == (State.FAILED, True)
    article.headline = "Edited after"
    article.save_revision().publish()
    telegram.send_pending()
    assert bot.methods() == ["sendMessage"]
    sign_in(client, editor)
    page = client.get(reverse("channels_telegram")).content.decode()
    assert "можливо, уже в каналі" in page


def test_an_edit_without_answer_is_tried_again(bot, newsroom):
    article = make_article(edition="en", headline="One")
    telegram.send_pending()
    article.headline = "Two"
    article.save_revision().publish()
    bot.hang_next(5)
    telegram.send_pending()
    assert post_of(article).pending
    TelegramPost.objects.update(next_attempt_at=timezone.now())
    telegram.send_pending()
    assert "<b>Two</b>" in bot.messages(EN)[0]["text"]


@pytest.mark.django_db(transaction=True)
def test_an_edit_made_while_the_post_goes_out_is_carried_out_next(bot, newsroom, settings):
    settings.TELEGRAM_TIMEOUT = 10
    article = make_article(edition="en", headline="First words")
    bot.slow_next(2)

    def send():
        try:
            telegram.send_pending()
        finally:
            connection.close()

    sender = threading.Thread(target=send)
    sender.start()
    deadline = time.monotonic() + 10
    while not bot.calls and time.monotonic() < deadline:
        time.sleep(0.05)
    article.headline = "Second words"
    article.save_revision().publish()
    sender.join()
    post = post_of(article)
    assert (post.state, post.pending) == (State.SENT, True)  # the edit is still to do
    telegram.send_pending()
    assert "<b>Second words</b>" in bot.messages(EN)[0]["text"]
    assert bot.methods() == ["sendMessage", "editMessageText"]


@pytest.mark.django_db(transaction=True)
def test_a_scheduler_killed_mid_post_does_not_post_twice(bot, newsroom, tmp_path):
    article = make_article(edition="en")
    bot.hang_next(30)
    env = {
        **os.environ,
        "SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": database_url(),
        "SHPALTA_VAR_DIR": str(tmp_path / "var"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_CHANNELS": f"en={EN}",
        "TELEGRAM_API_URL": bot.url,
        "TELEGRAM_TIMEOUT": "30",
    }
    scheduler = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--once"], cwd=ROOT, env=env
    )
    deadline = time.monotonic() + 60
    while not bot.calls and time.monotonic() < deadline:
        time.sleep(0.1)
    assert bot.methods() == ["sendMessage"]
    os.kill(scheduler.pid, signal.SIGKILL)
    scheduler.wait()
    assert post_of(article).state == State.SENDING
    time.sleep(2.1)  # twice the timeout of this process's settings
    telegram.send_pending()
    post = post_of(article)
    assert (post.state, post.maybe_sent) == (State.FAILED, True)
    assert bot.methods() == ["sendMessage"]


def test_the_report_lists_posts_by_state_for_editors_only(bot, newsroom, editor, client):
    from ..conftest import _member

    make_article(edition="en", headline="Listed story")
    telegram.send_pending()
    sign_in(client, editor)
    page = client.get(reverse("channels_telegram") + "?state=sent").content.decode()
    assert "Listed story" in page and EN in page
    assert (
        "Listed story"
        not in client.get(reverse("channels_telegram") + "?state=failed").content.decode()
    )
    assert client.get(reverse("channels_telegram") + "?state=nonsense&p=zz").status_code == 200
    assert client.get(reverse("channels_telegram_cancel", args=[999999])).status_code == 404
    reporter = _member("reporter", "Reporters")
    sign_in(client, reporter)
    refused = client.get(reverse("channels_telegram"), follow=True)
    assert refused.redirect_chain[-1][0] == "/admin/"  # Wagtail's "no permission"
    assert "Listed story" not in refused.content.decode()
    post = TelegramPost.objects.get()
    client.post(reverse("channels_telegram_cancel", args=[post.pk]))
    post.refresh_from_db()
    assert post.cancelled_by is None
