"""Search in three editions: word forms find each other (the test set in tests/search_set.py,
recall and precision reported), the reader's search page, bad input, the index following
publishing, and the newsroom's list searches; on SQLite (FTS5) and PostgreSQL alike."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.rich_text import RichText

from shpalta.newsroom import search
from shpalta.newsroom.models import Article

from ..conftest import sign_in
from ..factories import make_article, make_section, make_tag
from ..search_set import FILLER, SETS

pytestmark = pytest.mark.django_db
PREFIX = {"uk": "", "ru": "/rus", "en": "/eng"}


def plant(edition: str) -> dict[str, Article]:
    """One story per pair of the edition's set: its word in the headline or the body."""
    stories = {}
    for n, (_typed, written) in enumerate(SETS[edition]):
        if n % 2 == 0:
            article = make_article(edition=edition, headline=f"{FILLER[edition]}: {written}")
        else:
            article = make_article(
                edition=edition,
                headline=f"{FILLER[edition]} {n}",
                body=[("paragraph", RichText(f"<p>{FILLER[edition]}. {written}.</p>"))],
            )
        stories[written] = article
    return stories


def related(a: str, b: str) -> bool:
    """Stories that a reader of one would accept for the other: the same first letters."""
    return a.lower()[:4] == b.lower()[:4]


@pytest.mark.parametrize("edition", ["uk", "ru", "en"])
def test_every_word_form_finds_the_others(newsroom, edition):
    stories = plant(edition)
    live = Article.objects.live().in_edition(edition)
    hits, returned, relevant_returned, misses = 0, 0, 0, []
    for typed, written in SETS[edition]:
        found = list(search.find(live, search.Query.parse(typed, edition))[:10])
        if stories[written] in found:
            hits += 1
        else:
            misses.append((typed, written))
        returned += len(found)
        relevant_returned += sum(
            any(related(word, written) and stories[word] == article for word in stories)
            for article in found
        )
    recall = hits / len(SETS[edition])
    precision = relevant_returned / max(returned, 1)
    print(
        f"\n{edition}: {len(SETS[edition])} queries, recall@10 {recall:.3f}, "
        f"precision {precision:.3f}, missed {misses}"
    )
    assert len(SETS[edition]) >= 40
    assert recall >= 0.95, misses
    assert precision >= 0.8


@pytest.mark.parametrize("way", ["as chosen", "walk", "index"])
def test_each_way_finds_the_newest_matches(newsroom, monkeypatch, way):
    """What `find` returns is the newest of the articles whose indexed lemmas hold every
    word, whichever way PostgreSQL takes (search_backend: walking the newest articles or
    the GIN index first); SQLite has one way."""
    from shpalta.newsroom import search_backend

    if way == "walk":  # every word counts as common, and the edition as large
        monkeypatch.setattr(search_backend, "COMMON", 0)
        monkeypatch.setattr(search_backend, "SMALL_BY_INDEX", False)
    elif way == "index":  # none does, and the sample is not the whole edition
        monkeypatch.setattr(search_backend, "SAMPLE", 2)
        monkeypatch.setattr(search_backend, "COMMON", 10)
    plant("uk")
    plant("ru")  # another edition's stories, some with the same lemmas
    live = Article.objects.live().in_edition("uk")
    documents = {article.pk: set(article.body_lemmas().split()) for article in live}
    for typed, _written in [*SETS["uk"][:12], ("дрони", None), (FILLER["uk"], None)]:
        query = search.Query.parse(typed, "uk")
        expected = sorted(
            (pk for pk, lemmas in documents.items() if all(lemmas & set(t) for t in query.terms)),
            reverse=True,
        )
        assert expected, typed
        assert sorted(search.find(live, query).ids, reverse=True) == expected, typed
        newest = search.find(live, query, window=3)
        assert sorted(newest.ids, reverse=True) == expected[:3], typed
        assert newest.capped == (len(expected) > 3)
    # Filters that hold nothing (an API's tag nobody has: an empty list of ids).
    assert not search.find(live.filter(pk__in=[]), search.Query.parse("дрони", "uk"))


def test_the_search_page_finds_marks_pages_and_filters(client, newsroom):
    war = make_section("war", uk="Війна")
    make_section("economy", uk="Економіка")
    for n in range(24):
        make_article(headline=f"Дрони атакували Київ, хвиля {n}", section=war)
    make_article(
        headline="Ніч у столиці",
        body=[("paragraph", RichText("<p>Над містом збили кілька дронів.</p>"))],
    )
    make_article(headline="Переговори про зерно", lead="<p>Делегації обговорили дрони.</p>")
    make_article(headline="Про погоду", lead="<p>Сонячно.</p>")
    for n in range(40):  # an archive where drones are news, not every story
        make_article(headline=f"Хроніка дня {n}", lead="<p>Події в регіонах.</p>")

    page = client.get("/search/", {"q": "дронами"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Знайдено матеріалів: 26" in html
    results = html.split('class="search-results"')[1].split("</ol>")[0]
    assert "<mark>Дрони</mark> атакували" in results and "<mark>дрони</mark>" in results
    assert "Про погоду" not in results
    assert '<meta name="robots" content="noindex, follow">' in html
    assert page["X-Robots-Tag"] == "noindex" and "private" in page["Cache-Control"]
    assert 'rel="next" href="?q=%D0%B4%D1%80%D0%BE%D0%BD%D0%B0%D0%BC%D0%B8&amp;page=2"' in html
    # By relevance, a word in the headline or lead counts more than one in the text: the
    # story that has it in its text alone comes last.
    second = client.get("/search/", {"q": "дронами", "page": "2"}).content.decode()
    assert second.count('class="result-meta"') == 6
    assert second.rindex('class="result-meta"') < second.index("<mark>дронів</mark>")
    by_section = client.get("/search/", {"q": "дрони", "section": str(war.pk)})
    assert "Знайдено матеріалів: 24" in by_section.content.decode()
    by_date = client.get("/search/", {"q": "дрони", "sort": "date"}).content.decode()
    assert by_date.index("Переговори про зерно") < by_date.index("хвиля 23")
    # The search box is in every page's chrome, and works without JavaScript (a GET form).
    front = client.get("/").content.decode()
    assert 'action="/search/" method="get" role="search"' in front


def test_nothing_found_says_so_and_points_to_the_other_editions(client, newsroom):
    make_article(edition="ru", headline="Переговоры в Стамбуле")
    html = client.get("/search/", {"q": "переговоров"}).content.decode()
    assert "Нічого не знайдено" in html
    assert 'href="/rus/search/?q=%D0%BF' in html and "(Русский): 1" in html


@pytest.mark.parametrize(
    ("edition", "headline", "typed", "meant"),
    [
        ("uk", "Переговори в Стамбулі тривали до ночі", "перегвори в стамбулі", "переговори"),
        ("ru", "Энергетики восстановили свет в Харькове", "энергетки харьков", "энергетик"),
        ("en", "Grain corridor talks resume in Istanbul", "grain coridor", "corridor"),
    ],
)
def test_a_near_spelling_is_suggested_when_nothing_is_found(
    client, newsroom, edition, headline, typed, meant
):
    article = make_article(edition=edition, headline=headline)
    html = client.get(f"{PREFIX[edition]}/search/", {"q": typed, "kind": "news"}).content.decode()
    assert 'class="respelled"' in html
    link = re.search(r'class="respelled">[^<]*<a href="([^"]+)">([^<]+)</a>', html)
    assert meant in link[2].split()
    assert "kind=news" in link[1]  # the filters kept
    found = client.get(f"{PREFIX[edition]}/search/" + unescape(link[1])).content.decode()
    assert 'class="search-count"' in found and article.get_absolute_url() in found
    # Nothing to suggest: no word is one slip from a word the index holds.
    html = client.get(f"{PREFIX[edition]}/search/", {"q": "qqqxxzzz"}).content.decode()
    assert 'class="respelled"' not in html


def test_the_index_follows_publishing(client, newsroom):
    article = make_article(headline="Енергетики відновили світло")
    assert "відновили" in client.get("/search/", {"q": "енергетикам"}).content.decode()
    article.unpublish()
    assert "відновили" not in client.get("/search/", {"q": "енергетикам"}).content.decode()


BAD = [
    "",
    " ",
    "x" * 10_000,
    "!!! ??? ...",
    '"',
    '"дрон',
    "дрон*",
    "NEAR(дрон київ)",
    "дрон OR київ",
    "-дрон",
    "title:дрон",
    "(((",
    "'; DROP TABLE newsroom_article; --",
    "\\",
    "ʼ’'",
    "та і в",
    " OR ".join(["дрон"] * 1000),
]


@pytest.mark.parametrize("query", BAD, ids=range(len(BAD)))
def test_odd_queries_get_a_page_never_a_500(client, newsroom, query):
    """And cost no more than the dearest ordinary search: a typing slip, which asks the
    index for near spellings, mends one and tries the other editions. What an odd query
    asks must not grow with what it holds (a statement per near spelling of each of its
    words was 499 statements for the DROP TABLE line)."""
    make_article(headline="Дрон над Києвом")
    assert client.get("/search/", {"q": "дрон"}).status_code == 200  # dictionaries loaded
    with CaptureQueriesContext(connection) as slip:
        assert "дрон" in client.get("/search/", {"q": "дорн"}).content.decode()
    with CaptureQueriesContext(connection) as odd:
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert len(odd) <= len(slip), [entry["sql"][:80] for entry in odd.captured_queries]
    if len(query) > search.MAX_QUERY_LENGTH:
        assert "лише перші 200 символів" in response.content.decode()


@pytest.mark.parametrize(
    "params, status",
    [
        ({"q": "дрон\x00"}, 400),
        ({"q": "дрон", "section": "no-such-section"}, 400),
        ({"q": "дрон", "since": "2024-02-31"}, 400),
        ({"q": "дрон", "since": "2025-05-02", "until": "2025-05-01"}, 400),
        ({"q": "дрон", "kind": "gossip"}, 400),
        ({"q": "дрон", "page": "999"}, 404),
        ({"q": "дрон", "page": "x"}, 404),
    ],
)
def test_wrong_filters_and_pages_are_told_in_the_editions_language(
    client, newsroom, params, status
):
    make_article(headline="Дрон над Києвом")
    response = client.get("/search/", params)
    assert response.status_code == status
    if status == 400:
        html = response.content.decode()
        assert 'class="form-errors"' in html
        assert 'value="дрон' in html  # what was typed stays in the box


def test_invalid_utf8_in_the_query_is_not_a_500(client, newsroom):
    response = client.get("/search/?q=%ff%fe%d0")
    assert response.status_code == 200


def test_the_english_edition_searches_in_english(client, newsroom):
    make_article(edition="en", headline="Drones attacked the port of Odesa")
    html = client.get("/eng/search/", {"q": "drone attack"}).content.decode()
    assert "Stories found: 1" in html and "<mark>Drones</mark> <mark>attacked</mark>" in html


def test_newsroom_list_searches_work_and_find_word_forms(client, editor):
    """The Articles list (drafts and every edition included), Tags and Authors lists:
    once a 500 on SQLite (a search restricted to columns the FTS table lacks)."""
    make_article(headline="Дрони над Харковом")
    make_article(edition="ru", headline="Дроны над Харьковом")
    make_article(headline="Чернетка про дронів", publish=False)
    make_tag("drones", uk="дрони")
    sign_in(client, editor)
    articles = client.get(reverse("wagtailsnippets_newsroom_article:list"), {"q": "дронами"})
    html = articles.content.decode()
    assert articles.status_code == 200
    assert "Дрони над Харковом" in html and "Дроны над Харьковом" in html
    assert "Чернетка про дронів" in html
    for name in ("tag", "author", "section", "label"):
        listing = client.get(reverse(f"wagtailsnippets_newsroom_{name}:list"), {"q": "дрон"})
        assert listing.status_code == 200, name
    assert (
        "дрони"
        in client.get(reverse("wagtailsnippets_newsroom_tag:list"), {"q": "дро"}).content.decode()
    )


def test_the_article_chooser_finds_word_forms_and_word_beginnings(client, editor):
    make_article(headline="Дрони над Харковом")
    make_article(headline="Переговори тривають", publish=False)
    sign_in(client, editor)
    chooser = reverse("wagtailsnippetchoosers_newsroom_article:choose_results")
    by_form = client.get(chooser, {"q": "дронами"}).content.decode()
    assert "Дрони над Харковом" in by_form and "Переговори" not in by_form
    typing = client.get(chooser, {"q": "перег"}).content.decode()
    assert "Переговори тривають" in typing


def test_the_sidebar_searches_articles(client, editor):
    sign_in(client, editor)
    home = client.get("/admin/").content.decode()
    assert (
        "/admin/snippets/newsroom/article/" in home.split("wagtail.sidebar.SearchModule")[1][:400]
    )


def test_a_quoted_phrase_matches_the_words_together_only(newsroom):
    together = make_article(headline="Переговори в Стамбулі тривали до ночі")
    apart = make_article(headline="У Стамбулі тривали переговори про обмін")
    live = Article.objects.live().in_edition("uk")
    words = search.find(live, search.Query.parse("переговорів Стамбул", "uk")).ids
    assert set(words) == {together.pk, apart.pk}
    phrase = search.find(live, search.Query.parse('"переговори в Стамбулі"', "uk")).ids
    assert phrase == [together.pk]
