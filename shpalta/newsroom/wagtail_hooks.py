"""Registers the newsroom's viewsets with the Wagtail admin, and hides the page tree:
articles are snippets (see DESIGN.md), so Wagtail's pages would only confuse editors."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.fields import StreamField
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet

from . import takedown_views
from .forms import WholeBlockField
from .models import Article
from .views import may_read_site_history
from .viewsets import (
    ArticleViewSet,
    FrontPageViewSet,
    InfoPageViewSet,
    LiveEntryViewSet,
    TaxonomyViewSetGroup,
)

# Before the viewsets build their forms: a post that lacks a block editor's parts is a
# form error, not a 500 (forms.WholeBlockField).
register_form_field_override(StreamField, override={"form_class": WholeBlockField})

register_snippet(ArticleViewSet)
register_snippet(FrontPageViewSet)
register_snippet(InfoPageViewSet)
register_snippet(TaxonomyViewSetGroup)


@hooks.register("register_admin_viewset")
def live_blog_viewset():
    return LiveEntryViewSet("live_entries")


@hooks.register("construct_main_menu")
def hide_page_explorer(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]


@hooks.register("construct_homepage_summary_items")
def hide_page_count(request, summary_items):
    summary_items[:] = [item for item in summary_items if not isinstance(item, PagesSummaryItem)]


@hooks.register("construct_reports_menu")
def site_history_for_editors(request, menu_items):
    if not may_read_site_history(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


class ArticleSearchArea(SearchArea):
    """The sidebar's search: the Articles list, searched by any word form (before Pages,
    which a newsroom of snippets hardly has)."""

    def __init__(self):
        super().__init__(
            _("Articles"),
            reverse("wagtailsnippets_newsroom_article:list"),
            name="articles",
            icon_name="doc-full",
            order=50,
        )

    def is_shown(self, request):
        return ModelPermissionPolicy(Article).user_has_any_permission(
            request.user, {"add", "change", "delete", "view"}
        )


@hooks.register("register_admin_search_area")
def article_search_area():
    return ArticleSearchArea()


@hooks.register("register_admin_urls")
def takedown_urls():
    return [
        path("takedown/", takedown_views.takedown, name="newsroom_takedown"),
        path(
            "takedown/<int:pk>/put-back/",
            takedown_views.put_back_view,
            name="newsroom_takedown_put_back",
        ),
        path("takedown/freeze/", takedown_views.freeze, name="newsroom_freeze_account"),
    ]


class DutyEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsroom.add_takedown")


@hooks.register("register_admin_menu_item")
def takedown_menu_item():
    return DutyEditorMenuItem(
        _("Take down"), reverse("newsroom_takedown"), icon_name="warning", order=900
    )
