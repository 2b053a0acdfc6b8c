"""The house blocks of an article body: Source, Quote, Details, Background, paragraphs,
images, embeds and ad slots, with the rules a reporter is told about in the form."""

import copy

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from .embeds import UnsupportedEmbedError, parse_embed

INLINE_FEATURES = ["bold", "italic", "link"]
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "blockquote"]


class SourceBlock(blocks.StructBlock):
    attribution = blocks.RichTextBlock(
        features=INLINE_FEATURES,
        label=_("Who said it and where"),
    )
    outlet = blocks.CharBlock(required=False, max_length=120, label=_("Partner outlet"))
    url = blocks.URLBlock(required=False, label=_("Link to the outlet's report"))

    def clean(self, value):
        value = super().clean(value)
        if value["url"] and not value["outlet"]:
            raise StructBlockValidationError(
                block_errors={
                    "outlet": ValidationError(_("Name the outlet that the link goes to."))
                }
            )
        return value

    class Meta:
        icon = "site"
        label = _("Source")
        template = "newsroom/blocks/source.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation, verbatim"))
    speaker = blocks.CharBlock(required=False, max_length=200, label=_("Speaker"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "newsroom/blocks/quote.html"


class DetailsBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Details")
        template = "newsroom/blocks/details.html"


class ArticleChooserBlock(SnippetChooserBlock):
    """Wagtail's snippet chooser, loading the chosen articles with their editions in one
    query: a page links each of them, and the link needs the edition."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.select_related("locale").in_bulk(values)
        seen, result = set(), []
        for pk in values:
            article = objects.get(pk)
            result.append(copy.copy(article) if article is not None and pk in seen else article)
            seen.add(pk)
        return result


class BackgroundItemBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("What the earlier story said"))
    article = ArticleChooserBlock("newsroom.Article", required=False, label=_("Earlier article"))
    url = blocks.URLBlock(required=False, label=_("Or a web address"))

    def clean(self, value):
        value = super().clean(value)
        if not value["article"] and not value["url"]:
            raise StructBlockValidationError(
                block_errors={
                    "article": ValidationError(
                        _("Link this item to an earlier article or give a web address.")
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Background item")


class BackgroundBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(BackgroundItemBlock(), min_num=1, **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Background")
        template = "newsroom/blocks/background.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Credit"),
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "newsroom/blocks/image.html"


class EmbedValue(blocks.StructValue):
    @cached_property
    def embed(self):
        try:
            return parse_embed(self.get("url") or "")
        except UnsupportedEmbedError:
            return None  # saved before the provider list changed: the template shows the link


class EmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address of the post or video"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_embed(value["url"])
        except UnsupportedEmbedError as error:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(error.args[0])}
            ) from error
        return value

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "newsroom/blocks/embed.html"
        value_class = EmbedValue


class AdSlotBlock(blocks.StaticBlock):
    class Meta:
        icon = "placeholder"
        label = _("Advertisement slot")
        admin_text = _("An advertisement is shown here, unless ads are switched off.")
        template = "newsroom/blocks/ad_slot.html"


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of text, rendered without the template engine: a body is mostly
    paragraphs, and two template renders each (a template of its own and Wagtail's
    rich-text wrapper, `{{ html|safe }}`) cost more than expanding the text's links."""

    def render(self, value, context=None):
        html = expand_db_html(value.source)
        return mark_safe(f'<div class="block block-paragraph">{html}</div>\n')  # noqa: S308


def paragraph_block() -> ParagraphBlock:
    """A paragraph of text, as the article body and a live blog's updates have it."""
    return ParagraphBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"), icon="pilcrow")


# The labelled blocks, in the house order in which they must appear.
HOUSE_ORDER = ("source", "quote", "details", "background")


class ArticleBodyBlock(blocks.StreamBlock):
    source = SourceBlock()
    quote = QuoteBlock()
    details = DetailsBlock()
    background = BackgroundBlock()
    paragraph = paragraph_block()
    image = ImageBlock()
    embed = EmbedBlock()
    ad_slot = AdSlotBlock()

    def clean(self, value):
        value = super().clean(value)
        labelled = [child.block_type for child in value if child.block_type in HOUSE_ORDER]
        ranks = [HOUSE_ORDER.index(block_type) for block_type in labelled]
        if ranks != sorted(ranks):
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _(
                                "Put the labelled blocks in the house order: "
                                "Source, Quote, Details, Background."
                            )
                        )
                    ]
                )
            )
        return value

    class Meta:
        block_counts = {
            "source": {"max_num": 1},
            "details": {"max_num": 1},
            "background": {"max_num": 1},
        }


class LiveEntryBlock(blocks.StreamBlock):
    """A live blog entry's body: text, quotes, images and embeds, in any order."""

    paragraph = paragraph_block()
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock()

    class Meta:
        min_num = 1
