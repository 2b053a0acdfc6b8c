from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "shpalta.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from . import approval, signal_handlers  # noqa: F401  (its check; signals, purges)
