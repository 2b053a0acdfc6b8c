"""The public article page: every house block, in order, in the edition's language."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from shpalta.caching import keys
from shpalta.caching.pages import store
from shpalta.editions.registry import get_edition
from shpalta.newsroom.services import article_translate

from ..factories import house_body, make_article, make_author, make_image, make_tag

pytestmark = pytest.mark.django_db


def test_article_page_renders_every_block_in_house_order(client, newsroom):
    earlier = make_article(headline="Попередня")
    image = make_image(credit="Фотоагенція")
    author = make_author(uk="Оксана Мельник")
    article = make_article(
        headline="Головна новина",
        body=house_body(earlier=earlier, image=image),
        authors=[author],
        tags=[make_tag("nato", uk="НАТО")],
        published_at=datetime(2024, 12, 12, 17, 16, tzinfo=UTC),
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert article.get_absolute_url() == f"/news/2024/12/12/{article.story_number}/"
    assert "<h1>Головна новина</h1>" in html
    assert "Оксана Мельник" in html
    assert "четвер, 12 грудня 2024, 19:16" in html
    labels = re.findall(r'class="block-label">([^<]+)<', html)
    assert labels == ["Джерело:", "Пряма мова:", "Деталі:", "Передісторія:"]
    assert '<a href="https://example.org/report" rel="noopener">Укрінформ</a>' in html
    assert "<blockquote><p>Ми працюємо далі.</p><footer>— Речниця</footer>" in html
    assert "Вміст із YouTube" in html and "<iframe" not in html
    assert all(
        src.startswith("/static/") for src in re.findall(r'<script[^>]* src="([^"]+)"', html)
    )
    assert 'alt="Опис фото"' in html and "Фото: Фотоагенція" in html
    assert f'href="{earlier.get_absolute_url()}">Попередня новина</a>' in html
    assert "Підтримайте нас або станьте нашим патроном!" in html
    assert "НАТО" in html


def test_english_edition_speaks_english(client, newsroom):
    article = make_article(
        edition="en",
        headline="Parliament passes the law",
        body=house_body(),
        published_at=datetime(2024, 12, 12, 17, 16, tzinfo=UTC),
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert article.get_absolute_url().startswith("/eng/news/2024/12/12/")
    assert '<html lang="en">' in html
    assert "Thursday, 12 December 2024, 19:16" in html
    assert re.findall(r'class="block-label">([^<]+)<', html) == [
        "Source:",
        "Quote:",
        "Details:",
        "Background:",
    ]
    assert "Support us or become our patron!" in html


def test_background_link_to_an_unpublished_article_shows_only_its_text(client, newsroom):
    earlier = make_article(headline="Знята з публікації")
    earlier.unpublish()
    article = make_article(body=house_body(earlier=earlier))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<li>Попередня новина</li>" in html


def test_updated_note_appears_after_an_edit(client, newsroom):
    article = make_article()
    assert "Оновлено" not in client.get(article.get_absolute_url()).content.decode()
    article.headline = "Виправлений заголовок"
    article.save_revision().publish()
    assert "Оновлено" in client.get(article.get_absolute_url()).content.decode()


def test_wrong_date_or_kind_redirects_to_the_canonical_address(client, newsroom):
    article = make_article()
    url = article.get_absolute_url()
    wrong = f"/articles/2001/01/1/{article.story_number}/"
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == url


@pytest.mark.parametrize(
    "path",
    [
        "/news/2024/12/12/999999/",
        "/eng/news/2024/12/12/999999/",
        "/news/2024/13/45/1/",
        "/news/abcd/12/12/1/",
        "/nonsense/",
        "/rus/news/2024/12/12/99999999999999999999/",
    ],
)
def test_unknown_addresses_are_404(client, newsroom, path):
    assert client.get(path).status_code == 404


def test_an_uploaded_picture_is_served_and_a_name_no_file_can_have_is_404(client, newsroom):
    image = make_image()
    assert client.get(image.file.url).status_code == 200
    # Longer than any file name (255 bytes on Linux): Django's serve() raised OSError.
    assert client.get(f"/media/original_images/{'x' * 300}.jpg").status_code == 404


def test_unpublished_and_future_articles_are_404(client, newsroom):
    draft = make_article(publish=False, published_at=timezone.now() - timedelta(hours=1))
    future = make_article(published_at=timezone.now() + timedelta(hours=1))
    taken_down = make_article()
    url = taken_down.get_absolute_url()
    taken_down.unpublish()
    for path in (draft.get_absolute_url(), future.get_absolute_url(), url):
        assert client.get(path).status_code == 404


def test_story_number_of_another_edition_is_404(client, newsroom):
    article = make_article()
    assert client.get("/eng" + article.get_absolute_url()).status_code == 404


def test_edition_switch_goes_to_the_same_story_or_the_front_page(client, newsroom):
    article = make_article()
    english = article_translate(article=article, edition=get_edition("en"))
    english.headline = "In English"
    english.save_revision().publish()
    english.refresh_from_db()

    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{english.get_absolute_url()}" lang="en"' in html
    assert 'href="/rus/" lang="ru"' in html  # no Russian edition of this story
    back = client.get(english.get_absolute_url()).content.decode()
    assert f'href="{article.get_absolute_url()}" lang="uk"' in back


def test_front_page_lists_the_editions_live_articles_newest_first(client, newsroom):
    older = make_article(headline="Старіша", published_at=timezone.now() - timedelta(hours=2))
    newer = make_article(headline="Новіша", is_urgent=True)
    make_article(edition="en", headline="English only")
    make_article(headline="Чернетка", publish=False)
    html = client.get("/").content.decode()
    assert html.index(newer.headline) < html.index(older.headline)
    assert "English only" not in html and "Чернетка" not in html
    assert '<li class="urgent">' in html
    assert "English only" in client.get("/eng/").content.decode()


def test_a_story_published_just_after_kyiv_midnight_keeps_its_address(client, newsroom):
    """Its address carries its Kyiv date, a day ahead of the UTC one the database keeps."""
    from shpalta.editions.dates import KYIV

    late = make_article(published_at=datetime(2024, 12, 13, 0, 30, tzinfo=KYIV))
    assert late.get_absolute_url() == f"/news/2024/12/13/{late.story_number}/"
    assert client.get(late.get_absolute_url()).status_code == 200


def test_only_a_recent_storys_page_keeps_its_own_parts(client, newsroom, settings):
    """An archive story's page renders its text and the blocks under it each time rather
    than keeping them in the store for a reader who may never come (settings:
    ARTICLE_PARTS_DAYS); the page is the same either way."""
    settings.PAGE_CACHE = False  # every request renders, from what the store keeps
    now = timezone.now()
    recent = make_article(headline="Свіжа новина", published_at=now - timedelta(hours=5))
    archive = make_article(
        headline="Давня новина",
        published_at=now - timedelta(days=settings.ARTICLE_PARTS_DAYS, hours=1),
    )
    for article, kept in ((recent, True), (archive, False)):
        first = client.get(article.get_absolute_url())
        again = client.get(article.get_absolute_url())
        assert first.status_code == again.status_code == 200
        assert first.content == again.content
        own = [
            keys.stored_fragment(name(article.pk))
            for name in (keys.article_parts_fragment, keys.article_more_fragment)
        ]
        assert len(store().get_many(own)) == (2 if kept else 0), article.headline
        # The columns every page shares are kept all the same.
        assert store().get_many([keys.stored_fragment(keys.shell_fragment("uk"))])
