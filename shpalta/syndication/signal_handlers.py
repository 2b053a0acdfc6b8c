"""Side effects of publishing on syndication (connected in apps.py)."""

from django.dispatch import receiver
from wagtail.signals import published, unpublished

from shpalta.newsroom.models import Article

from .websub import queue_announcements


@receiver(published, sender=Article)
@receiver(unpublished, sender=Article)
def announce_changed_feeds(sender, instance: Article, **kwargs):
    queue_announcements(article=instance)
