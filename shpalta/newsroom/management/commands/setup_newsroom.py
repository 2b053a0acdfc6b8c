"""Creates the editions' locales, the newsroom's roles and the approval workflow (idempotent)."""

from django.core.management.base import BaseCommand

from shpalta.newsroom.services import ensure_newsroom_roles


class Command(BaseCommand):
    help = (
        "Create the editions' locales, the Reporters/Translators/Editors groups and the workflow."
    )

    def handle(self, *args, **options):
        groups = ensure_newsroom_roles()
        self.stdout.write(f"Newsroom roles ready: {', '.join(groups)}.")
