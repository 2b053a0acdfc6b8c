"""Side effects of newsroom events (connected in apps.py): Wagtail's unpublish told as
live_article_changed, the page cache purged of what each event makes stale, and the
archive's counts by day (MonthCount) kept."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import unpublished

from shpalta.caching.purge import purge
from shpalta.editions.dates import kyiv_time

from . import purges
from .models import (
    Article,
    Author,
    FrontPage,
    InfoPage,
    Label,
    LiveEntry,
    Section,
    Tag,
    recount_days,
)
from .signals import live_article_changed
from .snapshots import ArticleSnapshot


@receiver(unpublished, sender=Article)
def article_taken_down(sender, instance: Article, **kwargs):
    instance.sync_listed_links()
    if instance.published_at is None:
        return
    live_article_changed.send(
        sender=Article, article=instance, before=ArticleSnapshot.of(instance), after=None
    )


@receiver(live_article_changed, sender=Article)
def purge_article(sender, article: Article, before, after, **kwargs):
    siblings = (
        Article.objects.filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .values_list("pk", "locale__language_code", "published_at")
    )
    purge(purges.article_changed(before=before, after=after, siblings=siblings))


@receiver(live_article_changed, sender=Article)
def count_days(sender, article: Article, before, after, **kwargs):
    """The days the article was and is live on, counted again (MonthCount), in the
    publishing transaction."""
    recount_days(
        (shown.edition, kyiv_time(shown.published_at).date())
        for shown in (before, after)
        if shown is not None
    )


@receiver(post_delete, sender=Article)
def count_deleted(sender, instance: Article, **kwargs):
    if instance.live and instance.published_at is not None:
        recount_days([(instance.locale.language_code, kyiv_time(instance.published_at).date())])


@receiver([post_save, post_delete], sender=Section)
@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=Author)
@receiver([post_save, post_delete], sender=Label)
def purge_names(sender, **kwargs):
    purge(purges.names_changed())


@receiver([post_save, post_delete], sender=FrontPage)
def purge_front_page(sender, instance: FrontPage, **kwargs):
    purge(purges.front_page_changed(instance.locale.language_code))


@receiver([post_save, post_delete], sender=InfoPage)
def purge_info_page(sender, instance: InfoPage, **kwargs):
    purge(purges.info_page_changed(instance.locale.language_code))


@receiver([post_save, post_delete], sender=LiveEntry)
def purge_live_blog(sender, instance: LiveEntry, **kwargs):
    """An update added, changed or deleted: the blog's page, its updates, its feed and the
    lines that show its latest time (all carry the blog's key)."""
    purge(purges.live_blog_changed(instance.article_id))
