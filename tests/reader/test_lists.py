"""All News by day, and the lists by tag, author, section, label and kind."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from shpalta.editions.dates import KYIV, kyiv_day_bounds, kyiv_time
from shpalta.newsroom.models import Label

from ..factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db


def kyiv(*args) -> datetime:
    return datetime(*args, tzinfo=KYIV)


def main(response) -> str:
    """The page's own content, without the recent-news column beside it."""
    html = response.content.decode()
    return html[html.index('<main id="content">') : html.index("</main>")]


def test_all_news_shows_todays_items_newest_first_with_time_label_and_media(client, newsroom):
    now = timezone.now()
    explainer = Label.objects.create(slug="explainer", name_uk="ПОЯСНЕННЯ", name_en="EXPLAINER")
    # Half an hour before, or halfway since Kyiv's midnight in the first hour of the day.
    since_midnight = now - kyiv_day_bounds(kyiv_time(now).date())[0]
    earlier = now - min(timedelta(minutes=30), since_midnight / 2)
    older = make_article(headline="Ранкова новина", published_at=earlier)
    make_article(
        headline="Свіжа новина", has_photos=True, has_video=True, is_urgent=True, labels=[explainer]
    )
    make_article(edition="en", headline="English item")
    html = main(client.get("/news/"))

    assert html.index("Свіжа новина") < html.index("Ранкова новина")
    assert "English item" not in html
    assert timezone.localtime(older.published_at, KYIV).strftime("%H:%M") in html
    assert '<li class="urgent">' in html
    assert re.search(r'ПОЯСНЕННЯ</span>\s*<a href="[^"]+">Свіжа новина</a>', html)
    assert 'Свіжа новина</a><span class="media"> – фото, відео</span>' in html
    assert "Сьогодні" in html


def test_a_line_shows_what_the_newsroom_wrote_as_text(client, newsroom):
    """Headlines and labels are text, in a day's list and in the recent-news column."""
    odd = Label.objects.create(slug="odd", name_uk="<i>МІТКА</i>", name_en="<i>LABEL</i>")
    make_article(headline='Ціни <b>зросли</b> & "впали"', labels=[odd])
    other = make_article(headline="Інша новина")
    for path in ("/news/", other.get_absolute_url()):
        page = client.get(path).content.decode()
        assert "Ціни &lt;b&gt;зросли&lt;/b&gt; &amp; &quot;впали&quot;</a>" in page, path
        assert '<span class="label">&lt;i&gt;МІТКА&lt;/i&gt;</span> ' in page, path
        assert "<b>зросли" not in page and "<i>МІТКА" not in page, path


def test_a_past_day_lists_that_kyiv_day_only(client, newsroom):
    make_article(headline="До півночі", published_at=kyiv(2024, 12, 12, 23, 59))
    make_article(headline="Після півночі", published_at=kyiv(2024, 12, 13, 0, 1))
    make_article(headline="Зранку", published_at=kyiv(2024, 12, 12, 0, 0))
    html = main(client.get("/news/2024/12/12/"))
    assert "До півночі" in html and "Зранку" in html and "Після півночі" not in html
    assert 'href="/news/2024/12/11/"' in html and 'href="/news/2024/12/13/"' in html
    assert "четвер, 12 грудня 2024" in html


def test_day_in_each_edition_is_the_same_day(client, newsroom):
    html = client.get("/eng/news/2024/12/12/").content.decode()
    assert 'href="/news/2024/12/12/" lang="uk"' in html
    assert 'href="/rus/news/2024/12/12/" lang="ru"' in html
    assert "Thursday, 12 December 2024" in html


def test_day_picker_goes_to_the_day(client, newsroom):
    response = client.get("/eng/news/?date=2024-12-12")
    assert response.status_code == 302 and response["Location"] == "/eng/news/2024/12/12/"


@pytest.mark.parametrize(
    "path",
    [
        "/news/2024/02/30/",
        "/news/2024/13/01/",
        "/news/1999/12/31/",
        "/news/2999/01/01/",
        "/news/?date=yesterday",
        "/news/?page=0",
        "/news/?page=2",
        "/news/?page=abc",
        "/news/?page=99999999999999999999",
    ],
)
def test_impossible_days_and_pages_are_404(client, newsroom, path):
    assert client.get(path).status_code == 404


def test_pages_of_a_long_day(client, newsroom):
    for minute in range(35):
        make_article(headline=f"Новина {minute}", published_at=kyiv(2024, 12, 12, 10, minute))
    first = main(client.get("/news/2024/12/12/"))
    second = main(client.get("/news/2024/12/12/?page=2"))
    assert "Новина 34" in first and "Новина 0<" not in first
    assert "Новина 0<" in second and 'rel="prev"' in second
    assert "Сторінка 1 з 2" in first


def test_tag_page_lists_the_editions_tagged_items_and_switches_by_slug(client, newsroom):
    nato = make_tag("nato", uk="НАТО", en="NATO")
    nato.slug_en = "nato-alliance"
    nato.save()
    make_article(headline="Про НАТО", tags=[nato])
    make_article(headline="Не про НАТО")
    make_article(edition="en", headline="About NATO", tags=[nato])

    page = client.get("/tags/nato/")
    html = main(page)
    assert '<h1 class="page-title">НАТО</h1>' in html
    assert "Про НАТО" in html and "Не про НАТО" not in html and "About NATO" not in html
    assert 'href="/eng/tags/nato-alliance/" lang="en"' in page.content.decode()
    assert "About NATO" in client.get("/eng/tags/nato-alliance/").content.decode()
    assert client.get("/eng/tags/nato/").status_code == 404


def test_a_tags_pages_hold_its_live_stories_newest_first_and_count_them(client, newsroom):
    drones = make_tag("drones", uk="дрони")
    now = timezone.now()
    for n in range(33):
        make_article(headline=f"Дрони {n}", tags=[drones], published_at=now - timedelta(hours=n))
    make_article(headline="Дрони завтра", tags=[drones], published_at=now + timedelta(days=1))
    make_article(headline="Дрони знято", tags=[drones]).unpublish()
    make_article(edition="ru", headline="Дроны", tags=[drones])
    first, second = main(client.get("/tags/drones/")), main(client.get("/tags/drones/?page=2"))
    shown = re.findall(r">(Дрони [^<]*)</a>", first)
    assert shown == [f"Дрони {n}" for n in range(30)]  # the first page: the 30 newest
    assert re.findall(r">(Дрони [^<]*)</a>", second) == ["Дрони 30", "Дрони 31", "Дрони 32"]
    assert "Сторінка 1 з 2" in first  # 33 counted: not the scheduled, taken down or Russian


def test_author_page_shows_the_author_in_the_edition(client, newsroom):
    author = make_author("oksana", uk="Оксана Мельник", en="Oksana Melnyk")
    author.bio_en = "Covers the economy."
    author.save()
    make_article(edition="en", headline="Her story", authors=[author])
    make_article(edition="en", headline="Someone else's story")
    html = main(client.get("/eng/authors/oksana/"))
    assert "Oksana Melnyk" in html and "Covers the economy." in html
    assert "Her story" in html and "Someone else" not in html


def test_section_label_and_kind_pages(client, newsroom):
    economy = make_section("economy", uk="Економіка")
    live = Label.objects.create(slug="live", name_uk="ОНЛАЙН")
    make_article(headline="Економічна", section=economy, labels=[live])
    make_article(headline="Колонка", kind="column")
    make_article(headline="Інша")

    section = main(client.get("/sections/economy/"))
    assert "Економічна" in section and "Інша" not in section
    label = main(client.get("/labels/live/"))
    assert "Економічна" in label and "Інша" not in label
    columns = main(client.get("/columns/"))
    assert "Колонка" in columns and "Інша" not in columns


@pytest.mark.parametrize(
    "path",
    ["/tags/unknown/", "/authors/nobody/", "/sections/none/", "/labels/none/", "/tags/%D0%B0/"],
)
def test_unknown_lists_are_404(client, newsroom, path):
    assert client.get(path).status_code == 404


def test_not_found_page_speaks_the_editions_language(client, newsroom):
    uk = client.get("/tags/unknown/")
    en = client.get("/eng/tags/unknown/")
    assert "Сторінку не знайдено" in uk.content.decode()
    assert "Page not found" in en.content.decode() and '<html lang="en">' in en.content.decode()


def test_server_error_page_speaks_the_editions_language(rf):
    from shpalta.editions.registry import get_edition
    from shpalta.reader.views import server_error

    request = rf.get("/rus/")
    request.edition = get_edition("ru")
    response = server_error(request)
    assert response.status_code == 500
    assert "Что-то пошло не так" in response.content.decode()


def test_article_page_has_links_related_block_and_recent_news(client, newsroom):
    author = make_author("oksana", uk="Оксана Мельник")
    nato = make_tag("nato", uk="НАТО")
    for number in range(5):
        make_article(
            headline=f"Раніше про НАТО {number}",
            tags=[nato],
            published_at=timezone.now() - timedelta(hours=number + 1),
        )
    article = make_article(headline="Головне про НАТО", tags=[nato], authors=[author])
    html = client.get(article.get_absolute_url()).content.decode()

    assert '<a class="author" href="/authors/oksana/">Оксана Мельник</a>' in html
    assert '<a class="tag" href="/tags/nato/">НАТО</a>' in html
    related = html[html.index('id="related-title"') :]
    assert '<a href="/tags/nato/">НАТО</a>' in related
    assert related.count("Раніше про НАТО") >= 3
    assert (
        "Раніше про НАТО 0" in related and "Раніше про НАТО 3" not in related.split("</section>")[0]
    )
    assert 'id="recent-news-title"' in html and 'href="/news/"' in html


def test_pages_use_a_bounded_number_of_queries(client, newsroom, django_assert_max_num_queries):
    nato = make_tag("nato")
    author = make_author("oksana")
    label = Label.objects.create(slug="live", name_uk="ОНЛАЙН")
    earlier = [
        make_article(
            headline=f"Новина {number}", tags=[nato, make_tag()], authors=[author], labels=[label]
        )
        for number in range(25)
    ]
    background = [{"text": item.headline, "article": item, "url": ""} for item in earlier[:8]]
    article = make_article(body=[("background", background)], tags=[nato], authors=[author])
    for path in (
        "/",
        "/news/",
        "/tags/nato/",
        "/authors/oksana/",
        "/labels/live/",
        article.get_absolute_url(),
    ):
        with django_assert_max_num_queries(20):
            assert client.get(path).status_code == 200
    assert "ОНЛАЙН" in client.get("/labels/live/").content.decode()


def test_front_page_leads_with_the_editors_top_stories_in_their_order(client, newsroom):
    from shpalta.newsroom.models import FrontPage, TopStory

    first = make_article(headline="Перша за вибором")
    second = make_article(
        headline="Друга за вибором", published_at=timezone.now() - timedelta(days=2)
    )
    unpublished = make_article(headline="Знята", publish=False)
    make_article(headline="Свіжий лонгрід", kind="article")
    front = FrontPage.objects.get(locale__language_code="uk")
    for order, article in enumerate([second, unpublished, first]):
        TopStory.objects.create(front_page=front, article=article, sort_order=order)

    html = main(client.get("/"))
    top = html[html.index('id="top-title"') : html.index('id="latest-title"')]
    assert (
        top.index("Друга за вибором") < top.index("Перша за вибором") < top.index("Свіжий лонгрід")
    )
    assert "Знята" not in html
    latest = html[html.index('id="latest-title"') :]
    assert "Перша за вибором" not in latest.split("</section>")[0]


def test_front_page_has_a_block_per_section(client, newsroom):
    economy = make_section("economy", uk="Економіка")
    for number in range(5):
        make_article(
            headline=f"Економіка {number}",
            section=economy,
            published_at=timezone.now() - timedelta(minutes=number),
        )
    make_article(
        headline="Давня економіка",
        section=economy,
        published_at=timezone.now() - timedelta(days=30),
    )
    html = client.get("/").content.decode()
    block = html[html.index('id="section-economy"') :].split("</section>")[0]
    assert '<a href="/sections/economy/">Економіка</a>' in block
    assert [f"Економіка {n}" in block for n in range(5)] == [True, True, True, False, False]
    assert "Давня економіка" not in block


@pytest.mark.parametrize("page_cache", [True, False])
def test_a_list_counts_the_story_that_joins_or_leaves_it(client, newsroom, settings, page_cache):
    """A list's length is kept with the list (a section of a large archive is dear to
    count): a story that joins or leaves it moves its last page at once."""
    settings.PAGE_CACHE = page_cache
    war = make_section("war", uk="Війна")
    tag = make_tag("front", uk="фронт")
    for minute in range(30):  # one full page
        make_article(headline=f"Новина {minute}", section=war, tags=[tag])
    for url in ("/sections/war/", "/tags/front/"):
        assert "Сторінка 1 з 2" not in main(client.get(url)), url
        assert client.get(url + "?page=2").status_code == 404, url
    late = make_article(headline="Пізня новина", section=war, tags=[tag])
    for url in ("/sections/war/", "/tags/front/"):
        assert "Сторінка 1 з 2" in main(client.get(url)), url
        assert client.get(url + "?page=2").status_code == 200, url
    late.unpublish()
    for url in ("/sections/war/", "/tags/front/"):
        assert "Сторінка 1 з 2" not in main(client.get(url)), url
        assert client.get(url + "?page=2").status_code == 404, url
