"""A translation knows when its source changed: marked in the Articles list (a column and
a filter) and on its edit view with a comparison, cleared when the translator publishes
it "brought up to date"; an untranslated copy cannot be published."""

import pytest
from wagtail.test.utils.form_data import rich_text

from shpalta.editions.registry import get_edition
from shpalta.newsroom.models import Article
from shpalta.newsroom.services import article_translate

from ..conftest import sign_in
from ..factories import make_article
from .editor_forms import article_form, article_url

pytestmark = pytest.mark.django_db


def _post(client, article, filing, *, publish=True, **fields):
    data = article_form(**filing, story_number=str(article.story_number), **fields)
    for relation in ("author_links", "tag_links"):
        links = list(getattr(article, relation).all())
        data[f"{relation}-INITIAL_FORMS"] = str(len(links))
        data[f"{relation}-TOTAL_FORMS"] = str(len(links))
        for index, link in enumerate(links):
            data[f"{relation}-{index}-id"] = str(link.pk)
            field = "author" if relation == "author_links" else "tag"
            data[f"{relation}-{index}-{field}"] = str(getattr(link, f"{field}_id"))
            data[f"{relation}-{index}-ORDER"] = str(index + 1)
            data[f"{relation}-{index}-DELETE"] = ""
    if publish:
        data["action-publish"] = "publish"
    return client.post(article_url("edit", article.pk), data)


@pytest.fixture
def story(filing):
    source = make_article(
        headline="Рада ухвалила бюджет",
        lead="<p>Депутати проголосували за бюджет.</p>",
        authors=[filing["author"]],
        tags=[filing["tag"]],
        section=filing["section"],
    )
    english = article_translate(article=source, edition=get_edition("en"))
    return source, english


def test_a_source_edit_marks_the_translation_until_it_is_brought_up_to_date(
    client, editor, filing, story
):
    source, english = story
    sign_in(client, editor)
    translated = {
        "headline": "Parliament passes the budget",
        "lead": rich_text("<p>MPs voted.</p>"),
        "blocks": [("paragraph", rich_text("<p>The vote was held on Thursday.</p>"))],
    }
    assert _post(client, english, filing, **translated).status_code == 302
    english.refresh_from_db()
    assert english.live and not english.behind_source

    # A minor edit of the source does not mark it; a substantive one does.
    minor = {"headline": "Рада ухвалила бюджет!", "lead": rich_text(source.lead)}
    assert _post(client, source, filing, minor_edit="on", **minor).status_code == 302
    assert not Article.objects.get(pk=english.pk).behind_source
    changed = {"headline": "Рада ухвалила бюджет на 2027 рік", "lead": rich_text(source.lead)}
    assert _post(client, source, filing, **changed).status_code == 302
    english = Article.objects.get(pk=english.pk)
    assert english.behind_source

    client.get(article_url("list"))  # shows and so clears the messages of the publishes
    listing = client.get(article_url("list") + "?behind_source=true").content.decode()
    assert "Parliament passes the budget" in listing and "Рада ухвалила бюджет" not in listing
    assert "Джерело змінилося" in listing
    assert "Рада ухвалила бюджет" in client.get(article_url("list")).content.decode()
    edit = client.get(article_url("edit", english.pk)).content.decode()
    assert "Джерело змінилося" in edit and "/revisions/compare/" in edit

    # Published without the box: still behind. With it: up to date.
    assert _post(client, english, filing, **translated).status_code == 302
    assert Article.objects.get(pk=english.pk).behind_source
    translated["headline"] = "Parliament passes the 2027 budget"
    done = _post(client, english, filing, brought_up_to_date="on", **translated)
    assert done.status_code == 302
    english = Article.objects.get(pk=english.pk)
    assert not english.behind_source
    client.get(article_url("list"))
    assert "Джерело змінилося" not in client.get(article_url("list")).content.decode()


def test_an_untranslated_copy_is_not_published(client, editor, filing, story):
    source, english = story
    sign_in(client, editor)
    copy = {"headline": source.headline, "lead": rich_text(source.lead)}
    response = _post(client, english, filing, **copy)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Не опубліковано" in html and "Заголовок" in html
    assert not Article.objects.get(pk=english.pk).live
    # A draft of it may be saved while the translator works.
    assert _post(client, english, filing, publish=False, **copy).status_code == 302
    # Translated headline, lead still the source's: refused too.
    half = {"headline": "Parliament passes the budget", "lead": rich_text(source.lead)}
    again = _post(client, english, filing, **half).content.decode()
    assert "Не опубліковано" in again and "Parliament passes the budget" in again
    assert not Article.objects.get(pk=english.pk).live
