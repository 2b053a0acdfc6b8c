"""The newsletters for readers: the subscription form (its own page, every page's footer,
Support Us), the confirmation link and the one-click unsubscribe (shpalta/channels/
newsletters.py sends the e-mails).

The form is posted from pages kept whole by the page cache, so it carries no CSRF token:
subscribing only asks for a confirmation e-mail (double opt-in), and each address may ask
NEWSLETTER_RATE_LIMIT times a window. The pages behind a link (confirm, unsubscribe) are
never kept: they carry no cache tags.
"""

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from shpalta.caching import keys
from shpalta.caching import tags as cache_tags
from shpalta.caching.allowance import spend
from shpalta.channels import newsletters
from shpalta.editions.addresses import address_in_each

from .common import render_page


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)
    digest = forms.BooleanField(label=gettext_lazy("The morning digest"), required=False)
    breaking = forms.BooleanField(label=gettext_lazy("Breaking news"), required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("digest") or data.get("breaking")):
            raise forms.ValidationError(_("Choose at least one newsletter."))
        return data


@csrf_exempt
def newsletter(request: HttpRequest) -> HttpResponse:
    """GET: the form; POST: subscribe (a confirmation e-mail goes out), or the form again
    with what was typed and what is wrong."""
    code = request.edition.code
    if request.method == "POST" and code in settings.NEWSLETTER_EDITIONS:
        form = SubscribeForm(request.POST)
        status = 400
        if form.is_valid():
            left, retry_after = spend(
                "newsletter",
                request.META.get("REMOTE_ADDR", "unknown"),
                settings.NEWSLETTER_RATE_LIMIT,
                settings.NEWSLETTER_RATE_WINDOW,
            )
            if left < 0:
                form.add_error(
                    None,
                    _("Too many subscriptions from your address. Try again in %(minutes)s min.")
                    % {"minutes": -(-retry_after // 60)},
                )
                status = 429
            else:
                subscriber, already = newsletters.subscribe(
                    form.cleaned_data["email"],
                    code,
                    digest=form.cleaned_data["digest"],
                    breaking=form.cleaned_data["breaking"],
                )
                return _message(
                    request,
                    _("Subscribed already") if already else _("Check your inbox"),
                    _(
                        "%(email)s is subscribed already. To change which newsletters it "
                        "gets, unsubscribe with the link in any of our e-mails and "
                        "subscribe again."
                    )
                    % {"email": subscriber.email}
                    if already
                    else _(
                        "We have sent a link to %(email)s. Open it within %(days)s days to "
                        "confirm your subscription; until then we send nothing else."
                    )
                    % {"email": subscriber.email, "days": newsletters.CONFIRM_DAYS},
                )
        response = _form_page(request, form, status)
        if status == 429:
            response["Retry-After"] = str(retry_after)
        return response
    return _form_page(request, SubscribeForm(initial={"digest": True, "breaking": True}))


def _form_page(request: HttpRequest, form: SubscribeForm, status: int = 200) -> HttpResponse:
    if request.edition.code not in settings.NEWSLETTER_EDITIONS:
        status = 404
    cache_tags.add(request, keys.ALL)
    links = address_in_each("reader:newsletter")
    return render_page(
        request,
        "reader/newsletter.html",
        {"form": form, "title": _("Newsletters"), "offered": status != 404},
        links,
        status=status,
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        newsletters.confirm(token)
    except newsletters.BadLinkError as bad:
        return _bad_link(request, bad)
    return _message(
        request,
        _("You are subscribed"),
        _(
            "Thank you: our newsletters will come to this address. Every one of them has a "
            "link to unsubscribe."
        ),
    )


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with a button (a link opened by a mail scanner unsubscribes no one);
    POST: the one-click unsubscribe (RFC 8058, from the mail client or the button). The
    address is forgotten."""
    try:
        subscriber = newsletters.subscriber_leaving(token)
    except newsletters.BadLinkError as bad:
        return _bad_link(request, bad)
    if subscriber is None:
        return _message(request, _("Unsubscribed"), _("This address gets nothing more from us."))
    if request.method == "POST":
        subscriber.delete()
        return _message(
            request,
            _("Unsubscribed"),
            _("We have forgotten %(email)s: it gets nothing more from us.")
            % {"email": subscriber.email},
        )
    return _message(
        request,
        _("Unsubscribe"),
        _("Stop sending newsletters to %(email)s?") % {"email": subscriber.email},
        button=_("Unsubscribe"),
    )


def _bad_link(request: HttpRequest, bad: newsletters.BadLinkError) -> HttpResponse:
    if bad.expired:
        words = _("This confirmation link has expired. Subscribe again to get a new one.")
    else:
        words = _(
            "This link is not one of ours, or it was cut short. Copy it whole from "
            "the e-mail, or subscribe again."
        )
    return _message(request, _("The link does not work"), words, status=400, form_link=True)


def _message(
    request: HttpRequest,
    heading: str,
    words: str,
    *,
    status: int = 200,
    button: str = "",
    form_link: bool = False,
) -> HttpResponse:
    """A short page of its own (never kept: no cache tags)."""
    return render(
        request,
        "reader/newsletter_message.html",
        {"heading": heading, "words": words, "button": button, "form_link": form_link},
        status=status,
    )
