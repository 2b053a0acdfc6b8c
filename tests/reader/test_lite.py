"""The lite edition: plain pages under 15 KB with nothing loaded from anywhere, in each
edition's language, kept and purged with the full pages, and its own 404 page."""

import base64
import hashlib
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from shpalta.editions.dates import KYIV
from shpalta.newsroom.models import Label

from ..caching.test_page_cache import through_fast_path
from ..factories import house_body, make_article, make_image, make_tag

pytestmark = pytest.mark.django_db
BUDGET = 15 * 1024
# The genitive month a Ukrainian date takes ("5 грудня").
MONTHS = (None, "січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
          "серпня", "вересня", "жовтня", "листопада", "грудня")  # fmt: skip
# What makes a browser fetch something: none of it may be in a lite page.
LOADS = re.compile(
    r"<(script|img|iframe|object|embed|video|audio|picture|source|link[^>]+stylesheet)\b"
    r"|\ssrc(set)?=|@import|url\(|@font-face",
    re.IGNORECASE,
)


def lite(url: str) -> str:
    """The lite address of a full one."""
    for prefix in ("/rus/", "/eng/"):
        if url.startswith(prefix):
            return prefix + "lite/" + url.removeprefix(prefix)
    return "/lite" + url


def plain(response) -> str:
    """A lite page's HTML, after checking what every lite page must be."""
    html = response.content.decode()
    assert len(response.content) < BUDGET, f"{len(response.content)} bytes"
    assert not LOADS.search(html), LOADS.search(html).group(0)
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
    return html


@pytest.fixture
def stories(newsroom):
    image = make_image()
    earlier = make_article(
        headline="Ранніша новина", kind="article", published_at=timezone.now() - timedelta(days=2)
    )
    now = timezone.now()
    for number in range(40):
        make_article(
            headline=f"Новина номер {number} з довгим заголовком про події дня у громадах",
            published_at=now - timedelta(seconds=number + 1),
        )
    uk = make_article(
        headline="Головна новина дня",
        body=house_body(earlier=earlier, image=image),
        main_image=image,
        tags=[make_tag("drones", en="drones")],
        is_urgent=True,
    )
    en = make_article(
        edition="en",
        headline="Main story of the day",
        translation_key=uk.translation_key,
        story_number=uk.story_number,
    )
    return {"uk": uk, "en": en, "earlier": earlier}


def test_front_day_and_article_are_plain_and_small_in_each_edition(client, stories, settings):
    uk, en = stories["uk"], stories["en"]
    day = timezone.localtime(uk.published_at, KYIV)
    front = plain(client.get("/lite/"))
    assert lite(uk.get_absolute_url()) in front
    assert "Полегшена версія" in front
    assert f'<link rel="canonical" href="{settings.SITE_URL}/">' in front
    assert 'href="/eng/lite/"' in front and 'href="/rus/lite/"' in front
    days = plain(client.get(f"/lite/news/{day:%Y/%m}/{day.day}/"))
    assert "Головна новина дня" in days and "?page=2" in days
    article = plain(client.get(lite(uk.get_absolute_url())))
    assert "&lt;" not in article and "<blockquote><p>Ми працюємо далі.</p>" in article
    for shown in (
        "Головна новина дня",
        "Депутати проголосували",
        "Ми працюємо далі",
        "Перший абзац деталей",
        "Фото: Підпис",
        "https://www.youtube.com/watch",
    ):
        assert shown in article, shown
    # The Background link leads to the earlier story's lite page; the full version and
    # the English edition of the story are a link away.
    assert lite(stories["earlier"].get_absolute_url()) in article
    assert f'href="{uk.get_absolute_url()}"' in article
    assert f'href="{lite(en.get_absolute_url())}"' in article
    english = plain(client.get(lite(en.get_absolute_url())))
    assert "Lite edition" in english and "Full version" in english
    russian = plain(client.get("/rus/lite/"))
    assert "Облегчённая версия" in russian


def test_a_day_is_paged_and_the_front_page_dates_older_items(client, stories):
    day = timezone.localtime(stories["uk"].published_at, KYIV)
    url = f"/lite/news/{day:%Y/%m}/{day.day}/"
    pages = [client.get(url + f"?page={number}") for number in (1, 2, 3)]
    assert sum(plain(page).count("<li>") for page in pages) == 41
    assert client.get(url + "?page=4").status_code == 404
    # The front page dates what is not of today; a day's own list gives times only.
    earlier = timezone.localtime(stories["earlier"].published_at, KYIV)
    front = client.get("/lite/").content.decode()
    assert (
        f">{earlier.day} грудня, {earlier:%H:%M}<".replace("грудня", MONTHS[earlier.month]) in front
    )
    its_day = client.get(f"/lite/news/{earlier:%Y/%m}/{earlier.day}/").content.decode()
    assert f">{earlier:%H:%M}</time>" in its_day


def test_a_long_read_is_split_into_parts_under_the_budget(client, newsroom):
    paragraphs = [
        ("paragraph", RichText(f"<p>Абзац {n}. {'Довге речення абзацу. ' * 40}</p>"))
        for n in range(40)
    ]
    article = make_article(headline="Довгий текст", body=paragraphs)
    url = lite(article.get_absolute_url())
    parts, number = [], 1
    while True:
        response = client.get(url + (f"?page={number}" if number > 1 else ""))
        if response.status_code == 404:
            break
        parts.append(plain(response))
        number += 1
    assert len(parts) >= 3
    text = "".join(parts)
    assert [int(n) for n in re.findall(r"Абзац (\d+)\.", text)] == list(range(40))
    assert "Депутати проголосували" in parts[0] and "Депутати проголосували" not in parts[1]
    assert f"Частина 2 з {len(parts)}" in parts[1]
    assert client.get(url + "?page=abc").status_code == 404


def test_lists_of_the_longest_headlines_stay_under_the_budget(client, newsroom):
    label = Label.objects.create(slug="live", name_uk="НАЖИВО")
    for number in range(30):
        make_article(headline=f"{number:02d} " + "Щ" * 252, labels=[label], is_urgent=True)
    plain(client.get("/lite/"))
    assert "?page=2" in plain(client.get("/lite/news/"))
    assert "Щ" * 252 in plain(client.get("/lite/news/?page=2"))


def test_wrong_or_missing_lite_addresses(client, stories):
    uk = stories["uk"]
    moved = lite(uk.get_absolute_url()).replace("/news/", "/articles/")
    response = client.get(moved)
    assert response.status_code == 301 and response["Location"] == lite(uk.get_absolute_url())
    for url in (
        "/lite/nothing/",
        "/eng/lite/news/1999/01/01/",
        "/lite/news/2024/02/30/",
        "/rus/lite/news/2024/01/01/999999/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        html = plain(response)
        assert "noindex" in html, url
        said = {"/rus/": "Страница не найдена", "/eng/": "Page not found"}.get(url[:5])
        assert (said or "Сторінку не знайдено") in html, url


def test_made_up_lite_addresses_get_the_kept_lite_404_before_django(client, stories):
    assert through_fast_path("/eng/lite/made-up/")[0].startswith("404")
    status, headers, body = through_fast_path("/eng/lite/made-up-again/")
    assert status.startswith("404") and headers["X-Cache"] == "HIT"
    assert "Lite edition" in body.decode() and b"<script" not in body
    status, headers, body = through_fast_path("/eng/made-up/")  # the full site's own
    assert status.startswith("404") and b"<script" in body


def test_full_pages_lead_to_the_lite_ones(client, stories, settings):
    uk = stories["uk"]
    html = client.get(uk.get_absolute_url()).content.decode()
    alternate = (
        '<link rel="alternate" type="text/html" title="Полегшена версія" '
        f'href="{settings.SITE_URL}{lite(uk.get_absolute_url())}">'
    )
    assert alternate in html
    for url in ("/", "/eng/news/", "/rus/about/"):
        assert 'lite/">' in client.get(url).content.decode().split('class="site-footer"')[1], url


def test_lite_pages_are_kept_and_purged_with_the_full_ones(client, stories, settings):
    uk = stories["uk"]
    urls = ["/lite/", lite(uk.get_absolute_url())]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url
    uk.headline = "Виправлений заголовок"
    uk.save_revision().publish()
    for url in urls:
        response = client.get(url)
        assert response.get("X-Cache") != "HIT", url
        assert "Виправлений заголовок" in response.content.decode(), url
    uk.unpublish()
    assert client.get(lite(uk.get_absolute_url())).status_code == 404
    assert "Виправлений заголовок" not in client.get("/lite/").content.decode()
