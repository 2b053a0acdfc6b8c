"""What each page type costs the database cold: with nothing kept (the store emptied
before the request: no page, no fragment), the first reader after a purge of every page
(an ad change) or a crawler's first visit. A bound per page type, so that a list that
starts asking for each of its articles (N+1) fails here, not in production; the bounds
are what the pages ask today, on archives of any size (bench/run.py's archive-scale rows
time them cold)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Filter
from wagtail.models import Locale

from shpalta.caching.local import forget_all
from shpalta.caching.pages import store
from shpalta.newsroom.models import Article, Correction, Label
from shpalta.newsroom.models.images import NewsImage, NewsRendition

from ..factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

# Page type → (address, the most queries it may make cold: what it made when this was
# written, 2026-12-06, and two more). The address is formatted with the story's address,
# number, tag, author, section, day and month.
COLD_PAGES = {
    # 20: its image's renditions read, not cached; the recent news and the top stories by
    # their ids first (lines kept apart: in production only a new story's is read).
    "article": ("/eng/{article}", 22),
    "lite article": ("/eng/lite/{article}", 10),
    "front page": ("/eng/", 14),  # 12
    "All News": ("/eng/news/", 8),
    "All News, a day": ("/eng/news/{day}/", 8),
    "tag page": ("/eng/tags/{tag}/", 11),
    "author page": ("/eng/authors/{author}/", 11),
    "section page": ("/eng/sections/{section}/", 11),
    "label page": ("/eng/labels/live/", 11),
    "kind page": ("/eng/explainers/", 10),
    "corrections log": ("/eng/corrections/", 8),
    "RSS": ("/eng/rss/", 10),
    "tag Atom": ("/eng/tags/{tag}/atom/", 11),
    "sitemap index": ("/sitemap.xml", 8),  # 6 since 2026-12-07 (news 3)
    "month sitemap": ("/eng/sitemaps/{month}.xml", 6),  # 4 since 2026-12-07
    "news sitemap": ("/eng/sitemaps/news.xml", 5),
    # One fewer each since 2026-12-07 (the items read as the feeds' are: pages_by_id).
    "API list": ("/api/v1/articles/?edition=en", 11),
    "API by tag": ("/api/v1/articles/?tag={tag}", 14),
    "API detail": ("/api/v1/articles/en/{story}/", 10),
}
STORIES = 12  # more than a list shows on the side, fewer than a page


@pytest.fixture
def archive(newsroom, settings):
    settings.PAGE_CACHE = False  # each request renders; only fragments could be kept
    section = make_section("war", en="War")
    tag = make_tag("drones", en="drones")
    author = make_author("olena-marchuk", en="Olena Marchuk")
    label = Label.objects.create(slug="live", name_uk="НАЖИВО", name_en="LIVE")
    now = timezone.now()
    stories = [
        make_article(
            edition="en",
            headline=f"Story {n}",
            section=section,
            tags=[tag],
            authors=[author],
            labels=[label],
            kind="explainer" if n % 3 == 0 else "news",
            published_at=now - timedelta(hours=n),
        )
        for n in range(STORIES)
    ]
    newest = stories[0]
    newest.main_image = make_image()
    newest.save_revision().publish()
    Correction.objects.create(article=newest, text="A date was wrong.", made_at=now)
    make_article(edition="uk", headline="Українською", translation_key=newest.translation_key)
    assert Locale.objects.filter(language_code="en").exists()
    day = timezone.localtime(newest.published_at)
    return {
        "article": newest.get_absolute_url().removeprefix("/eng/"),
        "story": newest.story_number,
        "day": f"{day:%Y/%m}/{day.day}",
        "month": f"{day:%Y-%m}",
        "tag": tag.slug_en,
        "author": author.slug,
        "section": section.slug,
    }


@pytest.mark.parametrize("page", COLD_PAGES)
def test_a_page_read_cold_asks_a_bounded_number_of_queries(
    page, archive, client, django_assert_max_num_queries
):
    address, bound = COLD_PAGES[page]
    url = address.format(**archive)
    assert client.get(url).status_code == 200, url  # the process's own names, read once
    store().clear()
    forget_all()
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200, url


@pytest.mark.parametrize("page", ["article", "RSS"])
def test_a_page_read_cold_writes_no_rendition_it_read_back_to_the_cache(page, archive, client):
    """The article page and the feeds read their images' renditions with the articles:
    Wagtail's get_rendition() wrote each one to the cache again (with Redis, a round trip
    a page) although nothing reads it from there."""
    url = COLD_PAGES[page][0].format(**archive)
    assert client.get(url).status_code == 200, url  # renditions made, and cached as new
    image = NewsImage.objects.get()
    specs = {rendition.filter_spec for rendition in image.renditions.all()}
    assert "width-1200" in specs
    cache = NewsRendition.cache_backend
    cache.clear()
    store().clear()
    forget_all()
    assert client.get(url).status_code == 200, url
    written = [
        spec
        for spec in specs
        if cache.get(
            NewsRendition.construct_cache_key(image, Filter(spec).get_cache_key(image), spec)
        )
    ]
    assert written == []


# The first words of the queries of an article's labels and corrections (for_page).
RELATION_QUERIES = {
    "labels": 'SELECT "newsroom_article_labels"."article_id"',
    "corrections": 'SELECT "newsroom_correction"."article_id"',
}


def test_an_article_without_labels_or_corrections_is_read_without_asking_for_them(archive, client):
    """Its row says it has none (most stories have neither), so their queries are left
    out; a story that has them still asks."""
    plain = make_article(edition="en", headline="A story with neither")
    both = Article.objects.get(locale__language_code="en", story_number=archive["story"])
    asked = {}
    for name, article in (("plain", plain), ("both", both)):
        store().clear()
        forget_all()
        with CaptureQueriesContext(connection) as queries:
            html = client.get(article.get_absolute_url()).content.decode()
        asked[name] = {
            relation
            for relation, start in RELATION_QUERIES.items()
            for query in queries.captured_queries
            # Its own (the lines of the lists beside it read their labels together).
            if query["sql"].startswith(start) and f"IN ({article.pk})" in query["sql"]
        }
        assert ('id="corrections"' in html) == (name == "both"), name
    assert asked == {"plain": set(), "both": {"labels", "corrections"}}
