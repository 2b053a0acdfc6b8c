"""The channels in the admin: what each edition's Telegram channel was sent, is waiting
to be sent or failed to take, and the editor's cancel during the undo window. Open to
those who publish (newsroom.publish_article)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin import messages

from . import newsletters, telegram
from .models import Mailing, TelegramPost

PER_PAGE = 50


def may_post(user) -> bool:
    return user.has_perm("newsroom.publish_article")


def telegram_posts(request: HttpRequest) -> HttpResponse:
    if not may_post(request.user):
        raise PermissionDenied
    posts = TelegramPost.objects.select_related("article", "cancelled_by").order_by("-id")
    state = request.GET.get("state", "")
    if state in TelegramPost.State.values:
        posts = posts.filter(state=state)
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "channels/telegram_posts.html",
        {
            "page": page,
            "states": TelegramPost.State.choices,
            "state": state,
            "channels": telegram.channels(),
        },
    )


def cancel_telegram_post(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm; POST keeps the waiting post off the channel."""
    if not may_post(request.user):
        raise PermissionDenied
    post = get_object_or_404(TelegramPost.objects.select_related("article"), pk=pk)
    return _cancel(
        request,
        title=_("Cancel the Telegram post"),
        story=post.article,
        where=post.chat,
        state=f"{post.get_state_display()}. {post.explanation()}",
        waiting=post.state == TelegramPost.State.WAITING and post.message_id is None,
        cancel=lambda: telegram.cancel(post, request.user),
        done=_("Cancelled: it will not be posted to Telegram."),
    )


def cancel_mailing(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm; POST keeps a waiting breaking-news e-mail from going out."""
    if not may_post(request.user):
        raise PermissionDenied
    mailing = get_object_or_404(
        Mailing.objects.select_related("article"), pk=pk, kind=Mailing.Kind.BREAKING
    )
    return _cancel(
        request,
        title=_("Cancel the breaking-news e-mail"),
        story=mailing.article,
        where=_("Newsletter subscribers"),
        state=mailing.get_state_display(),
        waiting=mailing.state == Mailing.State.WAITING,
        cancel=lambda: newsletters.cancel(mailing),
        done=_("Cancelled: the e-mail will not be sent."),
    )


def _cancel(request, *, title, story, where, state, waiting, cancel, done) -> HttpResponse:
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    back = back or "channels_telegram"
    if request.method == "POST":
        if cancel():
            messages.success(request, done)
        else:
            messages.error(request, _("Too late to cancel: it is on its way or gone."))
        return redirect(back)
    return TemplateResponse(
        request,
        "channels/cancel.html",
        {
            "title": title,
            "story": story,
            "where": where,
            "state": state,
            "waiting": waiting,
            "next": back,
        },
    )
