"""Admin forms: articles (bylines, tags and story numbers checked) and front pages."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Article
from .services import allocate_story_number


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
