from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "shpalta.caching"
    label = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (purges on publishing events)
