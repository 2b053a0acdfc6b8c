"""Admin forms: articles (bylines, tags and story numbers checked) and front pages, and
the field of every block editor (StreamField) in the admin."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.images.forms import BaseImageForm

from .models import Article
from .services import allocate_story_number
from .uploads import UnsupportedImageError, without_metadata

# What a block editor's widget reads from a post that lacks its parts: no value at all.
INCOMPLETE = object()


class WholeBlockWidget(BlockWidget):
    """A block editor's widget that reads a post without the parts its editor always
    sends (a form posted by hand, a proxy that cut the body) as INCOMPLETE, where
    Wagtail's raises KeyError or ValueError and the admin answers 500."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError, IndexError):
            return INCOMPLETE


class WholeBlockField(BlockField):
    """A block editor's field (registered for every StreamField in wagtail_hooks.py): an
    incomplete post is a form error, and the form is shown again with the value kept."""

    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", WholeBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def clean(self, value):
        if value is INCOMPLETE:
            raise forms.ValidationError(
                gettext_lazy(
                    "This part of the form arrived incomplete. Reload the page and make "
                    "your change to it again; the other fields were kept."
                ),
                code="incomplete",
            )
        return super().clean(value)

    def bound_data(self, data, initial):
        return initial if data is INCOMPLETE else data

    def has_changed(self, initial_value, data_value):
        return data_value is not INCOMPLETE and super().has_changed(initial_value, data_value)


class ChooserForm(WagtailAdminModelForm):
    """An admin form whose inline formsets choose objects (authors, tags, articles)."""

    def _chosen(self, relation: str, field: str) -> list | None:
        """What the inline formset chose, or None while the formset itself has errors."""
        formset = self.formsets.get(relation)
        if formset is None or not formset.is_valid():
            return None
        return [
            form.cleaned_data[field]
            for form in formset.forms
            if form.cleaned_data.get(field) and not form.cleaned_data.get("DELETE")
        ]

    def _refuse_repeats(self, relation: str, field: str, message) -> None:
        chosen = self._chosen(relation, field)
        if chosen is not None and len(chosen) != len(set(chosen)):
            self.add_error(None, message)


class ArticleForm(ChooserForm):
    # Listing the same author or tag twice is refused here rather than by a database
    # constraint: Wagtail saves new child rows before deleting removed ones, so a
    # constraint would break "remove, then add again" and reverting to old revisions.
    CHOSEN_ONCE = (
        ("author_links", "author", gettext_lazy("List each author once.")),
        ("tag_links", "tag", gettext_lazy("List each tag once.")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each publish says for itself whether it is minor, or brings a translation up to
        # date; the last one's choice is not carried over.
        self.initial["minor_edit"] = False
        self.initial["brought_up_to_date"] = False
        if not getattr(self.instance, "translated_from_id", None):
            self.fields.pop("brought_up_to_date", None)  # not a translation

    def clean(self):
        cleaned = super().clean()
        for relation, field, message in self.CHOSEN_ONCE:
            self._refuse_repeats(relation, field, message)
        # A draft may wait for its byline (Wagtail defers required fields for drafts);
        # what is submitted or published needs one. A panel minimum would instead show an
        # empty author form that the chooser's "Add authors" button does not fill.
        if not self.is_deferred_validation and self._chosen("author_links", "author") == []:
            self.add_error(None, gettext_lazy("Name at least one author."))
        self._check_story_number(cleaned)
        return cleaned

    def clean_published_at(self):
        """The editor's field shows the publication time to the minute: a time sent back
        as shown keeps its seconds (19:48:40 stays 19:48:40, not 19:48:00)."""
        value = self.cleaned_data.get("published_at")
        shown = self.instance.published_at if self.instance.pk else None
        if value and shown and value == shown.replace(second=0, microsecond=0):
            return shown
        return value

    def _check_story_number(self, cleaned: dict) -> None:
        number = cleaned.get("story_number")
        if number is None:
            if not self.errors:
                cleaned["story_number"] = allocate_story_number()
            return
        clash = (
            Article.objects.filter(locale_id=self.instance.locale_id, story_number=number)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if clash:
            self.add_error(
                "story_number",
                forms.ValidationError(
                    _(
                        "Story number %(number)s is already used in this edition by "
                        "“%(headline)s”. Leave the field empty to get a new number."
                    ),
                    params={"number": number, "headline": clash.headline},
                    code="story_number_taken",
                ),
            )


class FrontPageForm(ChooserForm):
    def clean(self):
        cleaned = super().clean()
        chosen = self._chosen("top_stories", "article") or []
        if any(article.locale_id != self.instance.locale_id for article in chosen):
            self.add_error(None, gettext_lazy("Choose articles of this edition only."))
        self._refuse_repeats("top_stories", "article", gettext_lazy("Choose each article once."))
        return cleaned


class NewsImageForm(BaseImageForm):
    """Every image upload (single, multiple, from a chooser): WAGTAILIMAGES_IMAGE_FORM_BASE.
    The stored original carries no EXIF, GPS or other metadata (uploads.py)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        uploaded.seek(0)
        try:
            return without_metadata(uploaded.read(), name=uploaded.name)
        except (UnsupportedImageError, OSError, ValueError, Image.DecompressionBombError):
            raise forms.ValidationError(
                _("This image could not be read. Upload a JPEG, PNG, WebP, AVIF or GIF photo.")
            ) from None
