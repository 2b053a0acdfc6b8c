"""The newsroom's groups hold exactly the rights their roles need: nothing that Wagtail's
default "Editors" group carried (pages, documents) survives `setup_newsroom`."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission
from wagtail.models.media import GroupCollectionPermission

from shpalta.newsroom.services import IMAGE_PERMISSIONS, ROLE_PERMISSIONS

pytestmark = pytest.mark.django_db


def rights_of(group: Group) -> dict[str, set[str]]:
    return {
        "model": {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        },
        "collection": {
            f"{g.permission.content_type.app_label}.{g.permission.codename}"
            for g in GroupCollectionPermission.objects.filter(group=group).select_related(
                "permission__content_type"
            )
        },
        "page": {g.permission.codename for g in GroupPagePermission.objects.filter(group=group)},
    }


def test_wagtails_default_editors_group_keeps_no_rights_over_pages_or_documents():
    editors = Group.objects.get(name="Editors")  # made by Wagtail's own migrations
    before = rights_of(editors)
    assert before["page"] and any(r.startswith("wagtaildocs.") for r in before["collection"])

    call_command("setup_newsroom")
    call_command("setup_newsroom")  # and again: the same rights, nothing doubled

    for name, permissions in ROLE_PERMISSIONS.items():
        rights = rights_of(Group.objects.get(name=name))
        assert rights["model"] == set(permissions), name
        assert rights["collection"] == {f"wagtailimages.{c}" for c in IMAGE_PERMISSIONS[name]}
        assert rights["page"] == set(), name
    assert GroupCollectionPermission.objects.filter(group=editors).count() == len(
        IMAGE_PERMISSIONS["Editors"]
    )


def test_a_right_given_by_hand_to_a_newsroom_group_is_taken_back(newsroom):
    """setup_newsroom restores each role's rights: run after an administrator widened one
    by mistake, it narrows it again."""
    from django.contrib.auth.models import Permission

    reporters = Group.objects.get(name="Reporters")
    reporters.permissions.add(Permission.objects.get(codename="publish_article"))
    call_command("setup_newsroom")
    assert "newsroom.publish_article" not in rights_of(reporters)["model"]
