"""Live blogs: a story of the kind "live" whose updates reporters add, change and delete
on their own (each a row: no one's update overwrites another's), editors pin and end;
readers see them newest first with their own anchors, in LiveBlogPosting structured data,
and in a small page of the latest updates their browser asks for."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from shpalta.newsroom.models import LiveEntry

from ..conftest import _member, sign_in
from ..factories import make_article, make_author

pytestmark = pytest.mark.django_db


def make_blog(**fields):
    return make_article(
        kind="live", headline="Нічна атака: онлайн", lead="<p>Стежимо за подіями.</p>", **fields
    )


def add_entry(blog, text: str, minutes_ago: int = 0, **fields) -> LiveEntry:
    return LiveEntry.objects.create(
        article=blog,
        published_at=timezone.now() - timezone.timedelta(minutes=minutes_ago),
        body=[("paragraph", f"<p>{text}</p>")],
        **fields,
    )


def entry_form(blog, text: str, **fields) -> dict:
    return nested_form_data(
        {
            "article": blog.pk,
            "published_at": "",
            "headline": fields.get("headline", ""),
            "body": streamfield([("paragraph", rich_text(text))] if text else []),
            "author": "",
            **({"pinned": "on"} if fields.get("pinned") else {}),
        }
    )


def structured(page: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in found]


def test_readers_see_updates_newest_first_with_anchors_and_key_points(client, newsroom):
    blog = make_blog()
    author = make_author(uk="Ірина Коваль")
    add_entry(blog, "Перше оновлення.", minutes_ago=30)
    pinned = add_entry(
        blog, "Головне: світло повернули.", minutes_ago=20, pinned=True, headline="Світло повернули"
    )
    latest = add_entry(blog, "Останнє оновлення.", minutes_ago=1, author=author)
    assert blog.get_absolute_url().startswith("/live/")
    page = client.get(blog.get_absolute_url()).content.decode()
    assert page.index("Останнє оновлення") < page.index("Перше оновлення")
    assert f'id="entry-{latest.pk}"' in page and f'href="#entry-{latest.pk}"' in page
    key_points = page[page.index("live-key-points") : page.index("live-entries")]
    assert f'href="#entry-{pinned.pk}"' in key_points and "Світло повернули" in key_points
    assert "Ірина Коваль" in page
    assert f'data-updates="{blog.get_absolute_url()}updates/"' in page
    [posting] = [d for d in structured(page) if d.get("@type") == "LiveBlogPosting"]
    assert posting["coverageStartTime"].startswith(str(timezone.localdate(blog.published_at)))
    assert "coverageEndTime" not in posting
    updates = posting["liveBlogUpdate"]
    assert updates[0]["articleBody"] == "Останнє оновлення."
    assert updates[0]["url"].endswith(f"{blog.get_absolute_url()}#entry-{latest.pk}")
    assert updates[0]["author"]["name"] == "Ірина Коваль"


def test_an_ended_blog_says_so_and_stops_asking(client, newsroom):
    blog = make_blog(coverage_ended_at=timezone.now())
    add_entry(blog, "Останнє слово.")
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Трансляцію завершено" in page
    assert "data-updates=" not in page and "live.js" not in page
    [posting] = [d for d in structured(page) if d.get("@type") == "LiveBlogPosting"]
    assert "coverageEndTime" in posting


def test_a_new_update_reaches_the_kept_page_and_the_updates_at_once(client, newsroom):
    blog = make_blog()
    add_entry(blog, "Перше оновлення.")
    updates = blog.get_absolute_url() + "updates/"
    assert "Перше" in client.get(blog.get_absolute_url()).content.decode()
    assert client.get(updates).status_code == 200  # now both are kept
    assert client.get(updates)["X-Cache"] == "HIT"
    add_entry(blog, "Друге оновлення.")
    assert "Друге оновлення" in client.get(blog.get_absolute_url()).content.decode()
    fresh = client.get(updates).content.decode()
    assert fresh.index("Друге") < fresh.index("Перше")


def test_the_updates_page_answers_only_for_live_blogs(client, newsroom):
    story = make_article()
    address = story.get_absolute_url().replace("/news/", "/live/") + "updates/"
    assert client.get(address).status_code == 404
    blog = make_blog()
    wrong_day = re.sub(r"/\d+/(\d+)/$", r"/1/\1/", blog.get_absolute_url()) + "updates/"
    assert client.get(wrong_day).status_code in (301, 404)


def test_reporters_add_updates_at_once_without_losing_any(newsroom):
    blog = make_blog()
    first, second = Client(), Client()
    sign_in(first, _member("reporter1", "Reporters"))
    sign_in(second, _member("reporter2", "Reporters"))
    add = reverse("live_entries:add")
    first.get(add), second.get(add)  # both open the form before either saves
    assert first.post(add, entry_form(blog, "Від першого.")).status_code == 302
    assert second.post(add, entry_form(blog, "Від другого.")).status_code == 302
    texts = sorted(entry.text() for entry in blog.live_entries.all())
    assert texts == ["Від другого.", "Від першого."]
    assert {entry.created_by.username for entry in blog.live_entries.all()} == {
        "reporter1",
        "reporter2",
    }


def test_an_empty_update_is_refused_and_a_deleted_one_cannot_be_edited(client, newsroom):
    blog = make_blog()
    sign_in(client, _member("reporter", "Reporters"))
    response = client.post(reverse("live_entries:add"), entry_form(blog, "", headline="Лише"))
    assert response.status_code == 200  # the form again, with the error
    assert not LiveEntry.objects.exists()
    assert 'value="Лише"' in response.content.decode()
    entry = add_entry(blog, "Буде видалено.")
    edit = reverse("live_entries:edit", args=[entry.pk])
    entry.delete()
    assert client.post(edit, entry_form(blog, "Правка")).status_code == 404


def test_editors_alone_pin_key_points(client, editor, newsroom):
    blog = make_blog()
    sign_in(client, _member("reporter", "Reporters"))
    assert 'name="pinned"' not in client.get(reverse("live_entries:add")).content.decode()
    client.post(reverse("live_entries:add"), entry_form(blog, "Звичайне.", pinned=True))
    assert not LiveEntry.objects.get().pinned
    sign_in(client, editor)
    assert 'name="pinned"' in client.get(reverse("live_entries:add")).content.decode()
    client.post(reverse("live_entries:add"), entry_form(blog, "Ключове.", pinned=True))
    assert LiveEntry.objects.get(pinned=True).text() == "Ключове."


def test_lists_mark_a_live_blog_and_give_its_latest_update(client, newsroom):
    blog = make_blog()
    add_entry(blog, "Давнє.", minutes_ago=50)
    latest = add_entry(blog, "Свіже.", minutes_ago=3)
    page = client.get("/news/").content.decode()
    line = page[
        page.index(blog.get_absolute_url()) - 400 : page.index(blog.get_absolute_url()) + 400
    ]
    assert ">Наживо</span>" in line
    assert f'datetime="{timezone.localtime(latest.published_at).isoformat()}"' in line
    newer = add_entry(blog, "Ще свіжіше.", minutes_ago=0)
    page = client.get("/news/").content.decode()
    assert timezone.localtime(newer.published_at).isoformat() in page  # purged at once


def test_a_blog_has_a_feed_of_its_updates(client, newsroom):
    import feedparser

    blog = make_blog()
    first = add_entry(blog, "Перше.", minutes_ago=10, headline="Початок")
    add_entry(blog, "Друге оновлення без заголовка.", minutes_ago=1)
    for form in ("rss", "atom"):
        response = client.get(f"{blog.get_absolute_url()}{form}/")
        assert response.status_code == 200, form
        parsed = feedparser.parse(response.content)
        assert parsed.feed.title.endswith(blog.headline)
        assert [e.title for e in parsed.entries] == ["Друге оновлення без заголовка.", "Початок"]
        assert parsed.entries[1].link.endswith(f"{blog.get_absolute_url()}#entry-{first.pk}")
    add_entry(blog, "Третє.")
    fresh = client.get(f"{blog.get_absolute_url()}rss/").content.decode()
    assert "Третє" in fresh  # purged at once
    story = make_article()
    not_live = story.get_absolute_url().replace("/news/", "/live/") + "rss/"
    assert client.get(not_live).status_code == 404
    # A wrong date (an old link, a retyped one): to the blog's feed for good, as its page.
    year = int(blog.get_absolute_url().split("/")[2])
    for form in ("rss", "atom"):
        wrong = blog.get_absolute_url().replace(f"/{year}/", f"/{year - 1}/", 1) + f"{form}/"
        response = client.get(wrong)
        assert response.status_code == 301, form
        assert response["Location"] == f"{blog.get_absolute_url()}{form}/"
    assert client.get(f"{blog.get_absolute_url()}rss/?utm=x").status_code == 200


# What Google asks of a live blog's structured data (developers.google.com/search/docs/
# appearance/structured-data: LiveBlogPosting), as a JSON Schema.
_TIME = {"type": "string", "format": "date-time"}
LIVE_BLOG_SCHEMA = {
    "type": "object",
    "required": ["@type", "headline", "url", "coverageStartTime", "liveBlogUpdate"],
    "properties": {
        "@type": {"const": "LiveBlogPosting"},
        "coverageStartTime": _TIME,
        "coverageEndTime": _TIME,
        "liveBlogUpdate": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["@type", "headline", "datePublished", "url", "articleBody"],
                "properties": {
                    "@type": {"const": "BlogPosting"},
                    "headline": {"type": "string", "minLength": 1, "maxLength": 110},
                    "datePublished": _TIME,
                    "url": {"type": "string", "format": "uri"},
                },
            },
        },
    },
}


@pytest.mark.parametrize("ended", [False, True])
def test_the_structured_data_is_a_valid_live_blog_posting(client, newsroom, ended):
    from jsonschema import Draft202012Validator

    blog = make_blog(coverage_ended_at=timezone.now() if ended else None)
    add_entry(blog, "Без заголовка, але з текстом. " * 10)
    add_entry(blog, "З заголовком.", headline="Заголовок оновлення")
    page = client.get(blog.get_absolute_url()).content.decode()
    [posting] = [d for d in structured(page) if d.get("@type") == "LiveBlogPosting"]
    validator = Draft202012Validator(
        LIVE_BLOG_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    assert not list(validator.iter_errors(posting))
    assert ("coverageEndTime" in posting) is ended


def test_an_editor_ends_the_coverage_from_the_story_form(client, editor, filing, newsroom):
    from ..newsroom.editor_forms import article_form, article_url

    blog = make_blog(authors=[filing["author"]], section=filing["section"])
    add_entry(blog, "Останнє оновлення.")
    assert "data-updates=" in client.get(blog.get_absolute_url()).content.decode()
    sign_in(client, editor)
    data = article_form(
        **filing,
        kind="live",
        headline=blog.headline,
        story_number=str(blog.story_number),
        coverage_ended_at=f"{timezone.localtime():%Y-%m-%d %H:%M}",
    )
    data["action-publish"] = "publish"
    response = client.post(article_url("edit", blog.pk), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    blog.refresh_from_db()
    assert blog.coverage_ended_at is not None
    client.logout()
    page = client.get(blog.get_absolute_url()).content.decode()
    assert "Трансляцію завершено" in page and "data-updates=" not in page
