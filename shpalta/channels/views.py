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

from . import telegram
from .models import TelegramPost

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
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    back = back or "channels_telegram"
    if request.method == "POST":
        if telegram.cancel(post, request.user):
            messages.success(request, _("Cancelled: it will not be posted to Telegram."))
        else:
            post.refresh_from_db()
            messages.error(
                request,
                _("Too late to cancel: the post is %(state)s.")
                % {"state": post.get_state_display()},
            )
        return redirect(back)
    return TemplateResponse(
        request, "channels/cancel_telegram_post.html", {"post": post, "next": back}
    )
