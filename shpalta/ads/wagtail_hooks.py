"""Ad slots in the Wagtail admin, for those allowed to place ads."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shpalta.editions.forms import EditionAdminForm

from .models import AdSlot


class AdSlotViewSet(SnippetViewSet):
    model = AdSlot
    icon = "placeholder"
    menu_label = _("Ad slots")
    menu_order = 120
    add_to_admin_menu = True
    list_display = ["__str__", "enabled"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("placement"), FieldPanel("enabled")]),
            MultiFieldPanel(
                [FieldPanel("house_image"), FieldPanel("house_link"), FieldPanel("house_alt")],
                heading=_("House creative"),
            ),
            FieldPanel("code"),
            FieldPanel("hosts"),
            FieldPanel("every"),
        ],
        base_form_class=EditionAdminForm,
    )


register_snippet(AdSlotViewSet)
