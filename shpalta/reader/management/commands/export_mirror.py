from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from shpalta.reader.mirror import Mirror, MirrorError


class Command(BaseCommand):
    help = (
        "Write a static copy of the reader site of the last N days, in all three editions, "
        "into DIR, for BASE_URL (a second domain, object storage, an onion service). A "
        "second run into the same directory rewrites only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="the mirror's directory")
        parser.add_argument(
            "--base-url", required=True, help="where the mirror is served: https://…"
        )
        parser.add_argument("--days", type=int, default=30, help="the last N days (30)")
        parser.add_argument("--workers", type=int, default=2, help="processes that render")

    def handle(self, *args, out: Path, base_url: str, days: int, workers: int, **options):
        try:
            mirror = Mirror(out, base_url, days=days, workers=max(1, workers))
            report = mirror.run(log=lambda line: self.stdout.write(line))
        except MirrorError as problem:
            raise CommandError(str(problem)) from None
        kind = "brought up to date" if report.incremental else "written"
        self.stdout.write(
            self.style.SUCCESS(
                f"Mirror {kind} in {report.seconds:.1f} s: {report.rendered:,} pages rendered "
                f"({report.written:,} files written, {report.unchanged:,} unchanged, "
                f"{report.deleted:,} deleted), {report.kept:,} kept as they were, "
                f"{report.assets:,} static files and images copied."
            )
        )
        if report.failed:
            for failure in report.failed[:20]:
                self.stderr.write(f"  broken: {failure}")
            raise CommandError(f"{len(report.failed)} linked pages could not be made.")
