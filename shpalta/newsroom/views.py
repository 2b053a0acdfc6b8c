"""Admin views where Wagtail's own need to know the edition or the newsroom's roles."""

import json
import re

import django_filters
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import SearchFilterMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import Locale, Revision
from wagtail.search.backends import get_search_backend
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, PreviewOnCreateView
from wagtail.snippets.widgets import AdminSnippetChooser

from shpalta.editions.dates import dateline

from . import approval, search
from .models import Article


class SecondEditorRequired:
    """Create and edit views: publishing an item that needs a second editor (approval.py)
    is refused as a form error, with what was typed kept, when the one publishing wrote
    it: they create it, change it in this save, or changed or submitted it since it was
    last published. (The publishing action refuses it too, for every other way in.)"""

    def is_valid(self, form):
        valid = super().is_valid(form)
        if not (valid and self.action == "publish"):
            return valid
        met = approval.conditions_met(form.instance)
        if not met:
            return valid
        wrote = (
            self.view_name == "create"
            or form.has_changed()
            or self.request.user.pk in approval.writers(form.instance)
        )
        if not wrote:
            return valid
        form.add_error(None, approval.refusal(met))
        self.produced_error_message = self.get_error_message()
        return False


class ArticleCreateView(SecondEditorRequired, CreateView):
    def get_preview_url(self):
        # Wagtail's preview of an unsaved snippet does not carry its locale; without it a
        # new English article would be previewed in the Ukrainian edition.
        url = super().get_preview_url()
        return self._set_locale_query_param(url) if url else url


# What a revision holds besides the story: times and states kept by publishing and the
# editor's own bookkeeping. A difference there is not someone else's edit.
_BOOKKEEPING = {
    "pk", "id", "live", "has_unpublished_changes", "first_published_at", "last_published_at",
    "live_revision", "latest_revision", "latest_revision_created_at", "locked", "locked_at",
    "locked_by", "expired", "published_at", "updated_at", "minor_edit", "draft_title",
    "go_live_at", "expire_at", "translation_key", "locale", "translated_from",
    "source_seen_at", "brought_up_to_date",
}  # fmt: skip


class ArticleEditView(SecondEditorRequired, EditView):
    """Wagtail's edit view, which refuses a save from a form older than the article's
    latest revision when that revision changed the story. Wagtail refuses it for autosave
    only: a second editor who opened the story before a first one saved would otherwise
    replace the first one's work without a word. The form comes back with what they
    typed, a message naming who changed which fields since, and a link to compare that
    version with the one they opened. Autosave stays refused on that form (Wagtail's own
    check, fed the time of the version they opened); saving it again is a save over the
    newer version, made knowingly."""

    def get(self, request, *args, **kwargs):
        if self.object.behind_source:
            self._source_changed_notice()
        # Apps above the newsroom say what they did with the story (channels: Telegram).
        for describe in hooks.get_hooks("describe_article"):
            describe(request, self.object)
        return super().get(request, *args, **kwargs)

    def _source_changed_notice(self) -> None:
        source = self.object.translated_from
        seen = self.object.source_seen_at
        before = source.revisions.filter(created_at__lte=seen).order_by("-created_at").first()
        latest = source.live_revision or source.latest_revision
        buttons = []
        if before and latest and before.pk != latest.pk:
            url = reverse(self.revisions_compare_url_name, args=[source.pk, before.pk, latest.pk])
            buttons.append(messages.button(url, _("What changed in the source"), new_window=True))
        messages.warning(
            self.request,
            _(
                "Source changed: the %(edition)s edition of this story was updated at "
                "%(when)s, after this translation was last brought up to date. Bring the "
                "changes in, then publish with “brought up to date” ticked."
            )
            % {
                "edition": source.locale.get_display_name(),
                "when": dateline(source.updated_at, get_language()),
            },
            buttons=buttons,
        )

    def is_valid(self, form):
        valid = super().is_valid(form)
        if not self.expects_json_response and self.is_out_of_date:
            loaded = self._loaded_revision()
            # Unless the versions since are the editor's own (Wagtail's autosave of this
            # form keeps the loaded revision as it was), or nothing but bookkeeping changed
            # (the rich text editor gives its blocks new keys on load).
            if loaded is None or (
                not self._only_own_revisions_since(loaded)
                and _changed_fields(loaded, self.latest_revision)
            ):
                self.overwrite_refused = True
                self.produced_error_code = "invalid_revision"
                self.produced_error_message = self._conflict_message(loaded)
                return False
        if valid and self.action == "publish" and form.instance.translated_from_id:
            untranslated = form.instance.untranslated_parts()
            if untranslated:
                names = ", ".join(str(self._label(part)) for part in untranslated)
                form.add_error(
                    None,
                    _(
                        "Not published: %(parts)s still word for word the source's. "
                        "Translate it first; you can save it as a draft meanwhile."
                    )
                    % {"parts": names},
                )
                self.produced_error_message = self.get_error_message()
                return False
        return valid

    def _only_own_revisions_since(self, loaded: Revision) -> bool:
        return self._latest_by_others(loaded) is None

    def _latest_by_others(self, loaded: Revision | None) -> Revision | None:
        """The newest version since the loaded one that another person (or the system)
        saved, not this editor's own autosave."""
        later = self.object.revisions.exclude(user=self.request.user).order_by("-pk")
        return later.filter(pk__gt=loaded.pk).first() if loaded else later.first()

    def _loaded_revision(self) -> Revision | None:
        loaded = self.request.POST.get("loaded_revision_id", "")
        if not loaded.isdigit():
            return None
        return self.object.revisions.filter(pk=int(loaded)).first()

    def _conflict_message(self, loaded: Revision | None):
        latest = self._latest_by_others(loaded) or self.latest_revision
        who = latest.user.get_full_name() or latest.user.get_username() if latest.user else ""
        message = format_html(
            "{} {}",
            _(
                "Not saved: %(who)s saved this story at %(when)s, after you opened it, and "
                "your save would replace that version."
            )
            % {"who": who or _("someone"), "when": dateline(latest.created_at, get_language())},
            _(
                "What you typed is still in the form. Compare the two versions, bring "
                "their changes into yours if they should stay, then save again."
            ),
        )
        changed = [self._label(key) for key in _changed_fields(loaded, latest)] if loaded else []
        if changed:
            fields = ", ".join(map(str, changed))
            message = format_html(
                "{} {}", message, _("They changed: %(fields)s.") % {"fields": fields}
            )
        self.conflict_buttons = []
        if loaded:
            url = reverse(
                self.revisions_compare_url_name, args=[self.object.pk, loaded.pk, latest.pk]
            )
            self.conflict_buttons.append(
                messages.button(url, _("Compare with the version you opened"), new_window=True)
            )
        return message

    def _label(self, key: str) -> str:
        try:
            field = self.model._meta.get_field(key)
        except FieldDoesNotExist:
            return key
        if field.is_relation and field.one_to_many:
            return capfirst(field.related_model._meta.verbose_name_plural)
        return capfirst(field.verbose_name)

    def form_invalid(self, form):
        if getattr(self, "overwrite_refused", False):
            # Wagtail's message carries no buttons; this one leads to the comparison.
            messages.error(self.request, self.produced_error_message, buttons=self.conflict_buttons)
            self.produced_error_message = None
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if getattr(self, "overwrite_refused", False):
            # The form still holds the version its editor opened: autosave must not save
            # it over the newer one behind their back.
            context["loaded_revision_created_at"] = self.request.POST.get(
                "loaded_revision_created_at", ""
            )
        return context


def _comparable(value) -> str:
    """A revision's value as JSON, without the keys the rich text editor gives its blocks
    afresh each time it loads."""
    return _BLOCK_KEY.sub("", json.dumps(value, sort_keys=True, cls=DjangoJSONEncoder))


_BLOCK_KEY = re.compile(r' data-block-key=(?:\\)*"[^"\\]*(?:\\)*"')
_CHILD_BOOKKEEPING = {"pk", "id", "sort_order", "article", "locale", "live", "published_at"}


def _changed_fields(loaded: Revision, latest: Revision) -> list[str]:
    """The fields (of the article and its child relations) that differ between two
    revisions, bookkeeping aside."""
    before, after = loaded.content, latest.content
    changed = []
    for key in sorted(set(before) | set(after)):
        if key in _BOOKKEEPING:
            continue
        old, new = before.get(key), after.get(key)
        if isinstance(old, list) and isinstance(new, list) and key in _CHILD_RELATIONS:
            old, new = ([_without(child) for child in value] for value in (old, new))
        if _comparable(old) != _comparable(new):
            changed.append(key)
    return changed


_CHILD_RELATIONS = {"author_links", "tag_links", "corrections"}


def _without(child):
    return (
        {k: v for k, v in child.items() if k not in _CHILD_BOOKKEEPING}
        if isinstance(child, dict)
        else child
    )


class ArticleFilterSet(WagtailFilterSet):
    """The Articles list's filters, with "translations behind their source"."""

    behind_source = django_filters.BooleanFilter(
        label=gettext_lazy("Translations behind their source"),
        method="filter_behind_source",
    )

    class Meta:
        model = Article
        fields = ["kind", "section", "is_urgent", "live"]

    def filter_behind_source(self, queryset, name, value):
        if value is None:
            return queryset
        behind = Article.objects.behind_source().values("pk")
        return queryset.filter(pk__in=behind) if value else queryset.exclude(pk__in=behind)


class ArticleIndexView(IndexView):
    """The Articles list: its search finds any word form, in every edition, drafts too."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("translated_from")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = search.Query.parse(self.search_query, None)
        if not query:
            return queryset.none()
        # The newest thousand matches, in the list's own order.
        return queryset.filter(pk__in=search.find(queryset, query).ids)


class WordFormSearch(SearchFilterMixin):
    """The article chooser's search: any word form (whole words), and the headline's
    word beginnings as they are typed; the first 200 of each."""

    def filter(self, objects):
        objects = super(SearchFilterMixin, self).filter(objects)  # the other filters
        text = self.cleaned_data.get("q")
        if not text:
            return objects
        self.is_searching, self.search_query = True, text
        query = search.Query.parse(text, None)
        found = set(search.find(objects, query).ids[:200]) if query else set()
        typed = get_search_backend().autocomplete(text, objects)[:200]
        return objects.filter(pk__in=found | {article.pk for article in typed})


class ArticleChooserFilters:
    def get_filter_form_class(self):
        form = super().get_filter_form_class()
        bases = tuple(
            WordFormSearch if base is SearchFilterMixin else base for base in form.__bases__
        )
        return type("FilterForm", bases, {})


class ArticleChooseView(ArticleChooserFilters, ChooseView):
    pass


class ArticleChooseResultsView(ArticleChooserFilters, ChooseResultsView):
    pass


class EditorLanguageChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser (an author, a tag, a story…) with its button texts in
    the language of each request. Wagtail words them when the widget is made, and it is
    made once per process, with the edit forms, when the first request loads the URLs:
    every editor of the process would read them in that request's language."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = _in_request_language("Choose %(object)s", name)
        self.choose_another_text = _in_request_language("Choose another %(object)s", name)
        self.link_to_chosen_text = _in_request_language("Edit this %(object)s", name)


def _in_request_language(message: str, name) -> str:
    """Wagtail's `message` about a model, worded when shown (its catalogue's words)."""
    return lazy(lambda: _(message) % {"object": name}, str)()


class ChooserViewSet(SnippetChooserViewSet):
    base_widget_class = EditorLanguageChooser


class ArticleChooserViewSet(ChooserViewSet):
    choose_view_class = ArticleChooseView
    choose_results_view_class = ArticleChooseResultsView


class ArticlePreviewOnCreateView(PreviewOnCreateView):
    def get_object(self):
        article = super().get_object()
        code = self.request.GET.get("locale", "")
        article.locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
        return article


def may_read_site_history(user) -> bool:
    """Who publishes (editors) and administrators: the site's history names every draft,
    deletion and ad change, more than a reporter's or an ad manager's work needs."""
    return user.is_superuser or user.has_perm("newsroom.publish_article")


class SiteHistoryView(LogEntriesView):
    """Wagtail's Site history report, for editors and administrators only (shpalta/urls.py
    puts it at Wagtail's address; wagtail_hooks.py hides its menu item from the others)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_site_history(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
