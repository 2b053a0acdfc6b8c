"""The word rules of search (shpalta/newsroom/search.py), without a database: what a
document and a query are reduced to."""

import pytest

from shpalta.newsroom.search import Query, document, highlight, lemmas


def found(typed: str, text: str, language: str) -> bool:
    """Would a query for `typed` match a story of `text` (every word, by its lemmas)?"""
    indexed = set(document(text, language).split())
    return all(set(term) & indexed for term in Query.parse(typed, language).terms)


@pytest.mark.parametrize(
    ("typed", "text", "language"),
    [
        ("дронами", "Дрон", "uk"),
        ("дрон", "дронів і дрони", "uk"),
        ("Києві", "Київ", "uk"),
        ("переговорів", "переговори", "uk"),
        ("розвідник", "дрон-розвідник", "uk"),  # a hyphenated word, by its part
        ("м'ясо", "м’яса", "uk"),  # ' and ’
        ("мʼясо", "м'яса", "uk"),  # ʼ (U+02BC)
        ("грунт", "ґрунту", "uk"),  # ґ as г
        ("ґрунт", "грунту", "uk"),
        ("дронов", "дронів", "uk"),  # a Russian word in the Ukrainian edition
        ("елка", "ёлки", "ru"),  # ё as е
        ("энергетиков", "энергетики", "ru"),  # every reading of a known word
        ("Drones", "drone", "en"),
        ("KYIV's", "Kyiv", "en"),
    ],
)
def test_forms_find_each_other(typed, text, language):
    assert found(typed, text, language)


def test_unrelated_words_do_not():
    assert not found("дрон", "ракета", "uk")
    assert not found("переговори", "перегони", "uk")


def test_function_words_are_not_required_but_phrases_keep_them():
    query = Query.parse('у Києві "переговори в Стамбулі"', "uk")
    assert ("у",) not in query.terms and ("в",) not in query.terms
    assert query.phrases == [("переговори", "в", "стамбул")]


def test_queries_are_capped_and_odd_input_is_no_words():
    assert Query.parse("дрон " * 100, "uk").truncated
    assert len(Query.parse(" ".join(f"слово{n}" for n in range(50)), "uk").terms) == 12
    for odd in ["", "   ", "!!!", '"', "ʼ’'", "та і в", "\x00"]:
        assert not Query.parse(odd, "uk"), odd


def test_lemmas_of_a_word_put_the_likeliest_first():
    assert lemmas("дронами", "uk")[0] == "дрон"
    assert lemmas("missiles", "en") == ("missil",)


def test_the_passage_marks_the_forms_found():
    pieces = highlight(
        "Вночі дрони атакували Київ. Вибухи чули в Києві.", Query.parse("Київ", "uk")
    )
    assert [piece for piece, marked in pieces if marked] == ["Київ", "Києві"]
    far = "Слово " * 100 + "дронами наприкінці."
    passage = "".join(piece for piece, _ in highlight(far, Query.parse("дрон", "uk")))
    assert passage.startswith("…") and "дронами" in passage and len(passage) < 300
