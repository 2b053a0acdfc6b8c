"""The whole article page (HTML, CSS, JavaScript; no images or ads) stays under 100 KB
before compression."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from wagtail.rich_text import RichText

from ..factories import make_article, make_author, make_tag

pytestmark = pytest.mark.django_db
BUDGET = 100 * 1024


def test_article_page_weighs_under_100_kb(client, newsroom):
    paragraphs = "".join(f"<p>{'Довгий абзац новини. ' * 30}</p>" for _ in range(8))
    article = make_article(
        body=[("details", RichText(paragraphs))],
        authors=[make_author(), make_author()],
        tags=[make_tag() for _ in range(6)],
    )
    for number in range(25):
        make_article(headline=f"Інша новина номер {number} з довгим заголовком")
    html = client.get(article.get_absolute_url()).content
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html.decode())
    assert assets, "the page links its stylesheet and script"
    weight = len(html) + sum(Path(finders.find(path)).stat().st_size for path in assets)
    assert weight < BUDGET, f"{weight} bytes"
