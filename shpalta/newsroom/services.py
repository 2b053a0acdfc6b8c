"""Writes of the newsroom that are not Wagtail's own: story numbers, translations, roles."""

import logging
import uuid

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)
from wagtail.models.media import GroupCollectionPermission

from shpalta.editions.registry import EDITIONS, Edition

from .models import Article, FrontPage, StoryNumber

logger = logging.getLogger(__name__)


class StoryAlreadyTranslatedError(ValueError):
    pass


def allocate_story_number() -> int:
    return StoryNumber.objects.create().pk


def ensure_locales() -> None:
    for edition in EDITIONS:
        Locale.objects.get_or_create(language_code=edition.code)


def ensure_front_pages() -> None:
    """One front page per edition, all translations of each other."""
    existing = FrontPage.objects.first()
    key = existing.translation_key if existing else uuid.uuid4()
    for edition in EDITIONS:
        FrontPage.objects.get_or_create(
            locale=Locale.objects.get(language_code=edition.code), defaults={"translation_key": key}
        )


def article_translate(*, article: Article, edition: Edition, user=None) -> Article:
    """A draft copy of the article in another edition, sharing its story number and
    translation key; from then on it has its own author, time and revisions."""
    locale = Locale.objects.get(language_code=edition.code)
    if article.get_translations(inclusive=True).filter(locale=locale).exists():
        raise StoryAlreadyTranslatedError(
            f"Story {article.story_number} already has a {edition.name} edition; edit that one."
        )
    with transaction.atomic():
        translation = article.copy_for_translation(locale)
        translation.save()
        translation.save_revision(user=user, log_action=True)
    return translation


# Who may do what in the newsroom. Reporters write and submit; editors publish and keep
# the taxonomy; translators make and edit the other editions.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    "Reporters": [
        "wagtailadmin.access_admin",
        "newsroom.add_article",
        "newsroom.change_article",
        "newsroom.lock_article",
        "newsroom.view_author",
        "newsroom.view_section",
        "newsroom.add_tag",
        "newsroom.view_tag",
        "newsroom.view_label",
    ],
    "Translators": [
        "wagtailadmin.access_admin",
        "newsroom.add_article",
        "newsroom.change_article",
        "newsroom.view_author",
        "newsroom.view_section",
        "newsroom.view_tag",
        "newsroom.view_label",
        "simple_translation.submit_translation",
    ],
    "Editors": [
        "wagtailadmin.access_admin",
        "newsroom.add_article",
        "newsroom.change_article",
        "newsroom.delete_article",
        "newsroom.publish_article",
        "newsroom.lock_article",
        "newsroom.unlock_article",
        "newsroom.change_frontpage",
        "newsroom.view_frontpage",
        *(f"newsroom.{action}_infopage" for action in ("add", "change", "view")),
        *(
            f"newsroom.{action}_{model}"
            for model in ("author", "section", "tag", "label")
            for action in ("add", "change", "delete", "view")
        ),
        "simple_translation.submit_translation",
    ],
    # Third-party ad code runs on every page, so placing ads is a role of its own.
    # (Duty editors, below: editors who may also take down many articles at once and
    # freeze an account.)
    "Ad managers": [
        "wagtailadmin.access_admin",
        *(f"ads.{action}_adslot" for action in ("add", "change", "delete", "view")),
    ],
}
# Live blogs: reporters and editors add, change and delete updates (editors alone pin
# key points: LiveEntryForm).
for _role in ("Reporters", "Editors"):
    ROLE_PERMISSIONS[_role] += [
        f"newsroom.{action}_liveentry" for action in ("add", "change", "delete", "view")
    ]
# Newsletter subscribers (personal data) and issues: editors read them and delete a
# subscriber on request.
ROLE_PERMISSIONS["Editors"] += [
    "channels.view_subscriber",
    "channels.delete_subscriber",
    "channels.view_mailing",
]
ROLE_PERMISSIONS["Duty editors"] = [
    *ROLE_PERMISSIONS["Editors"],
    "newsroom.add_takedown",
    "newsroom.view_takedown",
    "newsroom.freeze_account",
]
IMAGE_PERMISSIONS = {
    "Reporters": ["add_image", "choose_image"],
    "Translators": ["choose_image"],
    "Editors": ["add_image", "change_image", "choose_image"],
    "Duty editors": ["add_image", "change_image", "choose_image"],
    "Ad managers": ["add_image", "choose_image"],
}
APPROVAL_WORKFLOW = "Editor approval"


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_newsroom_roles() -> dict[str, Group]:
    """Create (or complete) the newsroom's groups, the approval workflow for articles and
    the editions' front pages."""
    ensure_locales()
    ensure_front_pages()
    groups = {}
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for name, permissions in ROLE_PERMISSIONS.items():
        # Exactly these rights: Wagtail's own "Editors" group, which this one becomes,
        # comes with rights over pages and documents that no newsroom role needs.
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(dotted) for dotted in permissions])
        GroupPagePermission.objects.filter(group=group).delete()
        images = Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS[name]
        )
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root, permission__in=images
        ).delete()
        for permission in images:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
        groups[name] = group

    workflow, _created = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name="Editor review")
        task.groups.set([groups["Editors"]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for workflow_task in WorkflowTask.objects.filter(workflow=workflow):
        task = workflow_task.task.specific
        if isinstance(task, GroupApprovalTask):
            task.groups.add(groups["Duty editors"])  # they edit and approve as editors do
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Article), defaults={"workflow": workflow}
    )
    return groups
