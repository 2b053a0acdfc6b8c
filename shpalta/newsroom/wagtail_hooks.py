"""Registers the newsroom's viewsets with the Wagtail admin, and hides the page tree:
articles are snippets (see DESIGN.md), so Wagtail's pages would only confuse editors."""

from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.snippets.models import register_snippet

from .viewsets import ArticleViewSet, FrontPageViewSet, InfoPageViewSet, TaxonomyViewSetGroup

register_snippet(ArticleViewSet)
register_snippet(FrontPageViewSet)
register_snippet(InfoPageViewSet)
register_snippet(TaxonomyViewSetGroup)


@hooks.register("construct_main_menu")
def hide_page_explorer(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]


@hooks.register("construct_homepage_summary_items")
def hide_page_count(request, summary_items):
    summary_items[:] = [item for item in summary_items if not isinstance(item, PagesSummaryItem)]
