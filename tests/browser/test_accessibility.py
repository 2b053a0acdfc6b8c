"""axe-core finds no serious or critical accessibility problem on any page type, in any
edition, on a desktop in light colours and on a phone in dark ones."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from shpalta.editions.registry import EDITIONS, get_edition
from shpalta.newsroom.models import Correction, Label
from shpalta.newsroom.services import article_translate

from ..factories import house_body, make_article, make_author, make_image, make_section, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


@pytest.fixture
def story(newsroom):
    author = make_author("oksana", uk="Оксана Мельник", ru="Оксана Мельник", en="Oksana Melnyk")
    label = Label.objects.create(slug="explainer", name_uk="ПОЯСНЕННЯ", name_en="EXPLAINER")
    article = make_article(
        headline="Пояснюємо головне",
        body=house_body(image=make_image()),
        authors=[author],
        labels=[label],
        tags=[make_tag("nato")],
        section=make_section("economy"),
        kind="explainer",
        has_photos=True,
        main_image=make_image(),
        main_image_caption="Підпис",
    )
    make_article(headline="Ще одна", tags=[make_tag("eu")], is_urgent=True)
    article.corrections = [Correction(text="У попередній версії була неправильна дата.")]
    article.save_revision().publish()
    for code in ("ru", "en"):
        translation = article_translate(article=article, edition=get_edition(code))
        translation.save_revision().publish()
    return article


def _paths(story):
    paths = []
    for edition in EDITIONS:
        prefix = "/" + edition.prefix
        translation = story.get_translation(
            story.locale.__class__.objects.get(language_code=edition.code)
        )
        translation.refresh_from_db()
        paths += [
            prefix,
            translation.get_absolute_url(),
            f"{prefix}news/",
            f"{prefix}tags/nato/",
            f"{prefix}authors/oksana/",
            f"{prefix}sections/economy/",
            f"{prefix}labels/explainer/",
            f"{prefix}explainers/",
            f"{prefix}support/",
            f"{prefix}about/",
            f"{prefix}corrections/",
            f"{prefix}no-such-page/",
            f"{prefix}lite/",
            f"{prefix}lite/news/",
            f"/{edition.prefix}lite/" + translation.get_absolute_url().removeprefix(prefix),
            f"{prefix}lite/no-such-page/",
        ]
    return paths


@pytest.mark.parametrize(("width", "scheme"), [(1366, "light"), (360, "dark")])
def test_no_serious_accessibility_violations(page: Page, live_server, story, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    axe = Axe()
    found = {}
    for path in _paths(story):
        page.goto(f"{live_server.url}{path}")
        violations = axe.run(page).response["violations"]
        blocking = [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING]
        if blocking:
            found[path] = blocking
    assert found == {}


def test_axe_does_report_a_page_with_problems(page: Page):
    """The check above can fail: the same axe run flags an image without alternative text."""
    page.set_content('<html lang="uk"><body><main><img src="x.png"></main></body></html>')
    impacts = {v["id"]: v["impact"] for v in Axe().run(page).response["violations"]}
    assert impacts.get("image-alt") in BLOCKING
