"""Search latency on whatever archive the database holds (bench/RESULTS.md, "Search"):

    export SECRET_KEY=x SHPALTA_VAR_DIR=/tmp/s1          # or DATABASE_URL=postgres://…
    python manage.py generate_archive --articles 1000000  # fills the search index too
    python manage.py collectstatic --noinput -v0
    PAGE_CACHE=0 python bench/search_latency.py

The reader's search page (/search/?q=…, /rus/…, /eng/…), in-process through Django's test
client, one request at a time. Search pages are never kept by a cache, and each word is
asked once: no answer, fragment or result is reused, only what the database itself has
in memory. Per edition, words as written in the newest articles' headlines and leads:
"common" words (in one article in twenty or more of the sample) and the "least common"
ones of the sample (the generated archive repeats the demo's sentences, so its least
common words are still in about one article in a hundred; a truly rare word matches
fewer, which costs less), and "slip": the common words with two letters swapped, which
find nothing and so ask the index for the other editions and for near spellings (the
page that suggests one); "phrase": three of those slips in one query (each word tried for
a near spelling); "odd": what scanners and attackers type (ODD), whose many unknown
words have hundreds of near spellings. Prints p50, p95 and max per edition and kind.
"""

import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")

import django

django.setup()

from django.test import Client  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

from shpalta.editions.registry import EDITIONS  # noqa: E402
from shpalta.newsroom.models import Article  # noqa: E402
from shpalta.newsroom.search import words  # noqa: E402

WORDS = 40  # per edition and kind
ODD = [
    "'; DROP TABLE newsroom_article; --",
    "title:дрон",
    "NEAR(дрон київ)",
    "1 UNION SELECT username, password FROM auth_user",
    "<script>alert(document.cookie)</script>",
    "../../etc/passwd",
    "wp-login.php?action=register",
    "дрон OR київ OR харків OR одеса OR львів",
]
SAMPLE = 4000  # articles read per edition to find the words


def vocabulary(code: str) -> tuple[list[str], list[str]]:
    """Common and least common words, as written, of the edition's newest SAMPLE
    articles' headlines and leads (how often: in how many of them)."""
    texts = Article.objects.in_edition(code).order_by("-id").values_list("headline", "lead")
    seen = Counter()
    sample = 0
    for headline, lead in texts[:SAMPLE]:
        sample += 1
        seen.update({word for word in words(f"{headline} {lead}") if len(word) > 4})
    rng = random.Random(1)  # noqa: S311 (which words to ask, not a secret)
    common = [word for word, n in seen.items() if n >= sample / 20 and word.isalpha()]
    by_count = sorted((n, word) for word, n in seen.items() if word.isalpha())
    least = [word for _n, word in by_count[:WORDS]]
    return rng.sample(common, min(WORDS, len(common))), least


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    # The process's first search loads the dictionaries (once per worker): not timed.
    client.get("/search/", {"q": "початок"})
    print(f"{Article.objects.count():,} articles; {IndexEntry.objects.count():,} index entries")
    print("edition  kind    words  p50 ms  p95 ms  max ms")
    for edition in EDITIONS:
        prefix = "/" + edition.prefix
        common, rare = vocabulary(edition.code)
        slips = [word[:2] + word[3] + word[2] + word[4:] for word in common]
        phrases = [" ".join(slips[n : n + 3]) for n in range(0, len(slips) - 2, 3)]
        kinds = (("common", common), ("least", rare), ("slip", slips), ("phrase", phrases))
        for kind, asked in (*kinds, ("odd", ODD)):
            times, suggested = [], 0
            for word in asked:
                started = time.perf_counter()
                response = client.get(f"{prefix}search/", {"q": word})
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (word, response.status_code)
                if kind in ("common", "least"):
                    assert 'class="result-meta"' in response.content.decode(), word
                else:
                    suggested += 'class="respelled"' in response.content.decode()
            times.sort()
            p95 = times[max(0, round(len(times) * 0.95) - 1)]
            offered = f"  (a near spelling offered for {suggested})"
            print(
                f"{edition.code:8} {kind:7} {len(asked):5} {statistics.median(times):7.1f} "
                f"{p95:7.1f} {times[-1]:7.1f}" + (offered if kind in ("slip", "phrase") else "")
            )


if __name__ == "__main__":
    main()
