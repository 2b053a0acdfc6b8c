"""What reader.addresses' own URL matcher saves over Django's resolve() on the fast path's
question "can a reader page be at this address?", asked for every request the page cache
does not hold (a flood of made-up addresses asks it for each). Both answer the same
(tests/reader/test_addresses.py checks every route); this measures the price of each.

    SECRET_KEY=x python bench/address_matcher.py

Prints microseconds a call, the best of five rounds of 20,000, and resolve()'s ratio
to the matcher. Nothing is kept between calls but what Django's resolver keeps itself
(its compiled patterns, the same for both).
"""

import os
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")

import django

django.setup()

from django.urls import Resolver404, resolve  # noqa: E402
from django.utils import translation  # noqa: E402

from shpalta.editions.registry import edition_for_path  # noqa: E402
from shpalta.reader.addresses import _page  # noqa: E402

PATHS = [
    ("made-up path", "/eng/x802714887/news/"),
    ("no page at all", "/eng/no/such/page/"),
    ("tag page", "/eng/tags/no-such-tag/"),
    ("day page", "/eng/news/2024/12/12/"),
    ("article", "/eng/news/2024/12/12/7327802/"),
    ("feed", "/rus/authors/someone/rss/"),
]
ROUNDS, CALLS = 5, 20_000


def by_resolve(path: str, edition):
    """The same answer as _page(), from Django's resolver."""
    with translation.override(edition.code):
        try:
            match = resolve(path)
        except Resolver404:
            if path.endswith("/"):
                return ""
            try:
                resolve(path + "/")
            except Resolver404:
                return ""
            return None
    return (match.url_name, match.kwargs) if match.namespace == "reader" else None


def best(call) -> float:
    return min(timeit.repeat(call, number=CALLS, repeat=ROUNDS)) / CALLS * 1e6


print(f"{'address':16} {'path':34} {'matcher µs':>10} {'resolve() µs':>12} {'ratio':>6}")
for name, path in PATHS:
    edition = edition_for_path(path)
    if _page(path, edition) != by_resolve(path, edition):
        raise SystemExit(f"the two disagree on {path}")
    ours = best(lambda path=path, edition=edition: _page(path, edition))
    django_s = best(lambda path=path, edition=edition: by_resolve(path, edition))
    print(f"{name:16} {path:34} {ours:10.2f} {django_s:12.2f} {django_s / ours:5.1f}×")
