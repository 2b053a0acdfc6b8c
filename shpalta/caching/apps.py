from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The page cache: its store, fast path, middleware, edge purges and key vocabulary.
    It knows no app above it: the apps whose events change pages connect their own
    purges (newsroom.signal_handlers, ads.signal_handlers)."""

    name = "shpalta.caching"
    label = "caching"
    verbose_name = "Page cache"
