from django.apps import AppConfig


class ReaderConfig(AppConfig):
    name = "shpalta.reader"
    label = "reader"
