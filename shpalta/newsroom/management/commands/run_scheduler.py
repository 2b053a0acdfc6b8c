"""Publishes and expires scheduled articles every few seconds, beside the web server, and
runs the other SCHEDULED_JOBS (dotted paths in settings) on the same beat."""

import logging
import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled in a loop, so scheduled stories go live on time."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval: float, once: bool, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        jobs = [import_string(path) for path in settings.SCHEDULED_JOBS]
        logger.info("Scheduler: publishing due articles every %.1f s", interval)
        while not stopping:
            try:
                call_command("publish_scheduled", verbosity=0)
            except DatabaseError:
                # A locked or restarting database must not stop scheduled publishing for good.
                logger.exception("Scheduler: publish_scheduled failed; trying again")
            for job in jobs:
                try:
                    job()
                except Exception:
                    logger.exception("Scheduler: %s failed; trying again", job.__name__)
            if once:
                break
            # A loop that runs for days must not keep a broken or stale connection.
            close_old_connections()
            deadline = time.monotonic() + interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
