from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "shpalta.channels"
    label = "channels"
    verbose_name = "Channels"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (queues posts when stories change)
