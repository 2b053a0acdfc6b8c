from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "shpalta.syndication"
    label = "syndication"
    verbose_name = "Syndication"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the WebSub announcements)
