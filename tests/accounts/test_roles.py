"""Least privilege, checked: every admin URL of Django's resolver, asked (GET) by each
role with real objects in its arguments, answers as the matrix below says. A URL that no
row names fails the test, so a view added later is classified before it ships.

Policy in words: reporters and translators cannot publish, unpublish or delete; only
administrators manage users, roles, collections, workflows, sites, the page tree and
documents, and read the audit trail; only ad managers (and administrators) touch ad
slots; site history is for editors and administrators; duty editors (and administrators)
alone take down many articles at once and freeze accounts. Reporters may open a colleague's
draft: the desk finishes each other's stories, and nothing goes live without an editor.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site, Task, Workflow

from shpalta.ads.models import AdSlot
from shpalta.channels.models import Mailing, Subscriber
from shpalta.newsroom.models import FrontPage, InfoPage, Label, LiveEntry

from ..admin_urls import admin_urls
from ..conftest import PASSWORD, _member, sign_in
from ..factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "reporter",
    "translator",
    "editor",
    "duty editor",
    "ad manager",
    "administrator",
)

# What a role gets at a URL:
#   ok    the page (followed through redirects, it ends on a page of the admin)
#   no    refused: 403, or sent back to the admin's home with "no permission"
#   in    sent to sign in
#   405   the URL takes POST only (or 404: the view found nothing to show)
# fmt: off
MATRIX = [
    # anon reporter translator editor duty ad-man. admin   URL names (a regular expression)
    # Articles: write, preview, history; editors alone publish, unpublish and delete.
    ("in   no   no   ok   ok   no   ok", r"wagtailsnippets_newsroom_article:(delete|unpublish"
                                    r"|revisions_unschedule)"),
    ("in   ok   ok   ok   ok   no   ok", r"wagtailsnippets_newsroom_article:(add|copy|edit|history"
                                    r"|history_results|list|list_results|preview_on_add"
                                    r"|preview_on_edit|revisions_compare|revisions_revert"
                                    r"|revisions_view|usage|workflow_history)$"),
    ("in   405  no   405  405  no   405", r"wagtailsnippets_newsroom_article:lock"),
    ("in   no   no   405  405  no   405", r"wagtailsnippets_newsroom_article:unlock"),
    ("in   404  404  404  404  404  404", r"wagtailsnippets_newsroom_article:(workflow_action"
                                     r"|collect_workflow_action_data)"),
    ("in   no   no   no   no   no   no", r"wagtailsnippets_newsroom_article:workflow_preview"),
    ("in   404  404  404  404  no   404", r"wagtailsnippets_newsroom_article:"
                                     r"workflow_history_detail"),
    ("in   ok   ok   ok   ok   ok   ok", r"wagtailsnippets_newsroom_article:"
                                    r"confirm_workflow_cancellation"),
    # Taxonomy: editors keep it; reporters may add tags; everyone in the newsroom reads it.
    ("in   ok   no   ok   ok   no   ok", r"wagtailsnippets_newsroom_tag:(add|copy|history"
                                    r"|history_results)"),
    ("in   ok   ok   ok   ok   no   ok", r"wagtailsnippets_newsroom_(tag|author|section"
                                    r"|label):(list|list_results)"),
    ("in   no   no   ok   ok   no   ok", r"wagtailsnippets_newsroom_(tag|author|section"
                                    r"|label):(add|copy|delete|edit|history|history_results"
                                    r"|usage)"),
    # Front pages and Support/About: editors.
    ("in   no   no   ok   ok   no   ok", r"wagtailsnippets_newsroom_frontpage:(edit|history"
                                    r"|history_results|list|list_results|usage)"),
    ("in   no   no   no   no   no   ok", r"wagtailsnippets_newsroom_frontpage:(add|copy|delete)"),
    ("in   no   no   ok   ok   no   ok", r"wagtailsnippets_newsroom_infopage:(add|copy|edit"
                                    r"|history|history_results|list|list_results|usage)$"),
    ("in   no   no   no   no   no   ok", r"wagtailsnippets_newsroom_infopage:delete"),
    # Ad slots: ad managers alone.
    ("in   no   no   no   no   ok   ok", r"wagtailsnippets_ads_adslot:"),
    ("in   no   no   no   no   ok   ok", r"wagtailsnippetchoosers_ads_adslot:create"),
    # Choosers list what may be linked; creating from one needs the right to add.
    ("in   ok   ok   ok   ok   no   ok", r"wagtailsnippetchoosers_newsroom_article:create"),
    ("in   ok   no   ok   ok   no   ok", r"wagtailsnippetchoosers_newsroom_tag:create"),
    ("in   no   no   ok   ok   no   ok", r"wagtailsnippetchoosers_newsroom_(author|section|label"
                                    r"|infopage):create"),
    ("in   no   no   no   no   no   ok", r"wagtailsnippetchoosers_newsroom_frontpage:create"),
    ("in   ok   ok   ok   ok   ok   ok", r"wagtailsnippetchoosers_\w+:(choose|choose_results"
                                    r"|chosen|chosen_multiple)$"),
    # Images: reporters, editors and ad managers upload; editors change; translators choose.
    ("in   ok   no   ok   ok   ok   ok", r"wagtailimages:(add|add_multiple|index|index_results)$"),
    ("in   no   no   ok   ok   no   ok", r"wagtailimages:(delete|edit|image_usage|preview)$"),
    ("in   404  no   404  404  404  404", r"wagtailimages:url_generator"),
    ("in   ok   no   ok   ok   ok   ok", r"wagtailimages_chooser:create"),
    ("in   ok   ok   ok   ok   ok   ok", r"wagtailimages_chooser:"),
    ("in   405  405  405  405  405  405", r"wagtailimages:\w+_multiple"
                                     r"|wagtailimages:create_multiple"),
    # Documents: administrators upload and manage them.
    ("in   no   no   no   no   no   ok", r"wagtaildocs:(add|add_multiple|delete|document_usage"
                                    r"|edit|index|index_results)$"),
    ("in   no   no   no   no   no   ok", r"wagtaildocs_chooser:(chosen|create)$"),
    ("in   ok   ok   ok   ok   ok   ok", r"wagtaildocs_chooser:"),
    ("in   405  405  405  405  405  405", r"wagtaildocs:"),
    # Translations of a story: editors and translators.
    ("in   no   ok   ok   ok   no   ok", r"simple_translation:submit_snippet_translation"),
    ("in   no   no   no   no   no   ok", r"simple_translation:submit_page_translation"),
    # Administrators alone: people, roles, sign-in security, the audit trail, sites,
    # collections, workflows, the page tree and its reports.
    ("in   no   no   no   no   no   ok", r"wagtailusers_(users|groups):|accounts_(people|audit"
                                    r"|audit_results)$|wagtailsites:"
                                    r"|wagtailadmin_collections:(add|index|set_privacy)"
                                    r"|wagtailadmin_workflows:(add|disable|disable_task|edit"
                                    r"|edit_task|index|index_results|select_task_type"
                                    r"|task_index|task_index_results|usage|usage_results)$"
                                    r"|wagtailadmin_reports:(aging_pages|locked_pages"
                                    r"|page_types_usage|workflow|workflow_tasks)(_results)?$"
                                    r"|wagtailadmin_explore|wagtailadmin_pages:(copy|delete"
                                    r"|edit|history|history_results|preview_on_edit|search"
                                    r"|search_results|set_privacy|unpublish|usage|view_draft"
                                    r"|workflow_history|revisions_index)$"),
    ("in   no   no   no   no   no   no", r"wagtailadmin_pages:(add_subpage|move|revisions_compare"
                                    r"|workflow_preview)$|wagtailsnippets:index"),
    ("in   no   no   no   no   no   404", r"wagtailadmin_collections:edit"
                                     r"|wagtailadmin_pages:(revisions_unschedule"
                                     r"|revisions_view|workflow_history_detail)$"),
    # The panic screen (take down many articles, freeze an account): duty editors.
    ("in   no   no   no   ok   no   ok", r"newsroom_takedown$"),
    ("in   405  405  405  405  405  405", r"newsroom_(takedown_put_back|freeze_account)$"),
    # Live blogs' updates: reporters and editors write them.
    ("in   ok   no   ok   ok   no   ok", r"live_entries:(index|index_results|add|edit|delete"
                                    r"|copy|history|history_results|usage)$"),
    # The Telegram channels' outbox and the cancel of a waiting post: those who publish
    # (the cancel of post or e-mail 1, which does not exist: 404 once allowed).
    ("in   no   no   ok   ok   no   ok", r"channels_telegram$"),
    ("in   no   no   404  404  no   404", r"channels_(telegram|mailing)_cancel$"),
    # Newsletter subscribers (personal data) and issues: editors read them and delete a
    # subscriber on request; administrators alone change them.
    ("in   no   no   ok   ok   no   ok", r"newsletter_subscribers:(index|index_results|delete"
                                    r"|history|history_results)$|newsletter_issues:(index"
                                    r"|index_results|inspect)$"),
    ("in   no   no   no   no   no   ok", r"newsletter_(subscribers|issues):(add|copy|edit|delete"
                                    r"|history|history_results|usage)$"),
    # Site history: editors and administrators.
    ("in   no   no   ok   ok   no   ok", r"(wagtailadmin_reports|shpalta):?_?site_history"),
    # Every signed-in person: their account, the home page, pickers for links and tasks.
    ("in   ok   ok   ok   ok   ok   ok", r"wagtailadmin_(account|home|dismissibles"
                                    r"|choose_page\w*)$"
                                    r"|wagtailadmin_workflows:task_(chooser\w*|chosen)$"
                                    r"|wagtailadmin_api:(images|documents):(listing|detail)"
                                    r"|wagtailadmin_api:pages:listing"
                                    r"|wagtailadmin_pages:(confirm_workflow_cancellation"
                                    r"|move_confirm)$"),
    # Open to anyone: signing in, resetting a password, the admin's static parts.
    ("ok   ok   ok   ok   ok   ok   ok", r"wagtailadmin_(javascript_catalog|sprite"
                                    r"|password_reset\w*)$"),
    # Signed in and verified already: sent home.
    ("ok   no   no   no   no   no   no", r"wagtailadmin_login$"),
    ("in   no   no   no   no   no   no", r"accounts_2fa_verify$"),
    ("in   ok   ok   ok   ok   ok   ok", r"accounts_(2fa_setup|reachable)$"
                                     r"|otp_webauthn:js-i18n-catalog$"),
    # POST only (GET answers 405), or an address with nothing behind these ids.
    ("in   405  405  405  405  405  405", r"accounts_(end_sessions|lift_lock|recovery_codes"
                                     r"|reset|passkey_remove)$|otp_webauthn:credential-"
                                     r"|wagtailadmin_logout"
                                     r"|wagtailadmin_editing_sessions:"
                                     r"|wagtailadmin_workflows:(enable\w*|remove)$"
                                     r"|wagtailadmin_pages:(lock|unlock|set_page_position)$"
                                     r"|wagtailadmin_api:pages:action"),
    ("in   404  404  404  404  404  404", r"wagtailadmin_api:\w+:find"
                                     r"|wagtailadmin_api:pages:detail|wagtailadmin_pages:(add"
                                     r"|choose_parent|collect_workflow_action_data"
                                     r"|convert_alias|preview_on_add|revisions_revert"
                                     r"|type_use\w*|workflow_action)$"
                                     r"|wagtailadmin_collections:delete"
                                     r"|wagtailadmin_workflows:add_task|wagtail_bulk_action"
                                     r"|wagtailadmin_block_preview"
                                     r"|wagtailadmin_tag_model_autocomplete"),
    ("in   ok   ok   ok   ok   ok   ok", r"wagtailadmin_tag_autocomplete"),
    # Wagtail's deliberate 500 page (a test of error pages) is not served.
    ("404  404  404  404  404  404  404", r"wagtailadmin_error_test"),
]
# fmt: on


def expected(name: str) -> tuple[str, ...]:
    rows = [row for row, pattern in MATRIX if re.search(pattern, name)]
    assert rows, f"{name} is in no row of the matrix: classify it"
    return tuple(rows[0].split())


def answer(client, path: str) -> str:
    response = client.get(path, follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else path
    if response.status_code == 403:
        return "no"
    if response.status_code in (404, 405):
        return str(response.status_code)
    assert response.status_code == 200, (path, response.status_code)
    if final.startswith("/admin/login/") and not path.startswith("/admin/login/"):
        return "in"
    if response.redirect_chain and final.split("?")[0] == "/admin/":
        return "no"
    if path.startswith("/admin/login/") and response.redirect_chain:
        return "no"  # signed in already: sent home
    return "ok"


@pytest.fixture
def world(newsroom):
    people = {
        "reporter": _member("reporter", "Reporters"),
        "translator": _member("translator", "Translators"),
        "editor": _member("editor", "Editors"),
        "duty editor": _member("duty", "Duty editors"),
        "ad manager": _member("ads", "Ad managers"),
        "administrator": get_user_model().objects.create_superuser(
            "chief", "chief@example.org", PASSWORD
        ),
    }
    colleague = _member("reporter2", "Reporters")
    draft = make_article(headline="Чернетка колеги", publish=False)
    draft.save_revision(user=colleague)
    draft.headline = "Чернетка колеги, друга версія"
    draft.save_revision(user=colleague)
    image = make_image()
    document = get_document_model()(title="Звіт")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4 report"))
    uk = Locale.objects.get(language_code="uk")
    slot = AdSlot.objects.create(locale=uk, placement="sidebar", code="<p>ad</p>")
    info = InfoPage.objects.create(locale=uk, kind="support", title="Підтримати", body=[])
    label = Label.objects.create(slug="live", name_uk="НАЖИВО", name_ru="ОНЛАЙН", name_en="LIVE")
    workflow = Workflow.objects.first()
    revisions = list(draft.revisions.order_by("pk").values_list("pk", flat=True))
    snippets = {
        "article": draft.pk,
        "tag": make_tag("nato").pk,
        "author": make_author().pk,
        "section": make_section().pk,
        "label": label.pk,
        "frontpage": FrontPage.objects.get(locale=uk).pk,
        "infopage": info.pk,
        "adslot": slot.pk,
    }
    by_namespace = {
        "wagtailusers_users": colleague.pk,
        "wagtailusers_groups": Group.objects.get(name="Reporters").pk,
        "wagtailimages": image.pk,
        # Not 1: PostgreSQL's ids go on across tests.
        "wagtailadmin_api:images": image.pk,
        "wagtailimages_chooser": image.pk,
        "wagtaildocs_chooser": document.pk,
        "wagtaildocs": document.pk,
        "wagtailadmin_collections": Collection.get_first_root_node().pk,
        "wagtailadmin_workflows": workflow.pk,
        "wagtailsites": Site.objects.first().pk,
        "simple_translation": draft.pk,
        "newsletter_subscribers": Subscriber.objects.create(email="s@example.org", edition="uk").pk,
        "newsletter_issues": Mailing.objects.create(kind="digest", edition="uk").pk,
        "live_entries": LiveEntry.objects.create(
            article=draft, body=[("paragraph", "<p>Оновлення</p>")]
        ).pk,
    }
    values = {
        "page_id": Page.objects.filter(depth=2).first().pk,
        "image_id": image.pk,
        "document_id": document.pk,
        "doc_id": document.pk,
        "user_id": colleague.pk,
        "task_id": Task.objects.first().pk,
        "workflow_pk": workflow.pk,
        "app_label": "newsroom",
        "model_name": "article",
        "content_type_app_name": "newsroom",
        "content_type_model_name": "article",
        "app_name": "newsroom",
        "revision_id": revisions[-1],
        "revision_id_a": revisions[0],
        "revision_id_b": revisions[-1],
        "filter_spec": "width-100",
        "collection_id": Collection.get_first_root_node().pk,
    }

    def path(url) -> str:
        namespace = url.name.rsplit(":", 1)[0] if ":" in url.name else ""
        chosen = dict(values)
        snippet = re.fullmatch(r"wagtailsnippet(?:s|choosers)_\w+?_(\w+)", namespace)
        if snippet and snippet.group(1) in snippets:
            chosen["pk"] = snippets[snippet.group(1)]
        elif namespace in by_namespace:
            chosen["pk"] = by_namespace[namespace]
        return url.path(**chosen)

    return people, path


def test_every_admin_url_answers_each_role_as_the_matrix_says(world):
    people, path = world
    clients = {"anonymous": Client()}
    for role, person in people.items():
        clients[role] = Client()
        sign_in(clients[role], person)
    # Signing out last: a GET of Wagtail's logout drops the browser's cookie.
    urls = sorted(admin_urls(), key=lambda url: (url.name == "wagtailadmin_logout", url.name))
    wrong = []
    for url in urls:
        address = path(url)
        got = tuple(answer(clients[role], address) for role in ROLES)
        want = expected(url.name)
        if got != want:
            wrong.append(f"{url.name:60} {address}\n    want {want}\n    got  {got}")
    assert not wrong, f"{len(wrong)} of {len(urls)} admin URLs differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", ["reporter", "translator"])
def test_reporters_and_translators_cannot_publish_unpublish_or_delete_by_post(client, role, filing):
    from shpalta.newsroom.models import Article

    from ..newsroom.editor_forms import article_form, article_url

    person = _member(role, {"reporter": "Reporters", "translator": "Translators"}[role])
    sign_in(client, person)
    draft = make_article(headline="Чернетка", publish=False)
    live = make_article(headline="Опублікована")
    data = article_form(**filing, headline="Чернетка", story_number=str(draft.story_number))
    data["action-publish"] = "publish"
    client.post(article_url("edit", draft.pk), data)
    client.post(article_url("unpublish", live.pk))
    client.post(article_url("delete", live.pk))
    draft.refresh_from_db()
    live.refresh_from_db()
    assert not draft.live
    assert live.live and Article.objects.filter(pk=live.pk).exists()


def test_nobody_raises_their_own_role(client, newsroom):
    editor = _member("editor", "Editors")
    sign_in(client, editor)
    administrators = Group.objects.get_or_create(name="Administrators")[0]
    response = client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {
            "username": "editor",
            "email": "editor@example.org",
            "groups": [administrators.pk],
            "is_superuser": "on",
            "is_active": "on",
        },
    )
    assert response.status_code in (302, 403)
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
