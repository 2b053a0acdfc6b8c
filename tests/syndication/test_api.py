"""The content API: ninjs 3.1 validated against IPTC's schema, filters, cursor paging,
conditional requests, rate limits and bad input."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone

from shpalta.newsroom.models import Label

from ..factories import house_body, make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db
NINJS = json.loads((Path(__file__).parent / "schemas" / "ninjs-schema_3.1.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(
    NINJS, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
LIST = "/api/v1/articles/"


def get(client, url, status=200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content
    return response


def items(client, query="") -> list[dict]:
    return get(client, f"{LIST}?{query}").json()["items"]


@pytest.fixture
def newsroom_output(newsroom):
    tag = make_tag("drones", uk="дрони", en="drones")
    tag.slug_uk = "drony"
    tag.save()
    live = Label.objects.create(slug="live", name_uk="НАЖИВО", name_en="LIVE")
    author = make_author("olena-marchuk", en="Olena Marchuk")
    image = make_image(size=(1600, 900))
    urgent = make_article(
        edition="en",
        headline="Drones over Kyiv",
        authors=[author],
        tags=[tag],
        labels=[live],
        is_urgent=True,
        main_image=image,
        main_image_caption="Debris",
        body=house_body(image=image),
        section=make_section("war", en="War"),
        published_at=timezone.now() - timedelta(hours=1),
    )
    column = make_article(
        edition="uk",
        headline="Колонка про бюджет",
        kind="column",
        section=make_section("economy"),
        published_at=timezone.now() - timedelta(hours=2),
        tags=[tag],
    )
    make_article(edition="en", headline="Draft", publish=False)
    return {"urgent": urgent, "column": column, "tag": tag, "author": author}


def test_every_item_is_valid_ninjs_3_1(client, newsroom_output):
    listed = items(client)
    assert len(listed) == 2
    for item in listed:
        VALIDATOR.validate(item)
        assert item["representationType"] == "partial"
        assert "bodies" not in item
    story = newsroom_output["urgent"]
    full = get(client, f"/api/v1/articles/en/{story.story_number}/").json()
    VALIDATOR.validate(full)
    assert full["representationType"] == "full"
    assert full["standard"] == {
        "name": "ninjs",
        "version": "3.1",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    }
    assert full["headlines"] == [{"role": "main", "value": "Drones over Kyiv"}]
    assert full["language"] == "en"
    assert full["urgency"] == 2
    assert full["by"] == "Olena Marchuk"
    assert full["people"][0]["uri"] == "http://127.0.0.1:8000/eng/authors/olena-marchuk/"
    assert {(s["rel"], s["name"]) for s in full["subjects"]} == {
        ("section", "War"),
        ("tag", "drones"),
        ("label", "LIVE"),
    }
    assert full["renditions"][0]["href"] == "http://127.0.0.1:8000" + story.get_absolute_url()
    assert "Ми працюємо далі." in full["bodies"][0]["value"]
    assert full["bodies"][0]["wordCount"] > 10
    picture = full["associations"][0]
    assert picture["type"] == "picture"
    assert picture["renditions"][0]["width"] == 1200
    assert datetime.fromisoformat(full["firstCreated"]) == story.published_at
    # The same story has the same uri in the list, the feed GUID and the detail.
    assert full["uri"] in {item["uri"] for item in listed}


def test_the_filters_narrow_the_list(client, newsroom_output):
    urgent, column = newsroom_output["urgent"], newsroom_output["column"]

    def headlines(query):
        return [item["headlines"][0]["value"] for item in items(client, query)]

    assert headlines("edition=en") == [urgent.headline]
    assert headlines("edition=uk") == [column.headline]
    assert headlines("section=economy") == [column.headline]
    assert headlines("tag=drones") == [urgent.headline, column.headline]
    assert headlines("tag=drony") == [urgent.headline, column.headline]  # the uk slug
    assert headlines("author=olena-marchuk") == [urgent.headline]
    assert headlines("kind=column") == [column.headline]
    assert headlines("label=live") == [urgent.headline]
    assert headlines("urgent=true") == [urgent.headline]
    assert headlines("urgent=false") == [column.headline]
    assert headlines("edition=en&kind=column") == []
    assert headlines("section=no-such-section") == []
    since = (timezone.now() - timedelta(minutes=90)).isoformat()
    assert headlines(f"updated_since={since.replace('+', '%2B')}") == [urgent.headline]
    column.headline = "Колонка про бюджет, оновлена"
    column.save_revision().publish()
    assert headlines(f"updated_since={since.replace('+', '%2B')}") == [
        urgent.headline,
        "Колонка про бюджет, оновлена",
    ]


def walk(client, query: str, limit: int) -> list[str]:
    """Every headline of a list, following its cursor page after page."""
    seen, url = [], f"{LIST}?{query}&limit={limit}"
    while url:
        page = get(client, url.removeprefix("http://127.0.0.1:8000")).json()
        assert len(page["items"]) <= limit
        seen += [item["headlines"][0]["value"] for item in page["items"]]
        url = page["next"]
    return seen


def test_cursor_pages_through_everything_once_in_a_stable_order(client, newsroom):
    same_moment = timezone.now() - timedelta(minutes=5)
    made = [
        make_article(edition="en", headline=f"Item {n}", published_at=same_moment) for n in range(3)
    ]
    made += [make_article(edition="en", headline=f"Later {n}") for n in range(2)]
    expected = sorted(made, key=lambda a: (a.published_at, a.pk), reverse=True)
    assert walk(client, "edition=en", 2) == [article.headline for article in expected]


def test_every_edition_at_once_pages_in_one_order(client, newsroom):
    """Without an edition the list merges the editions' newest (each read in its own
    index): one order by time across them, each item once, filters still applied."""
    start = timezone.now() - timedelta(hours=3)
    made = [
        make_article(
            edition=("uk", "ru", "en")[n % 3],
            headline=f"Story {n}",
            published_at=start + timedelta(minutes=n if n != 4 else 7),  # two at one moment
        )
        for n in range(8)
    ]
    expected = sorted(made, key=lambda a: (a.published_at, a.pk), reverse=True)
    assert walk(client, "", 3) == [article.headline for article in expected]
    news = [
        item["headlines"][0]["value"] for item in get(client, f"{LIST}?kind=news").json()["items"]
    ]
    assert news == [article.headline for article in expected]
    assert get(client, f"{LIST}?kind=column").json()["items"] == []


def test_q_finds_word_forms_newest_first_with_the_other_filters(client, newsroom):
    """`q` as the site's search takes it, in each edition's language; newest first, paged
    by the cursor, narrowed by the other filters."""
    start = timezone.now() - timedelta(hours=2)
    drones = [
        make_article(headline=f"Дрони над містом {n}", published_at=start + timedelta(minutes=n))
        for n in range(3)
    ]
    russian = make_article(edition="ru", headline="Дроны над городом")
    make_article(headline="Про погоду")
    tagged = make_tag("air")
    drones[0].tag_links.create(tag=tagged, sort_order=0)
    drones[0].save_revision().publish()

    def found(query):
        return [item["headlines"][0]["value"] for item in items(client, query)]

    assert found("q=дронами&edition=uk") == [a.headline for a in reversed(drones)]
    assert found("q=дронами") == [russian.headline, *(a.headline for a in reversed(drones))]
    assert found("q=дронами&edition=uk&tag=air") == [drones[0].headline]
    assert walk(client, "q=дронами&edition=uk", 2) == [a.headline for a in reversed(drones)]
    assert found("q=погодою&kind=column") == []


def test_a_tag_or_author_list_pages_once_through_every_edition(client, newsroom):
    """Read in the link tables' indexes: an article with several tags or authors still
    comes once, in time order, page after page."""
    drones, war, other = make_tag("drones"), make_tag("war"), make_tag("other")
    drones.slug_uk = "drony"  # a tag's slug differs by edition; any of them names it
    drones.save()
    reporter, second = make_author("reporter"), make_author("second")
    start = timezone.now() - timedelta(hours=3)
    made = [
        make_article(
            edition=("uk", "ru", "en")[n % 3],
            headline=f"Story {n}",
            published_at=start + timedelta(minutes=n),
            tags=[war, drones] if n != 5 else [other],
            authors=[second, reporter] if n != 2 else [second],
        )
        for n in range(12)  # more in each edition than a page
    ]

    def newest_first(*left_out):
        return [a.headline for a in reversed(made) if a.headline not in left_out]

    assert walk(client, "tag=drones", 2) == newest_first("Story 5")
    assert walk(client, "tag=drony", 2) == newest_first("Story 5")
    assert walk(client, "author=reporter", 2) == newest_first("Story 2")
    assert walk(client, "tag=war&author=reporter", 2) == newest_first("Story 2", "Story 5")
    assert walk(client, "tag=war&edition=en", 2) == ["Story 11", "Story 8", "Story 2"]


def test_etag_and_last_modified_give_304_until_the_story_changes(client, newsroom_output):
    story = newsroom_output["urgent"]
    first = {}
    for url in (LIST, f"/api/v1/articles/en/{story.story_number}/"):
        first[url] = get(client, url)
        etag, modified = first[url]["ETag"], first[url]["Last-Modified"]
        assert etag and modified
        assert get(client, url, 304, if_none_match=etag).content == b""
        assert get(client, url, 304, if_modified_since=modified).content == b""
        get(client, url, 200, if_none_match='"something-else"')
    story.headline = "Drones over Kyiv: an update"
    story.save_revision().publish()
    for url, before in first.items():
        # What a client kept of each answer is no longer current: both give the new text.
        for asked in (
            {"if_none_match": before["ETag"]},
            {"if_modified_since": before["Last-Modified"]},
        ):
            again = get(client, url, 200, **asked)
            assert "Drones over Kyiv: an update" in again.content.decode(), url
        assert again["ETag"] != before["ETag"], url


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("colour=red", "colour"),
        ("edition=de", "edition"),
        ("kind=poem", "kind"),
        ("urgent=maybe", "urgent"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("limit=%C2%B2", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=%00%01", "cursor"),
        ("cursor=OTk5OTk5OTk5OTk5OTk5OTk5LjE", "cursor"),
        ("updated_since=yesterday", "updated_since"),
        ("updated_since=2024-13-01", "updated_since"),
        ("updated_since=9999-12-31T23:59:59-05:00", "updated_since"),
        ("section=two%20words", "section"),
        ("tag=%00", "tag"),
        ("edition=en&edition=uk", "edition"),
        ("q=", "q"),
        ("q=%20%21%3F", "q"),
        ("q=" + "x" * 201, "q"),
        ("q=%D0%B4%D1%80%D0%BE%D0%BD%00", "q"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, newsroom, query, parameter):
    response = get(client, f"{LIST}?{query}", 400)
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert parameter in error["message"]


def test_unknown_or_unpublished_article_is_a_json_404(client, newsroom):
    draft = make_article(edition="en", publish=False)
    for url in (
        f"/api/v1/articles/en/{draft.story_number}/",
        "/api/v1/articles/en/999999999999/",
        "/api/v1/articles/de/1/",
    ):
        response = get(client, url, 404)
        assert response.json()["error"]["code"] == "not_found"


def test_the_api_is_read_only(client, newsroom):
    response = client.post(LIST, {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_each_client_has_its_own_allowance(client, newsroom, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        get(client, LIST)  # the second and third come from the page cache, and count
    refused = get(client, LIST, 429)
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= settings.API_RATE_WINDOW + 1
    other = client.get(LIST, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_openapi_document_describes_the_api(client, newsroom):
    document = get(client, "/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {"/api/v1/articles/", "/api/v1/articles/{edition}/{story}/"}
    listed = {p["name"] for p in document["paths"]["/api/v1/articles/"]["get"]["parameters"]}
    assert listed == {
        "edition",
        "section",
        "tag",
        "author",
        "kind",
        "label",
        "urgent",
        "updated_since",
        "q",
        "cursor",
        "limit",
    }


def test_a_list_from_kept_items_is_the_list_encoded_anew(client, newsroom_output, settings):
    settings.PAGE_CACHE = False
    first = get(client, "/api/v1/articles/?limit=3").content  # encodes each item, keeps it
    kept = get(client, "/api/v1/articles/?limit=3").content  # every item from the store
    settings.FRAGMENT_CACHE = False
    anew = get(client, "/api/v1/articles/?limit=3").content
    assert first == kept == anew
    assert len(json.loads(kept)["items"]) >= 2


def test_an_article_from_kept_json_is_the_article_encoded_anew_and_follows_edits(
    client, newsroom_output, settings
):
    settings.PAGE_CACHE = False
    story = newsroom_output["urgent"]
    url = f"/api/v1/articles/en/{story.story_number}/"
    first = get(client, url).content  # encodes the article, keeps it
    kept = get(client, url).content
    settings.FRAGMENT_CACHE = False
    assert first == kept == get(client, url).content
    settings.FRAGMENT_CACHE = True
    story.headline = "Drones over Kyiv: an update"
    story.save_revision().publish()
    edited = get(client, url)
    assert json.loads(edited.content)["headlines"][0]["value"] == "Drones over Kyiv: an update"
    settings.FRAGMENT_CACHE = False
    assert get(client, url).content == edited.content
