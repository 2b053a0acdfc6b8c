"""The newsroom in the Wagtail admin: articles and their taxonomy as snippet viewsets."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultipleChooserPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import (
    BooleanColumn,
    Column,
    DateColumn,
    LiveStatusTagColumn,
    LocaleColumn,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shpalta.editions.fields import edition_field_names
from shpalta.editions.forms import EditionAdminForm

from .forms import ArticleForm, FrontPageForm
from .models import (
    MAX_TOP_STORIES,
    Article,
    Author,
    FrontPage,
    InfoPage,
    Kind,
    Label,
    LiveEntry,
    Section,
    Tag,
)
from .renditions import images_in, make_reader_renditions
from .views import (
    ArticleChooserViewSet,
    ArticleCreateView,
    ArticleEditView,
    ArticleFilterSet,
    ArticleIndexView,
    ArticlePreviewOnCreateView,
    ChooserViewSet,
)


class ArticleViewSet(SnippetViewSet):
    model = Article
    index_view_class = ArticleIndexView
    chooser_viewset_class = ArticleChooserViewSet
    add_view_class = ArticleCreateView
    edit_view_class = ArticleEditView
    preview_on_add_view_class = ArticlePreviewOnCreateView
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 100
    add_to_admin_menu = True
    list_display = [
        "headline",
        LocaleColumn(label=_("Edition")),
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "section",
        LiveStatusTagColumn(label=_("Status")),
        DateColumn("published_at", label=_("publication time")),
        Column("source_state", label=_("Source"), accessor="source_state"),
    ]
    filterset_class = ArticleFilterSet
    list_per_page = 50
    ordering = ["-published_at", "-id"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("headline"),
                    FieldPanel("lead"),
                    FieldPanel("body"),
                    FieldPanel("summary"),
                    InlinePanel(
                        "corrections",
                        label=_("Corrections"),
                        heading=_("Corrections"),
                        help_text=_(
                            "Readers see each correction at the end of the story, near its "
                            "date and in the edition's corrections log."
                        ),
                    ),
                    FieldPanel("minor_edit"),
                    FieldPanel("brought_up_to_date"),
                ],
                heading=_("Story"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("section", widget=forms.Select)]),
                    MultipleChooserPanel(
                        "author_links", chooser_field_name="author", label=_("Authors")
                    ),
                    MultipleChooserPanel("tag_links", chooser_field_name="tag", label=_("Tags")),
                    FieldPanel("labels", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel(
                        [FieldPanel("is_urgent"), FieldPanel("has_photos"), FieldPanel("has_video")]
                    ),
                    FieldPanel("main_image"),
                    FieldPanel("main_image_caption"),
                    FieldRowPanel([FieldPanel("story_number"), FieldPanel("published_at")]),
                    FieldPanel("coverage_ended_at"),
                    FieldRowPanel([FieldPanel("ads_enabled"), FieldPanel("post_to_telegram")]),
                    # Wagtail shows this as the "Set schedule" dialog of the status panel.
                    PublishingPanel(),
                ],
                heading=_("Filing"),
            ),
        ],
        base_form_class=ArticleForm,
    )


def _per_edition_panels(*names: str) -> list[FieldPanel]:
    return [FieldPanel(field) for name in names for field in edition_field_names(name)]


class AuthorViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
    model = Author
    icon = "user"
    menu_label = _("Authors")
    panels = [
        *_per_edition_panels("name"),
        FieldPanel("slug"),
        FieldPanel("photo"),
        *_per_edition_panels("bio"),
    ]


class SectionViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
    model = Section
    icon = "folder-open-inverse"
    menu_label = _("Sections")
    panels = [*_per_edition_panels("name"), FieldPanel("slug"), FieldPanel("sort_order")]


class TagViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    panels = _per_edition_panels("name", "slug")


class LabelViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
    model = Label
    icon = "pick"
    menu_label = _("Labels")
    panels = [*_per_edition_panels("name"), FieldPanel("slug")]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (AuthorViewSet, SectionViewSet, TagViewSet, LabelViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_order = 110


class FrontPageViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
    model = FrontPage
    icon = "home"
    menu_label = _("Front pages")
    menu_order = 105
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [
            MultipleChooserPanel(
                "top_stories",
                chooser_field_name="article",
                label=_("Top stories"),
                max_num=MAX_TOP_STORIES,
                help_text=_(
                    "In the order they lead the front page. Unpublished ones are skipped; "
                    "latest long reads fill the remaining places."
                ),
            )
        ],
        base_form_class=FrontPageForm,
    )


class InfoPageViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
    model = InfoPage
    icon = "doc-empty"
    menu_label = _("Support and About")
    menu_order = 106
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [FieldPanel("kind"), FieldPanel("title"), FieldPanel("body")],
        base_form_class=EditionAdminForm,
    )


class LiveEntryForm(WagtailAdminModelForm):
    """An update of a live blog, for a blog chosen among the live blogs (editors alone pin
    key points: the panel's permission)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["article"].queryset = Article.objects.filter(kind=Kind.LIVE).order_by(
            "-published_at", "-id"
        )

        if self.instance.pk is None:
            self.initial["published_at"] = None  # the moment it is saved, not opened

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        if self.instance.published_at is None:
            self.instance.published_at = timezone.now()
        # An update is live when saved: its images' renditions made before, not by the
        # blog's first reader after it.
        make_reader_renditions(None, images_in(self.instance.body))
        return super().save(commit=commit)


class LiveEntryFilterSet(WagtailFilterSet):
    article = django_filters.ModelChoiceFilter(
        label=_("live blog"),
        queryset=Article.objects.filter(kind=Kind.LIVE).order_by("-published_at", "-id"),
    )

    class Meta:
        model = LiveEntry
        fields = ["article", "pinned"]


class LiveEntryViewSet(ModelViewSet):
    """Live blogs' updates: added, changed and deleted on their own, each a row, live at
    once (no draft, no republishing of the blog)."""

    model = LiveEntry
    icon = "time"
    menu_label = _("Live blogs")
    menu_order = 101
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [
            FieldPanel("article", widget=forms.Select),
            FieldPanel("published_at"),
            FieldPanel("headline"),
            FieldPanel("body"),
            FieldPanel("author"),
            FieldPanel("pinned", permission="newsroom.publish_article"),
        ],
        base_form_class=LiveEntryForm,
    )
    list_display = [
        "__str__",
        "article",
        "published_at",
        "author",
        BooleanColumn("pinned", label=capfirst(_("key point"))),
    ]
    filterset_class = LiveEntryFilterSet
    ordering = ["-published_at", "-id"]
    list_per_page = 50
