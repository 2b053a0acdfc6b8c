from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "shpalta.demo"
    label = "demo"
