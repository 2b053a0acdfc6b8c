"""The channels in the admin: the Telegram report, the cancel during the undo window, and
the channel's state told to the editor after publishing and on the article."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from shpalta.editions.dates import kyiv_time
from shpalta.newsroom.models import Article

from . import views
from .models import Mailing, Subscriber, TelegramPost


@hooks.register("register_admin_urls")
def channel_urls():
    return [
        path("channels/telegram/", views.telegram_posts, name="channels_telegram"),
        path(
            "channels/telegram/<int:pk>/cancel/",
            views.cancel_telegram_post,
            name="channels_telegram_cancel",
        ),
        path(
            "channels/newsletter/<int:pk>/cancel/",
            views.cancel_mailing,
            name="channels_mailing_cancel",
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
def tell_channel_states(request, instance):
    """After a save, and on the article's edit page: where its Telegram posts and its
    breaking-news e-mail stand, with a way to cancel one that waits."""
    if not isinstance(instance, Article) or not views.may_post(request.user):
        return
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[instance.pk])
    waiting = Mailing.objects.filter(
        article=instance, kind=Mailing.Kind.BREAKING, state=Mailing.State.WAITING
    )
    for mailing in waiting:
        url = reverse("channels_mailing_cancel", args=[mailing.pk]) + "?next=" + edit
        messages.warning(
            request,
            _("Breaking-news e-mail to the subscribers: goes out at %(time)s.")
            % {"time": f"{kyiv_time(mailing.due_at):%H:%M:%S}"},
            buttons=[messages.button(url, _("Cancel"))],
        )
    posts = TelegramPost.objects.filter(article=instance).select_related("cancelled_by")
    for post in posts:
        words = _("Telegram %(channel)s: %(state)s. %(explanation)s") % {
            "channel": post.chat,
            "state": post.get_state_display(),
            "explanation": post.explanation(),
        }
        if post.state == TelegramPost.State.WAITING and post.due_at > timezone.now():
            url = reverse("channels_telegram_cancel", args=[post.pk]) + "?next=" + edit
            messages.warning(request, words, buttons=[messages.button(url, _("Cancel"))])
        elif post.state == TelegramPost.State.FAILED:
            messages.error(request, words)
        elif post.state != TelegramPost.State.CANCELLED or post.pending:
            messages.info(request, words)


class SubscriberViewSet(ModelViewSet):
    """The newsletters' subscribers for the editors: who, which lists, confirmed when;
    exported as CSV or XLSX, deleted on request (the address is then forgotten)."""

    model = Subscriber
    icon = "mail"
    menu_label = gettext_lazy("Subscribers")
    menu_order = 730
    add_to_settings_menu = False
    add_to_admin_menu = False
    list_display = ["email", "edition", "digest", "breaking", "confirmed_at", "created_at"]
    list_filter = ["edition", "digest", "breaking"]
    list_export = ["email", "edition", "digest", "breaking", "confirmed_at", "created_at"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["digest", "breaking"]
    ordering = ["-created_at"]


class MailingViewSet(ModelViewSet):
    """The newsletters' issues: digests and breaking-news alerts, with their state."""

    model = Mailing
    icon = "mail"
    menu_label = gettext_lazy("Newsletter issues")
    list_display = ["subject", "kind", "edition", "due_at", "state"]
    list_filter = ["kind", "edition", "state"]
    inspect_view_enabled = True
    form_fields = []
    ordering = ["-due_at"]


@hooks.register("register_admin_viewset")
def newsletter_viewsets():
    return [SubscriberViewSet("newsletter_subscribers"), MailingViewSet("newsletter_issues")]


class SubscriberMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("channels.view_subscriber")


@hooks.register("register_reports_menu_item")
def subscribers_menu_item():
    return SubscriberMenuItem(
        gettext_lazy("Newsletters"),
        reverse("newsletter_subscribers:index"),
        icon_name="mail",
        order=730,
    )
