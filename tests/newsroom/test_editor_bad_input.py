"""What a reporter gets wrong is answered with a form error in their language, and
nothing they typed is lost."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from shpalta.newsroom.models import Article, NewsImage

from ..conftest import sign_in
from ..factories import image_file, make_article, make_author, make_section, make_tag
from .editor_forms import article_form, article_url, every_block, listed, shown_in_form

pytestmark = pytest.mark.django_db

TYPED_LEAD = "Текст, який репортер набирав пів години"


@pytest.fixture
def filing(newsroom):
    return {"section": make_section(), "author": make_author()}


def _post(client, user, filing, locale="uk", **fields):
    sign_in(client, user)
    data = article_form(**filing, lead=rich_text(f"<p>{TYPED_LEAD}</p>"), **fields)
    return client.post(article_url("add") + f"?locale={locale}", data)


def _assert_kept(response, *fragments):
    """The form is shown again with the error and what was typed."""
    html = response.content.decode()
    assert response.status_code == 200
    assert shown_in_form(TYPED_LEAD, html)
    for fragment in fragments:
        assert shown_in_form(fragment, html), fragment
    assert not Article.objects.filter(lead__contains=TYPED_LEAD).exists()
    return html


# Wagtail lets a draft be saved incomplete; submitting or publishing needs every field.
@pytest.mark.parametrize("action", ["action-submit", "action-publish"])
def test_article_without_headline(client, editor, filing, action):
    response = _post(client, editor, filing, headline="", **{action: "1"})
    _assert_kept(response, "Це поле необхідно заповнити")


def test_article_without_section(client, reporter, filing):
    filing["section"] = ""
    response = _post(client, reporter, filing, **{"action-submit": "1"})
    _assert_kept(response, "Це поле необхідно заповнити")


def test_article_without_author(client, reporter, filing):
    sign_in(client, reporter)
    data = article_form(**filing, lead=rich_text(f"<p>{TYPED_LEAD}</p>"))
    data.update({"author_links-TOTAL_FORMS": "0", "action-submit": "1"})
    response = client.post(article_url("add") + "?locale=uk", data)
    _assert_kept(response, "Вкажіть принаймні одного автора")


def test_draft_may_wait_for_its_byline(client, reporter, filing):
    sign_in(client, reporter)
    data = article_form(**filing)
    data.update({"author_links-TOTAL_FORMS": "0"})
    assert client.post(article_url("add") + "?locale=uk", data).status_code == 302


def test_draft_without_headline_is_kept_with_a_placeholder_title(client, reporter, filing):
    response = _post(client, reporter, filing, headline="")
    assert response.status_code == 302
    article = Article.objects.get()
    assert str(article) == f"Матеріал без заголовка № {article.story_number}"


def test_blocks_out_of_house_order(client, reporter, filing):
    blocks = every_block()
    blocks[0], blocks[2] = blocks[2], blocks[0]  # Details before Source
    response = _post(client, reporter, filing, blocks=blocks)
    _assert_kept(response, "Розташуйте блоки в порядку редакції")


def test_embed_from_an_unknown_site(client, reporter, filing):
    blocks = [("embed", {"url": "https://example.org/clip", "caption": "Кліп"})]
    response = _post(client, reporter, filing, blocks=blocks)
    _assert_kept(response, "Вставте адресу відео YouTube", "https://example.org/clip")


def test_background_link_to_a_missing_article(client, reporter, filing):
    blocks = [("background", listed([{"text": "Давня історія", "article": "987654", "url": ""}]))]
    response = _post(client, reporter, filing, blocks=blocks)
    _assert_kept(response, "Давня історія")


def test_background_item_without_any_link(client, reporter, filing):
    blocks = [("background", listed([{"text": "Без посилання", "article": "", "url": ""}]))]
    response = _post(client, reporter, filing, blocks=blocks)
    _assert_kept(response, "Пов&#x27;яжіть цей пункт із попередньою статтею")


def test_story_number_reused_within_the_edition(client, reporter, filing):
    taken = make_article(headline="Вже опублікована")
    response = _post(client, reporter, filing, story_number=str(taken.story_number))
    html = _assert_kept(response, f"Номер {taken.story_number} у цій версії вже має матеріал")
    assert "Вже опублікована" in html


def test_story_number_may_repeat_in_another_edition(client, editor, filing):
    taken = make_article()
    response = _post(client, editor, filing, locale="en", story_number=str(taken.story_number))
    assert response.status_code == 302
    assert Article.objects.get(locale__language_code="en").story_number == taken.story_number


def test_the_same_author_twice(client, reporter, filing):
    sign_in(client, reporter)
    author = filing["author"]
    data = article_form(**filing, lead=rich_text(f"<p>{TYPED_LEAD}</p>"))
    data.update(
        {
            "author_links-TOTAL_FORMS": "2",
            "author_links-1-author": str(author.pk),
            "author_links-1-ORDER": "1",
            "author_links-1-DELETE": "",
        }
    )
    response = client.post(article_url("add") + "?locale=uk", data)
    _assert_kept(response, "Вкажіть кожного автора один раз")


def test_unknown_edition_is_not_found(client, reporter, filing):
    response = _post(client, reporter, filing, locale="xx")
    assert response.status_code == 404
    assert not Article.objects.exists()


def test_tag_slug_must_be_unique_and_latin(client, editor):
    make_tag("nato")
    sign_in(client, editor)
    data = {f"name_{code}": "НАТО" for code in ("uk", "ru", "en")}
    data.update({"slug_uk": "nato", "slug_ru": "нато", "slug_en": "nato-en"})
    response = client.post(reverse("wagtailsnippets_newsroom_tag:add"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "вже існує" in html  # slug_uk taken
    assert "Введіть коректний «слаг»" in html  # Cyrillic slug


def _upload(client, user, upload):
    sign_in(client, user)
    return client.post(
        reverse("wagtailimages:add"), {"title": "Фото з місця події", "file": upload}
    )


def test_non_image_upload_is_refused(client, reporter):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("report.png", b"this is not a picture", content_type="image/png")
    response = _upload(client, reporter, fake)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Фото з місця події" in html
    assert not NewsImage.objects.exists()


def test_oversized_upload_is_refused(client, reporter, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    upload = image_file(size=(800, 800), fmt="PNG", name="big.png")
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.png", upload.read(), content_type="image/png")
    response = _upload(client, reporter, big)
    assert response.status_code == 200
    assert "Фото з місця події" in response.content.decode()
    assert not NewsImage.objects.exists()
