"""A form saved after its session ended, or while the database is unreachable, is kept.

When an editor presses Save or Publish on an article (or any add/edit form of the admin)
after their session ran out, the middleware signs them out as always, but keeps what the
form posted in the browser's new session. When the same person has signed in again (and
passed the second step), their first visit to that form's address saves what they had
posted as a draft: never published, whatever button was pressed, so that they read it
once more before it goes live. A form they cannot save any more (someone changed the
article meanwhile, a field is now wrong) comes back with their text and Wagtail's errors.

Only the browser that posted holds it (the POST passed the CSRF check, and the session
cookie is that browser's), only the same user gets it, for a day at most. Uploaded files
are not kept: a file field comes back empty.

While the database cannot be reached (its host lost power, its link dropped), a save
cannot succeed and the server has nowhere to keep it. So the form is not sent:
accounts/static/accounts/unsent.js, on every add or edit form of the admin, first asks
`reachable` (one query, a few milliseconds) and sends the form only when the database
answers. Otherwise the form stays in the page as it was typed, a notice in the editor's
language says that nothing was saved, and the save is tried again every few seconds
until it goes through, with the button that was pressed (or until the editor stops it);
the browser's "leave this page?" warning stays on meanwhile.
"""

import re
import time

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse, QueryDict
from django.templatetags.static import static
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

KEY = "shpalta_unsent_form"
MAX_AGE = 24 * 3600
# The admin's add and edit forms (articles, snippets, images...), not deletions or other
# one-click actions, which are not replayed.
KEPT_VIEWS = re.compile(r"(^|:)(add|edit|create)$")


def unsent_form(request: HttpRequest) -> dict | None:
    """What this request posts, if it is a form worth keeping (read before signing out)."""
    match = request.resolver_match
    if request.method != "POST" or not match or not KEPT_VIEWS.search(match.view_name):
        return None
    fields = {
        name: values
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken" and not name.startswith("action-")
    }
    return {
        "path": request.get_full_path(),
        "user": request.user.pk,
        "at": time.time(),
        "fields": fields,
    }


def keep(request: HttpRequest, form: dict) -> None:
    """Into the new session that signing out leaves (it survives signing in again)."""
    request.session[KEY] = form


def renew(request: HttpRequest) -> bool:
    """A later post of the same form from the same browser, signed out since (Wagtail's
    autosave may have been the request that found the session ended): it replaces what
    was kept, for the same person. True if it did."""
    kept = request.session.get(KEY)
    form = unsent_form(request)
    if kept is None or form is None or form["path"] != kept["path"]:
        return False
    request.session[KEY] = {**form, "user": kept["user"]}
    return True


def replay(request: HttpRequest) -> bool:
    """On the signed-in user's first GET of the kept form's address, turn the request into
    the kept POST, without its action: the view saves a draft. True if it did."""
    form = request.session.get(KEY)
    if form is None or request.method != "GET":
        return False
    if form["user"] != request.user.pk or time.time() - form["at"] > MAX_AGE:
        del request.session[KEY]
        return False
    if form["path"] != request.get_full_path():
        return False  # another admin page first; the form waits for its own address
    del request.session[KEY]
    data = QueryDict(mutable=True)
    for name, values in form["fields"].items():
        data.setlist(name, values)
    data._mutable = False
    request.method = "POST"
    request.POST = data
    request._files = MultiValueDict()
    return True


RETRY_SECONDS = 5


@never_cache
def reachable(request: HttpRequest) -> JsonResponse:
    """Whether the database answers: the admin's forms ask before they are sent. (Signed
    in, the session was read from it already; this asks once more, in case it went since.)"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": False}, status=503)
    return JsonResponse({"database": True})


def guard_script() -> str:
    """The script that keeps a form in its page while the database is unreachable, with its
    words in the editor's language (every admin page: insert_global_admin_js)."""
    return format_html(
        '<script src="{}" data-reachable="{}" data-retry-seconds="{}" data-notice="{}"'
        ' data-retrying="{}" data-retry-now="{}" data-stop="{}" data-stopped="{}"'
        " defer></script>",
        static("accounts/unsent.js"),
        reverse("accounts_reachable"),
        RETRY_SECONDS,
        _(
            "Not saved: the database cannot be reached. What you typed stays on this page; "
            "do not close it."
        ),
        _("Trying again every %(seconds)s seconds; it is saved as soon as the database answers.")
        % {"seconds": RETRY_SECONDS},
        _("Try now"),
        _("Stop trying"),
        _("No longer trying. Press the button again to save."),
    )
