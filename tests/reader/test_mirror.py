"""The static mirror (manage.py export_mirror): a whole copy of the last days in three
editions whose links all lead to its own files (the link checker finds none broken),
naming the mirror's address, brought up to date by a second run that rewrites only what
changed, and refusing a directory or address it must not write to."""

import json
import re
import shutil
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from shpalta.editions.dates import KYIV, kyiv_today
from shpalta.editions.registry import get_edition
from shpalta.newsroom.services import article_translate
from shpalta.reader.mirror import (
    MANIFEST,
    Renderer,
    Scope,
    broken_links,
    file_of,
    page_middleware,
)

from ..factories import house_body, make_article, make_image, make_tag

# The workers that render are processes of their own: they read what the test committed.
# They are forked; threads of earlier tests' servers may be alive in the test process, and
# the renderers touch nothing of theirs.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]
MIRROR = "http://shpaltamirrorexample.onion"


def export(out, *more) -> str:
    said = StringIO()
    call_command("export_mirror", "--out", str(out), "--base-url", MIRROR, *more, stdout=said)
    return said.getvalue()


def page(out, url: str) -> str:
    return (out / file_of(*url.partition("?")[::2])).read_text()


@pytest.fixture
def newspaper(newsroom):
    now = timezone.now()
    old = make_article(headline="Давня історія", published_at=now - timedelta(days=60))
    story = make_article(
        headline="Головна історія тижня",
        body=house_body(earlier=old, image=make_image()),
        main_image=make_image(),
        tags=[make_tag("energy", en="energy")],
        kind="article",
        published_at=now - timedelta(days=3),
    )
    for code in ("ru", "en"):
        article_translate(article=story, edition=get_edition(code)).save_revision().publish()
    # Seconds apart, so that All News of today has a second page even just after Kyiv's
    # midnight (minutes apart, a run at 00:10 put a third of them on yesterday).
    for number in range(35):
        make_article(headline=f"Новина дня {number}", published_at=now - timedelta(seconds=number))
    return {"old": old, "story": story}


def test_the_mirror_is_whole_and_its_links_all_work(tmp_path, newspaper, settings):
    out = tmp_path / "mirror"
    said = export(out, "--days", "7")
    assert "Mirror written" in said
    assert broken_links(out, MIRROR) == []
    story, old = newspaper["story"], newspaper["old"]
    for url in ("/", "/rus/", "/eng/", "/lite/", "/eng/lite/", "/news/", "/news/?page=2",
                story.get_absolute_url(), "/lite" + story.get_absolute_url(), "/tags/energy/",
                "/support/", "/eng/about/", "/rss/", "/eng/atom/", "/sitemaps/news.xml",
                "/sitemap.xml", "/robots.txt"):  # fmt: skip
        assert (out / file_of(*url.partition("?")[::2])).is_file(), url
    article = page(out, story.get_absolute_url())
    # Its own links are files of the mirror; the one to a story older than the window
    # and search lead to the origin; no form that needs the origin is left.
    assert 'href="../../../../../tags/energy/index.html"' in article
    assert f'href="{settings.SITE_URL}{old.get_absolute_url()}"' in article
    assert "<form" not in article
    assert f'<link rel="canonical" href="{MIRROR}{story.get_absolute_url()}">' in article
    images = re.findall(r'src="([^"]+\.(?:png|jpg|jpeg|webp))"', article)
    assert images
    folder = (out / file_of(story.get_absolute_url())).parent
    for image in images:
        assert (folder / image).resolve().is_file(), image
    assert not (out / file_of(old.get_absolute_url())).exists()
    feed = page(out, "/rss/")
    assert f"<link>{MIRROR}{story.get_absolute_url()}</link>" in feed
    assert f'href="{MIRROR}/rss/index.xml"' in feed
    assert f"Sitemap: {MIRROR}/sitemap.xml" in page(out, "/robots.txt")
    # The lite pages are in it too, and stay plain.
    assert "<script" not in page(out, "/lite" + story.get_absolute_url())


def test_a_second_run_rewrites_only_what_changed(tmp_path, newspaper):
    out = tmp_path / "mirror"
    export(out, "--days", "7")
    story = newspaper["story"]
    untouched = out / file_of(story.get_absolute_url())
    before = untouched.stat().st_mtime_ns
    manifest = json.loads((out / MANIFEST).read_text())
    day_old = timezone.localtime(story.published_at, KYIV)
    # Of the story's section and author: a new one would change every page ("all").
    same = {"section": story.section, "authors": story.ordered_authors()}
    gone = make_article(headline="Помилково опублікована", published_at=story.published_at, **same)
    export(out, "--days", "7")  # the new story is in
    assert (out / file_of(gone.get_absolute_url())).is_file()

    gone.unpublish()
    fresh = make_article(headline="Щойно опублікована новина", **same)
    said = export(out, "--days", "7")
    assert "brought up to date" in said
    assert broken_links(out, MIRROR) == []
    assert not (out / file_of(gone.get_absolute_url())).exists()
    assert "Помилково опублікована" not in page(out, f"/news/{day_old:%Y/%m}/{day_old.day}/")
    assert "Щойно опублікована новина" in page(out, "/")
    assert (out / file_of(fresh.get_absolute_url())).is_file()
    # The story three days old showed neither: not made again.
    assert untouched.stat().st_mtime_ns == before
    kept = int(re.search(r"([\d,]+) kept as they were", said).group(1).replace(",", ""))
    assert kept > len(manifest["pages"]) / 2


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--base-url", "mirror.example.org"], "is not a site address"),
        (["--base-url", "ftp://mirror.example.org"], "is not a site address"),
        (["--base-url", MIRROR, "--days", "0"], "--days"),
    ],
)
def test_bad_arguments_stop_before_anything_is_written(tmp_path, newsroom, arguments, said):
    out = tmp_path / "mirror"
    with pytest.raises(CommandError, match=said):
        call_command("export_mirror", "--out", str(out), *arguments)
    assert not out.exists()


def test_a_file_that_cannot_be_written_stops_the_run_with_its_name(tmp_path, newspaper):
    out = tmp_path / "mirror"
    export(out)
    tags = out / "tags"
    shutil.rmtree(tags)
    tags.write_text("not a folder")  # where the tag pages' folders must be made again
    with pytest.raises(CommandError, match=r"Could not write .*/tags/energy/index\.html"):
        export(out)


def test_a_directory_that_is_not_a_mirror_is_left_alone(tmp_path, newsroom):
    out = tmp_path / "photos"
    out.mkdir()
    (out / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(CommandError, match="holds no mirror"):
        export(out)
    assert [path.name for path in out.iterdir()] == ["holiday.jpg"]


def test_the_mirror_renders_each_page_as_the_site_serves_it(tmp_path, newspaper, settings):
    """Its renderers leave out the middleware of sessions, sign-in and security headers:
    the pages and their keys are the same byte for byte."""
    settings.PAGE_CACHE = False
    story = newspaper["story"]
    today = kyiv_today()
    scope = Scope(today - timedelta(days=7), today)
    site = Renderer(tmp_path, MIRROR, settings.SITE_URL, scope)
    assert page_middleware() != settings.MIDDLEWARE
    settings.MIDDLEWARE = page_middleware()
    mirror = Renderer(tmp_path, MIRROR, settings.SITE_URL, scope)
    for url in ("/", "/eng/", story.get_absolute_url(), "/lite" + story.get_absolute_url(),
                "/rus" + story.get_absolute_url(), "/tags/energy/", "/news/", "/news/?page=2",
                "/eng/about/", "/rss/", "/sitemaps/news.xml", "/tags/no-such-tag/"):  # fmt: skip
        (status, headers, body), (seen_status, seen_headers, seen) = (
            site._get(url),
            mirror._get(url),
        )
        assert (status, body) == (seen_status, seen), url
        assert headers.get("xkey") == seen_headers.get("xkey"), url
        assert headers["Content-Type"] == seen_headers["Content-Type"], url
