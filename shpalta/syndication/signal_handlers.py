"""Side effects of publishing on syndication (connected in apps.py)."""

from django.dispatch import receiver

from shpalta.newsroom.models import Article
from shpalta.newsroom.signals import live_article_changed

from .websub import queue_announcements


@receiver(live_article_changed, sender=Article)
def announce_changed_feeds(sender, article: Article, before, after, **kwargs):
    queue_announcements(before=before, after=after)
