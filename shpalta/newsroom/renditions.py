"""The renditions readers are shown of a story's images, made when it is published (or
a live blog's update saved) rather than by its first reader."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import NewsImage

logger = logging.getLogger(__name__)

# What readers are shown of a story's images. The main image: the article page's and the
# feeds' and API's enclosure (ENCLOSURE_SPEC, reader.body's <img>), the
# social crop and Google's three structured-data crops (syndication.metadata). An image
# in the text: newsroom/blocks/image.html's. A template that shows another spec must be
# named here: tests/newsroom/test_renditions.py reads every reader view of a story after
# publishing and fails when one makes a rendition.
ENCLOSURE_SPEC = "width-1200"
SOCIAL_IMAGE_SPEC = "fill-1200x630"
STRUCTURED_IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")  # Google's ratios
MAIN_IMAGE_SPECS = (ENCLOSURE_SPEC, SOCIAL_IMAGE_SPEC, *STRUCTURED_IMAGE_SPECS)
TEXT_IMAGE_SPECS = ("width-1000",)


def images_in(stream) -> list[NewsImage]:
    """The images of a body's (a StreamValue's) image blocks."""
    return [block.value["image"] for block in stream if block.block_type == "image"]


def make_reader_renditions(main: NewsImage | None, in_text: Iterable[NewsImage]) -> None:
    """Make the renditions readers will be shown of a story's images (one query when they
    exist), so that the first reader after publishing (on big news, hundreds at once)
    does not resize photographs. Called before the publishing transaction: no write lock
    is held while an image is resized. An image that cannot be read or resized (its file
    lost, a format Pillow refuses) is logged and left to the page (Wagtail's template tag
    shows its placeholder then): a story is never kept from going live by a picture."""
    wanted = [(main, MAIN_IMAGE_SPECS)] if main is not None else []
    wanted += [(image, TEXT_IMAGE_SPECS) for image in in_text if image is not None]
    for image, specs in wanted:
        try:
            image.get_renditions(*specs)
        except (OSError, ValueError):  # SourceImageIOError, Willow's and Pillow's errors
            logger.warning("Image %s: its file cannot be read; no renditions made", image.pk)
