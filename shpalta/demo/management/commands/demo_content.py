"""Writes the demo newspaper into an empty database and sets up the demo logins."""

import os
import secrets
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from shpalta.demo.content import DemoContentExistsError, ensure_demo_accounts, write_demo_content


class Command(BaseCommand):
    help = "Write demo content (only into an empty database) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", ""),
            help="Password of the demo accounts (default: $DEMO_PASSWORD, else a new random one).",
        )

    def handle(self, *args, seed: int, password: str, **options):
        started = time.monotonic()
        try:
            summary = write_demo_content(seed=seed)
        except DemoContentExistsError as error:
            self.stdout.write(str(error))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content written in {time.monotonic() - started:.1f} s: "
                    f"{summary.stories} stories, articles by edition {summary.articles}, "
                    f"{summary.authors} authors, {summary.tags} tags, {summary.images} images."
                )
            )
        password = password or secrets.token_urlsafe(9)
        usernames = ensure_demo_accounts(password=password)
        self.stdout.write(
            self.style.SUCCESS(f"Newsroom logins ({settings.WAGTAILADMIN_BASE_URL}/admin/): ")
            + ", ".join(usernames)
            + f" — password: {password}"
        )
        self.stdout.write(
            "Two-factor code of a login (changes every 30 s): "
            "bin/demo-code editor (or reporter, translator, duty)"
        )
