"""A second pair of eyes on urgent news: the editor who wrote or submitted an urgent item
cannot publish (or approve) it; another editor can, and that is recorded. With
SECOND_APPROVAL including "night", the same holds for anything outside the day's hours."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from shpalta.editions.dates import kyiv_time
from shpalta.newsroom.approval import SecondApprovalRequiredError
from shpalta.newsroom.models import Article, SecondApproval

from ..conftest import _member, sign_in
from ..factories import make_article
from .editor_forms import article_form, article_url

pytestmark = pytest.mark.django_db


def _create(client, filing, action, **fields):
    data = article_form(**filing, **fields)
    data[f"action-{action}"] = action
    return client.post(article_url("add") + "?locale=uk", data)


@pytest.fixture
def editors(newsroom):
    olena, taras = Client(), Client()
    sign_in(olena, _member("olena", "Editors"))
    sign_in(taras, _member("taras", "Editors"))
    return olena, taras


def test_the_writer_of_an_urgent_item_cannot_publish_it(editors, filing):
    olena, _taras = editors
    response = _create(olena, filing, "publish", headline="Терміново: вибухи", is_urgent="on")
    html = response.content.decode()
    # The form comes back with what was typed and why, in the admin's language.
    assert response.status_code == 200
    assert "Терміново: вибухи" in html
    assert "його позначено як термінове" in html and "інший редактор" in html
    assert not Article.objects.filter(live=True).exists()
    # Saved as a draft, then published by her from the edit view: refused the same way.
    assert (
        _create(olena, filing, "edit", headline="Терміново: вибухи", is_urgent="on").status_code
        == 302
    )
    article = Article.objects.get()
    data = article_form(
        **filing,
        headline="Терміново: вибухи",
        is_urgent="on",
        story_number=str(article.story_number),
    )
    data["action-publish"] = "publish"
    again = olena.post(article_url("edit", article.pk), data)
    assert again.status_code == 200 and "інший редактор" in again.content.decode()
    assert not Article.objects.get(pk=article.pk).live
    assert not SecondApproval.objects.exists()


def test_another_editor_approves_it_and_that_is_recorded(editors, filing):
    olena, taras = editors
    _create(olena, filing, "submit", headline="Терміново: вибухи", is_urgent="on")
    article = Article.objects.get()
    state = article.current_workflow_task_state

    # Olena cannot approve her own urgent item.
    mine = olena.post(article_url("workflow_action", article.pk, "approve", state.pk))
    assert mine.status_code in (200, 302, 403)
    assert not Article.objects.get(pk=article.pk).live

    theirs = taras.post(article_url("workflow_action", article.pk, "approve", state.pk))
    assert theirs.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    approval = SecondApproval.objects.get()
    assert approval.approved_by.username == "taras"
    assert approval.conditions == ["urgent"] and approval.written_by == ["olena"]


def test_an_item_that_is_not_urgent_needs_no_second_editor(editors, filing):
    olena, _taras = editors
    assert _create(olena, filing, "publish", headline="Звичайна новина").status_code == 302
    assert Article.objects.get().live and not SecondApproval.objects.exists()


def test_at_night_every_item_needs_one_when_the_site_says_so(settings, newsroom):
    writer = _member("olena", "Editors")
    article = make_article(publish=False)
    article.save_revision(user=writer, log_action=True)
    now = kyiv_time(timezone.now())
    # The day's hours set so that now is outside them.
    start = (now + timedelta(hours=1)).strftime("%H:%M")
    end = (now + timedelta(hours=2)).strftime("%H:%M")
    settings.SECOND_APPROVAL, settings.SECOND_APPROVAL_HOURS = ["urgent", "night"], f"{start}-{end}"
    with pytest.raises(SecondApprovalRequiredError):
        article.get_latest_revision().publish(user=writer)
    other = _member("taras", "Editors")
    article.get_latest_revision().publish(user=other)
    assert Article.objects.get(pk=article.pk).live
    assert SecondApproval.objects.get().conditions == ["night"]
    # During the day's hours it needs none.
    settings.SECOND_APPROVAL_HOURS = (
        f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}"
    )
    again = make_article(publish=False)
    again.save_revision(user=writer, log_action=True).publish(user=writer)
    assert Article.objects.get(pk=again.pk).live


def test_a_wrong_setting_stops_start_up(settings):
    settings.SECOND_APPROVAL = ["urgnet"]
    with pytest.raises(Exception, match="SECOND_APPROVAL names urgnet"):
        call_command("check")
