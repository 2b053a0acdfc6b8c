"""manage.py generate_archive --articles 1000000: a synthetic archive for measuring."""

from django.core.management.base import BaseCommand, CommandError

from ...archive import generate_archive


class Command(BaseCommand):
    help = (
        "Add a synthetic archive of N articles over the last YEARS years in three editions "
        "(for benchmarks; not for a real newspaper's database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument(
            "--days", type=int, default=0, help="over the last DAYS days instead of YEARS"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="Do not fill the search index (measurements that do not search).",
        )

    def handle(
        self,
        *args,
        articles: int,
        years: int,
        days: int,
        seed: int,
        verbosity: int,
        no_search_index: bool,
        **options,
    ):
        if articles < 1 or years < 1 or days < 0:
            raise CommandError("--articles and --years must be at least 1, --days at least 0.")

        def progress(done: int):
            if verbosity > 1 or done % 100_000 < 5000:
                self.stdout.write(f"  {done:,} articles")

        summary = generate_archive(
            articles=articles,
            years=years,
            days=days,
            seed=seed,
            progress=progress,
            search_index=not no_search_index,
        )
        rate = summary.articles / summary.seconds
        self.stdout.write(
            self.style.SUCCESS(
                f"Archive written: {summary.articles:,} articles ({summary.stories:,} stories; "
                f"{summary.by_edition}) in {summary.seconds:.0f} s, {rate:,.0f} a second."
            )
        )
