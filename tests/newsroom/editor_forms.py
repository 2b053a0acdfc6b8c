"""Form data as the Wagtail editor posts it for an article, built from Wagtail's test helpers."""

import json

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_newsroom_article:{name}", args=args)


def shown_in_form(fragment: str, html: str) -> bool:
    """Text on the page, or inside the JSON that Wagtail's editor widgets and block errors
    are rendered from (escaped to ASCII there)."""
    return fragment in html or json.dumps(fragment)[1:-1].replace('"', "&quot;") in html


def listed(items: list[dict]) -> dict:
    """A ListBlock's form data."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def every_block(*, image=None, earlier=None) -> list:
    blocks = [
        (
            "source",
            {
                "attribution": rich_text("<p>Заява Міністерства оборони</p>"),
                "outlet": "Укрінформ",
                "url": "https://example.org/report",
            },
        ),
        ("quote", {"quote": "Ми тримаємо оборону.", "speaker": "Речник"}),
        ("details", rich_text("<p>Деталі події.</p>")),
        ("ad_slot", ""),
        ("paragraph", rich_text("<p>Ще абзац.</p>")),
        ("embed", {"url": "https://t.me/somechannel/4521", "caption": ""}),
    ]
    if image is not None:
        blocks.append(
            ("image", {"image": image.pk, "alt": "Що на фото", "caption": "", "credit": ""})
        )
    blocks.append(
        (
            "background",
            listed(
                [
                    {
                        "text": "Раніше ми писали",
                        "article": earlier.pk if earlier else "",
                        "url": "" if earlier else "https://example.org/earlier",
                    }
                ]
            ),
        )
    )
    return blocks


def article_form(*, section, author, tag=None, blocks=None, **fields) -> dict:
    data = {
        "headline": "Оборона тримається",
        "lead": rich_text("<p>Сили оборони відбили наступ.</p>"),
        "summary": "",
        "body": streamfield(blocks if blocks is not None else every_block()),
        "kind": "news",
        "section": section.pk if section else "",
        "author_links": inline_formset([{"author": author.pk}], min=1),
        "tag_links": inline_formset([{"tag": tag.pk}] if tag else []),
        "corrections": inline_formset([]),
        "story_number": "",
        "published_at": "",
        "main_image": "",
        "main_image_caption": "",
        "ads_enabled": "on",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)
