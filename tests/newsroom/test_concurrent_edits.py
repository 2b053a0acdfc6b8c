"""Two editors on one story: a save from a form opened before someone else's save is
refused, with what was typed kept, the other's changes named and a comparison offered;
never a silent overwrite. Raw posts of the admin's own form, twenty rounds."""

import re

import pytest
from django.test import Client
from wagtail.test.utils.form_data import rich_text

from shpalta.newsroom.models import Article

from ..conftest import _member, sign_in
from ..factories import make_article
from .editor_forms import article_form, article_url

pytestmark = pytest.mark.django_db

ROUNDS = 20


def _loaded(html: str) -> dict:
    """The revision a form was loaded from, as the admin's hidden inputs carry it."""
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html)[1]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def _post(client, article, filing, loaded: dict, **fields) -> object:
    data = article_form(**filing, story_number=str(article.story_number), **fields)
    links = {"author_links": article.author_links.get(), "tag_links": article.tag_links.get()}
    for relation, link in links.items():
        data[f"{relation}-INITIAL_FORMS"] = "1"
        data[f"{relation}-0-id"] = str(link.pk)
    data.update(loaded)
    return client.post(article_url("edit", article.pk), data)


def test_a_save_from_an_older_form_never_overwrites_silently(newsroom, filing):
    first, second = Client(), Client()
    sign_in(first, _member("olena", "Editors"))
    sign_in(second, _member("taras", "Editors"))
    article = make_article(
        headline="Початкова назва",
        authors=[filing["author"]],
        tags=[filing["tag"]],
        section=filing["section"],
        publish=False,
    )
    refused = silent = 0
    for round in range(ROUNDS):
        words, headline = f"Лід від Олени, раунд {round}.", f"Назва від Тараса {round}"
        lead = f"<p>{words}</p>"
        mine = _loaded(first.get(article_url("edit", article.pk)).content.decode())
        theirs = _loaded(second.get(article_url("edit", article.pk)).content.decode())
        current = Article.objects.get(pk=article.pk).get_latest_revision_as_object()

        saved = _post(first, article, filing, mine, headline=current.headline, lead=rich_text(lead))
        assert saved.status_code == 302

        # The second editor saves from the form opened before the first one saved.
        stale = _post(
            second, article, filing, theirs, headline=headline, lead=rich_text(current.lead)
        )
        latest = Article.objects.get(pk=article.pk).get_latest_revision_as_object()
        if stale.status_code == 302 and words not in latest.lead:
            silent += 1
            continue
        assert stale.status_code == 200
        refused += 1
        html = stale.content.decode()
        assert headline in html  # what the second editor typed is still in the form
        assert "olena" in html and "Лід" in html  # who saved, and what they changed
        assert "/revisions/compare/" in html
        assert latest.headline == current.headline and words in latest.lead

        # Saving again from the refused form is a save made knowingly: here with the
        # first editor's lead brought in.
        again = _post(
            second, article, filing, _loaded(html), headline=headline, lead=rich_text(lead)
        )
        assert again.status_code == 302
        latest = Article.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert latest.headline == headline and words in latest.lead
    assert (refused, silent) == (ROUNDS, 0)


def test_a_form_without_its_loaded_revision_still_saves(client, editor, filing):
    """A post that does not say which version it was made from (an old tab, a script)
    cannot be checked: Wagtail's rule, kept."""
    sign_in(client, editor)
    article = make_article(authors=[filing["author"]], tags=[filing["tag"]], publish=False)
    response = _post(client, article, filing, {}, headline="Без позначки версії")
    assert response.status_code == 302


def test_a_forged_loaded_revision_is_refused_not_an_error(client, editor, filing):
    sign_in(client, editor)
    article = make_article(authors=[filing["author"]], tags=[filing["tag"]], publish=False)
    for forged in ("999999", "abc", "-1"):
        response = _post(
            client,
            article,
            filing,
            {"loaded_revision_id": forged, "loaded_revision_created_at": "x"},
            headline="Підроблена версія",
        )
        assert response.status_code == 200, forged
        assert "Підроблена версія" in response.content.decode()


def test_an_older_form_with_errors_is_still_told_of_the_newer_version(newsroom, filing):
    """A stale save that is also invalid (or refused for another reason) names the newer
    version first: fixing the error must not then save over it without a word."""
    first, second = Client(), Client()
    sign_in(first, _member("olena", "Editors"))
    sign_in(second, _member("taras", "Editors"))
    article = make_article(authors=[filing["author"]], tags=[filing["tag"]], publish=False)
    mine = _loaded(first.get(article_url("edit", article.pk)).content.decode())
    theirs = _loaded(second.get(article_url("edit", article.pk)).content.decode())
    assert (
        _post(first, article, filing, mine, lead=rich_text("<p>Лід Олени.</p>")).status_code == 302
    )
    stale = _post(second, article, filing, theirs, headline="")  # a required field left empty
    html = stale.content.decode()
    assert stale.status_code == 200 and "olena" in html and "/revisions/compare/" in html
    # The form still says it was opened before Olena's save: autosave stays refused.
    assert _loaded(html)["loaded_revision_created_at"] == theirs["loaded_revision_created_at"]


def test_the_editors_own_autosaves_are_not_someone_elses_edit(newsroom, filing):
    """Wagtail's autosave saves the form as its editor types, and leaves the form's loaded
    revision as it was: pressing Save afterwards is no conflict. A colleague's save in
    between still is."""
    olena, taras = Client(), Client()
    editor = _member("olena", "Editors")
    sign_in(olena, editor)
    sign_in(taras, _member("taras", "Editors"))
    article = make_article(authors=[filing["author"]], tags=[filing["tag"]], publish=False)
    mine = _loaded(olena.get(article_url("edit", article.pk)).content.decode())
    typed = Article.objects.get(pk=article.pk)
    typed.headline = "Назва, яку зберіг автозапис"
    typed.save_revision(user=editor)  # what the autosave of her form does
    saved = _post(olena, article, filing, mine, headline="Назва, яку зберегла Олена")
    assert saved.status_code == 302
    assert Article.objects.get(pk=article.pk).latest_revision.content["headline"] == (
        "Назва, яку зберегла Олена"
    )

    mine = _loaded(olena.get(article_url("edit", article.pk)).content.decode())
    theirs = _loaded(taras.get(article_url("edit", article.pk)).content.decode())
    assert _post(taras, article, filing, theirs, headline="Назва Тараса").status_code == 302
    typed = Article.objects.get(pk=article.pk).get_latest_revision_as_object()
    typed.headline = "Автозапис Олени після Тараса"
    typed.save_revision(user=editor)
    refused = _post(olena, article, filing, mine, headline="Назва Олени")
    assert refused.status_code == 200 and "taras" in refused.content.decode()
