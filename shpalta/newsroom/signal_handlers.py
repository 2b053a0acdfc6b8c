"""Wagtail's unpublish (by an editor or at expiry) told as live_article_changed."""

from django.dispatch import receiver
from wagtail.signals import unpublished

from .models import Article
from .services import sync_listed_links
from .signals import live_article_changed
from .snapshots import ArticleSnapshot


@receiver(unpublished, sender=Article)
def article_taken_down(sender, instance: Article, **kwargs):
    sync_listed_links(article=instance)
    if instance.published_at is None:
        return
    live_article_changed.send(
        sender=Article, article=instance, before=ArticleSnapshot.of(instance), after=None
    )
