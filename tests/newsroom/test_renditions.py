"""What readers are shown of a story's images is made when it is published (or a live
blog's update saved), not by its first reader: on big news hundreds of readers ask for
a new story at once, and the first of them would otherwise resize its photographs while
the others wait. Every reader view of the story, read after publishing, makes none; a
template that shows a spec the newsroom does not make fails here."""

import logging

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from shpalta.newsroom.models import NewsRendition
from shpalta.newsroom.renditions import MAIN_IMAGE_SPECS, TEXT_IMAGE_SPECS

from ..conftest import sign_in
from ..factories import house_body, make_article, make_image
from .test_live_blogs import entry_form, make_blog

pytestmark = pytest.mark.django_db


def made(image) -> set[str]:
    return set(NewsRendition.objects.filter(image=image).values_list("filter_spec", flat=True))


def reader_views(article) -> list[str]:
    address = article.get_absolute_url()
    return [
        address,
        address.replace("/news/", "/lite/news/", 1),
        "/",
        "/news/",
        "/rss/",
        "/atom/",
        "/partner/rss/",
        f"/api/v1/articles/uk/{article.story_number}/",
        "/api/v1/articles/?edition=uk",
    ]


def test_publishing_makes_the_renditions_its_readers_are_shown(client, newsroom, settings):
    settings.PAGE_CACHE = False
    main, in_text = make_image("Головне фото"), make_image("Фото в тексті")
    assert made(main) == made(in_text) == set()
    article = make_article(main_image=main, body=house_body(image=in_text))
    assert made(main) == set(MAIN_IMAGE_SPECS)
    assert made(in_text) == set(TEXT_IMAGE_SPECS)
    before = NewsRendition.objects.count()
    for url in reader_views(article):
        response = client.get(url)
        assert response.status_code == 200, url
    assert NewsRendition.objects.count() == before  # no reader made one


def test_a_live_blog_update_is_saved_with_its_images_renditions(
    client, newsroom, reporter, settings
):
    settings.PAGE_CACHE = False
    blog = make_blog()
    photo = make_image("Фото з місця")
    form = entry_form(blog, "Оновлення з фото.")
    form.update(
        {
            "body-count": "2",
            "body-1-type": "image",
            "body-1-deleted": "",
            "body-1-order": "1",
            "body-1-value-image": str(photo.pk),
            "body-1-value-alt": "Що на фото",
            "body-1-value-caption": "",
            "body-1-value-credit": "",
        }
    )
    sign_in(client, reporter)
    assert client.post(reverse("live_entries:add"), form).status_code == 302
    assert made(photo) == set(TEXT_IMAGE_SPECS)
    client.logout()
    before = NewsRendition.objects.count()
    page = client.get(blog.get_absolute_url())
    assert page.status_code == 200
    assert NewsRendition.objects.get(image=photo).url in page.content.decode()
    assert client.get(f"{blog.get_absolute_url()}updates/").status_code == 200
    assert NewsRendition.objects.count() == before


@pytest.mark.parametrize("harm", ["lost", "garbled"])
def test_an_image_that_cannot_be_read_does_not_stop_publishing(newsroom, caplog, harm):
    broken = make_image("Пошкоджене фото")
    storage, name = broken.file.storage, broken.file.name
    storage.delete(name)
    if harm == "garbled":
        storage.save(name, ContentFile(b"not a picture at all" * 50))
    with caplog.at_level(logging.WARNING, logger="shpalta.newsroom.renditions"):
        article = make_article(main_image=broken)
    assert article.live
    assert made(broken) == set()
    assert f"Image {broken.pk}: its file cannot be read" in caplog.text
