"""Side effects of publishing on the channels (connected in apps.py)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from shpalta.newsroom.models import Article
from shpalta.newsroom.signals import live_article_changed

from . import newsletters, telegram
from .models import TelegramPost


@receiver(live_article_changed, sender=Article)
def follow_on_telegram(sender, article: Article, before, after, **kwargs):
    telegram.queue(article, before=before, after=after)


@receiver(live_article_changed, sender=Article)
def alert_subscribers(sender, article: Article, before, after, **kwargs):
    newsletters.queue_alert(article, before=before, after=after)


@receiver(pre_delete, sender=Article)
def take_off_telegram(sender, instance: Article, **kwargs):
    """A deleted story leaves the channel too (its outbox row outlives it)."""
    posts = TelegramPost.objects.filter(article=instance)
    posts.filter(message_id=None).update(
        state=TelegramPost.State.CANCELLED, wanted=False, pending=False
    )
    posts.exclude(message_id=None).update(
        wanted=False, pending=True, next_attempt_at=timezone.now()
    )
