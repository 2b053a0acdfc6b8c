from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "shpalta.editions"
    label = "editions"
