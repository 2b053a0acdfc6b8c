"""The house blocks refuse what a reporter must fix, with a message that says how."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from shpalta.newsroom.blocks import ArticleBodyBlock, BackgroundItemBlock, EmbedBlock, SourceBlock

from ..factories import make_article

# Chooser blocks look their values up in the database.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _errors(error: ValidationError) -> str:
    return str(error.as_json_data() if hasattr(error, "as_json_data") else error)


def test_source_link_needs_the_outlets_name():
    block = SourceBlock()
    value = block.to_python(
        {"attribution": "<p>Said on air</p>", "outlet": "", "url": "https://example.org"}
    )
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    assert "Name the outlet" in _errors(caught.value)


def test_embed_from_an_unknown_site_is_refused_in_the_editors_language():
    block = EmbedBlock()
    value = block.to_python({"url": "https://example.org/clip", "caption": ""})
    with translation.override("uk"):
        with pytest.raises(ValidationError) as caught:
            block.clean(value)
        assert "Вставте адресу відео YouTube" in _errors(caught.value)


def test_background_item_needs_a_link():
    block = BackgroundItemBlock()
    value = block.to_python({"text": "Earlier", "article": None, "url": ""})
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    assert "earlier article or give a web address" in _errors(caught.value)


def test_background_item_may_link_an_earlier_article(newsroom):
    earlier = make_article()
    block = BackgroundItemBlock()
    value = block.to_python({"text": "Earlier", "article": earlier.pk, "url": ""})
    assert block.clean(value)["article"] == earlier


def _stream(*block_types):
    raw = {
        "source": {"attribution": "<p>A</p>", "outlet": "", "url": ""},
        "quote": {"quote": "Q", "speaker": ""},
        "details": "<p>D</p>",
        "background": [{"text": "B", "article": None, "url": "https://example.org/b"}],
        "paragraph": "<p>P</p>",
    }
    block = ArticleBodyBlock()
    return block, block.to_python([{"type": kind, "value": raw[kind]} for kind in block_types])


def test_labelled_blocks_in_house_order_are_accepted():
    block, value = _stream("source", "quote", "paragraph", "details", "background")
    assert len(block.clean(value)) == 5


def test_labelled_blocks_out_of_house_order_are_refused():
    block, value = _stream("details", "source")
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    assert "house order" in _errors(caught.value)


def test_a_second_background_is_refused():
    block, value = _stream("background", "background")
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    assert "Background: The maximum number of items is 1" in _errors(caught.value)
