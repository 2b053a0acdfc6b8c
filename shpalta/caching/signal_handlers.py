"""Purges on the events that change what readers see (connected in apps.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shpalta.ads.models import AdSlot
from shpalta.newsroom.models import Article, Author, FrontPage, InfoPage, Label, Section, Tag
from shpalta.newsroom.signals import live_article_changed

from .purge import purge
from .tags import to_purge


@receiver(live_article_changed, sender=Article)
def purge_article(sender, article: Article, before, after, **kwargs):
    siblings = (
        Article.objects.filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .values_list("pk", "locale__language_code", "published_at")
    )
    purge(to_purge(before=before, after=after, siblings=siblings))


# Names, menus and ads appear on every page; they change rarely, so everything goes.
@receiver([post_save, post_delete], sender=Section)
@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=Author)
@receiver([post_save, post_delete], sender=Label)
@receiver([post_save, post_delete], sender=AdSlot)
def purge_everything(sender, **kwargs):
    purge({"all"})


@receiver([post_save, post_delete], sender=FrontPage)
def purge_front_page(sender, instance: FrontPage, **kwargs):
    code = instance.locale.language_code
    purge({f"front-{code}", f"top-{code}"})


@receiver([post_save, post_delete], sender=InfoPage)
def purge_info_page(sender, instance: InfoPage, **kwargs):
    purge({f"info-{instance.locale.language_code}"})
