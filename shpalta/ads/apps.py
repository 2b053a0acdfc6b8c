from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "shpalta.ads"
    label = "ads"
    verbose_name = _("Advertising")

    def ready(self):
        from . import signal_handlers  # noqa: F401  (purges on ad slot changes)
