"""The duty editor's panic screen in the admin: choose articles, see what that takes down,
confirm with a reason; put a takedown back; freeze an account (newsroom.takedown)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateTimeInput

from shpalta.editions.registry import EDITIONS

from .models import Article, Takedown
from .takedown import (
    CannotFreezeError,
    Choice,
    NothingToTakeDownError,
    accounts_that_can_be_frozen,
    chosen_articles,
    freeze_account,
    put_back,
    take_down,
    unreadable_lines,
)

# More than a newsroom publishes in days: a choice past this is refused, not truncated.
MOST = 5000
RECENT = 20


class TakedownForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("These articles"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Their addresses or story numbers, one a line. A story number takes the story "
            "down in every edition."
        ),
    )
    account = forms.ModelChoiceField(
        label=gettext_lazy("Everything this account published or edited"),
        queryset=get_user_model().objects.order_by("username"),
        required=False,
    )
    since = forms.DateTimeField(
        label=gettext_lazy("Since"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy(
            "With an account: what it published or edited since then. Without one: "
            "everything published since then."
        ),
    )
    edition = forms.ChoiceField(
        label=gettext_lazy("Edition"),
        required=False,
        choices=[("", gettext_lazy("Every edition")), *((e.code, e.name) for e in EDITIONS)],
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Recorded with the takedown, with your name and the time."),
    )

    def clean(self):
        cleaned = super().clean()
        lines = [line.strip() for line in cleaned.get("addresses", "").splitlines()]
        lines = [line for line in lines if line]
        unreadable = unreadable_lines(lines)
        if unreadable:
            self.add_error(
                "addresses",
                _("Not an article's address or a story number: %(lines)s")
                % {"lines": "; ".join(unreadable[:5])},
            )
        since, account = cleaned.get("since"), cleaned.get("account")
        if since and since > timezone.now():
            self.add_error("since", _("That time has not come yet."))
        if account and not since and "since" not in self.errors:
            self.add_error("since", _("Say since when."))
        if not lines and not since and not self.errors:
            self.add_error(
                None,
                _("Choose what to take down: addresses, an account and a time, or a time."),
            )
        cleaned["choice"] = Choice(
            lines=tuple(lines), account=account, since=since, edition=cleaned.get("edition", "")
        )
        return cleaned

    def scope(self) -> str:
        """The choice in words, for the record."""
        data, parts = self.cleaned_data, []
        if data["choice"].lines:
            parts.append(_("%(count)s addresses or numbers") % {"count": len(data["choice"].lines)})
        if data.get("account"):
            parts.append(_("by %(name)s") % {"name": data["account"].get_username()})
        if data.get("since"):
            parts.append(_("since %(when)s") % {"when": f"{data['since']:%Y-%m-%d %H:%M}"})
        if data.get("edition"):
            parts.append(data["edition"])
        return ", ".join(parts)


class FreezeForm(forms.Form):
    account = forms.ModelChoiceField(
        label=gettext_lazy("Account"), queryset=accounts_that_can_be_frozen()
    )
    sure = forms.BooleanField(
        label=gettext_lazy("I want to end this account's sessions and stop it signing in"),
        required=True,
    )


def _allowed(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def takedown(request: HttpRequest) -> HttpResponse:
    """The panic screen: GET shows it; "preview" lists what a choice takes down; "confirm"
    takes down the articles the preview listed."""
    _allowed(request, "newsroom.add_takedown")
    form = TakedownForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "confirm" in request.POST:
            response = _confirm(request, form)
            if response is not None:
                return response
        preview = list(chosen_articles(form.cleaned_data["choice"])[: MOST + 1])
        if not preview:
            form.add_error(None, _("No published article matches this choice."))
            preview = None
        elif len(preview) > MOST:
            form.add_error(
                None, _("More than %(most)s articles match: narrow the choice.") % {"most": MOST}
            )
            preview = None
    return _screen(request, form, preview)


def _confirm(request: HttpRequest, form: TakedownForm) -> HttpResponse | None:
    """Take down the articles the duty editor saw listed (none that joined the choice
    since); None to show the screen again."""
    chosen = [int(pk) for pk in request.POST.getlist("article") if pk.isdigit()]
    if not chosen:
        form.add_error(None, _("Choose at least one article to take down."))
        return None
    started = timezone.now()
    try:
        record = take_down(
            articles=list(Article.objects.filter(pk__in=chosen[:MOST])),
            user=request.user,
            reason=form.cleaned_data["reason"],
            scope=form.scope(),
        )
    except NothingToTakeDownError as error:
        form.add_error(None, str(error))
        return None
    seconds = (timezone.now() - started).total_seconds()
    messages.success(
        request,
        _(
            "%(count)s articles taken down in %(seconds).1f s: their pages, lists, feeds, "
            "sitemaps and API answers are gone, and the caches are purged."
        )
        % {"count": len(record.articles), "seconds": seconds},
    )
    return redirect("newsroom_takedown")


def _screen(request, form, preview, freeze_form=None, status=200) -> HttpResponse:
    return TemplateResponse(
        request,
        "newsroom/takedown.html",
        {
            "form": form,
            "preview": preview,
            "freeze_form": (freeze_form or FreezeForm())
            if request.user.has_perm("newsroom.freeze_account")
            else None,
            "takedowns": Takedown.objects.select_related("user", "undone_by")[:RECENT],
        },
        status=status,
    )


@require_POST
def put_back_view(request: HttpRequest, pk: int) -> HttpResponse:
    _allowed(request, "newsroom.add_takedown")
    record = get_object_or_404(Takedown, pk=pk)
    if record.undone_at is not None:
        messages.error(request, _("This takedown has been put back already."))
        return redirect("newsroom_takedown")
    count = put_back(takedown=record, user=request.user)
    messages.success(request, _("%(count)s articles are published again.") % {"count": count})
    return redirect("newsroom_takedown")


@require_POST
def freeze(request: HttpRequest) -> HttpResponse:
    _allowed(request, "newsroom.freeze_account")
    form = FreezeForm(request.POST)
    if form.is_valid():
        account = form.cleaned_data["account"]
        try:
            freeze_account(account=account, user=request.user)
        except CannotFreezeError as error:
            form.add_error("account", str(error))
        else:
            messages.success(
                request,
                _(
                    "%(name)s is frozen: every session of the account has ended and it "
                    "cannot sign in until an administrator reactivates it."
                )
                % {"name": account.get_username()},
            )
            return redirect("newsroom_takedown")
    return _screen(request, TakedownForm(), None, freeze_form=form, status=400)
