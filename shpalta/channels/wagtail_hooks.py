"""The channels in the admin: the Telegram report, the cancel during the undo window, and
the channel's state told to the editor after publishing and on the article."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from shpalta.newsroom.models import Article

from . import views
from .models import TelegramPost


@hooks.register("register_admin_urls")
def channel_urls():
    return [
        path("channels/telegram/", views.telegram_posts, name="channels_telegram"),
        path(
            "channels/telegram/<int:pk>/cancel/",
            views.cancel_telegram_post,
            name="channels_telegram_cancel",
        ),
    ]


class PublisherMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_post(request.user)


@hooks.register("register_reports_menu_item")
def telegram_menu_item():
    return PublisherMenuItem(
        gettext_lazy("Telegram"), reverse("channels_telegram"), icon_name="mail", order=720
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("describe_article")
def tell_telegram_state(request, instance):
    """After a save, and on the article's edit page: where its Telegram posts stand, with
    a way to cancel one that waits."""
    if not isinstance(instance, Article) or not views.may_post(request.user):
        return
    posts = TelegramPost.objects.filter(article=instance).select_related("cancelled_by")
    for post in posts:
        words = _("Telegram %(channel)s: %(state)s. %(explanation)s") % {
            "channel": post.chat,
            "state": post.get_state_display(),
            "explanation": post.explanation(),
        }
        if post.state == TelegramPost.State.WAITING and post.due_at > timezone.now():
            url = reverse("channels_telegram_cancel", args=[post.pk])
            url += "?next=" + reverse("wagtailsnippets_newsroom_article:edit", args=[instance.pk])
            messages.warning(request, words, buttons=[messages.button(url, _("Cancel"))])
        elif post.state == TelegramPost.State.FAILED:
            messages.error(request, words)
        elif post.state != TelegramPost.State.CANCELLED or post.pending:
            messages.info(request, words)
