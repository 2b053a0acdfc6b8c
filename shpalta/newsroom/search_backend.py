"""Running a search on the index that Wagtail's database backend keeps (PostgreSQL
full-text, SQLite FTS5).

Wagtail's database backends rank by a subquery per matching row, which re-runs the
full-text match for each: a common word in a large archive takes seconds, growing with
the square of its matches (bench/RESULTS.md), and its SQLite rank weighs a headline's
words no more than the text's. `find` asks the index once instead, for the newest WINDOW
matches whose article the queryset holds, with a rank in which the title column
(headline, summary, lead) counts three times the body, and ranks those. Other engines
(Elasticsearch, OpenSearch) are asked through Wagtail as they are. Wagtail's backend
still fills the index and answers the newsroom's search-as-you-type.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Exists, IntegerField, OuterRef
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend

TITLE_WEIGHT = 3.0


# What a search reads and ranks: the newest matches of the index, at most this many. A
# common word in a million articles matches hundreds of thousands; ranking them all
# would take a worker seconds, and nobody pages past the first thousand.
WINDOW = 1000


@dataclass
class Found:
    """The articles a query found, ranked: the newest WINDOW matches (more exist when
    `capped`). Counted, sliced and iterated like search results; a slice is loaded from
    `fetch` by primary key (not through the filters again: SQLite's planner would walk an
    edition's index for them)."""

    fetch: object
    ids: list[int]
    capped: bool = False

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        ids = self.ids[index]
        articles = self.fetch.in_bulk(ids)
        return [articles[pk] for pk in ids if pk in articles]

    def __iter__(self):
        return iter(self[:])


def _fts_match(query) -> str:
    """An FTS5 query: each word any of its lemmas, every word, and the phrases. Lemmas are
    letters and digits only (search.words), quoted all the same."""
    parts = ["(" + " OR ".join(f'"{lemma}"' for lemma in term) + ")" for term in query.terms]
    parts += ['"' + " ".join(phrase) + '"' for phrase in query.phrases]
    # Both columns, so that bm25() counts the title's hits too; the body alone decides
    # (it holds every lemma).
    return "{body title} : (" + " AND ".join(parts) + ")"


def _tsquery(query) -> str:
    parts = ["(" + " | ".join(f"'{lemma}'" for lemma in term) + ")" for term in query.terms]
    parts += [
        "(" + " <-> ".join(f"'{lemma}'" for lemma in phrase) + ")" for phrase in query.phrases
    ]
    return " & ".join(parts)


def _matches(queryset, query):
    """(article id, score) of the newest WINDOW + 1 index entries that match and whose
    article the queryset holds (tested per entry, by primary key), and whether a higher
    score is better. The body column holds every lemma of an article (the title's too),
    so one full-text index answers the match; the rank weighs the title."""
    from wagtail.search.models import IndexEntry

    content_type = ContentType.objects.get_for_model(queryset.model).pk
    allowed = Exists(queryset.order_by().filter(pk=OuterRef("article_id")))
    # Raw SQL below: constant fragments (table names, weights); the query is a parameter.
    if connection.vendor == "sqlite":
        from wagtail.search.models import SQLiteFTSIndexEntry

        table = SQLiteFTSIndexEntry._meta.db_table
        rows = (
            SQLiteFTSIndexEntry.objects.extra(  # noqa: S610
                where=[f"{table} MATCH %s"], params=[_fts_match(query)]
            )
            .filter(index_entry__content_type_id=content_type)
            .annotate(article_id=Cast("index_entry__object_id", IntegerField()))
            .filter(allowed)
            .annotate(score=RawSQL(f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", ()))  # noqa: S611
            .order_by("-index_entry_id")
        )
        return rows.values_list("article_id", "score")[: WINDOW + 1], False
    tsquery = _tsquery(query)
    rows = (
        IndexEntry.objects.filter(content_type_id=content_type)
        .extra(where=["body @@ to_tsquery('simple', %s)"], params=[tsquery])
        .annotate(article_id=Cast("object_id", IntegerField()))
        .filter(allowed)
        .annotate(
            score=RawSQL(  # noqa: S611
                f"ts_rank(title, to_tsquery('simple', %s)) * {TITLE_WEIGHT} "
                "+ ts_rank(body, to_tsquery('simple', %s))",
                (tsquery, tsquery),
            )
        )
        .order_by("-id")
    )
    return rows.values_list("article_id", "score")[: WINDOW + 1], True


def indexed(lemmas: set[str]) -> set[str]:
    """Which of these lemmas the index holds (in any document), for suggesting a near
    spelling: one probe of the full-text index per lemma (a word the index lacks costs a
    look-up in its dictionary of words). Other engines: none known."""
    if not lemmas or not _runs_on_the_database(get_search_backend()):
        return set()
    if connection.vendor == "sqlite":
        from wagtail.search.models import SQLiteFTSIndexEntry

        table = SQLiteFTSIndexEntry._meta.db_table
        probe = f"SELECT 1 FROM {table} WHERE {table} MATCH %s LIMIT 1"  # noqa: S608
        query = '{{body}} : "{}"'
    else:
        from wagtail.search.models import IndexEntry

        table = IndexEntry._meta.db_table
        probe = f"SELECT 1 FROM {table} WHERE body @@ to_tsquery('simple', %s) LIMIT 1"  # noqa: S608
        query = "'{}'"
    held = set()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # From the word's entry in the GIN index, never by reading the table: a word the
            # index lacks is guessed to be in a few rows, and PostgreSQL would read every
            # row's text in the hope of finding one early (seconds at 20,000 articles).
            cursor.execute("SET LOCAL enable_seqscan = off")
        for lemma in sorted(lemmas):
            cursor.execute(probe, [query.format(lemma)])
            if cursor.fetchone():
                held.add(lemma)
    return held


def _runs_on_the_database(backend) -> bool:
    return connection.vendor in ("sqlite", "postgresql") and type(backend).__module__.startswith(
        ("modelsearch.backends.database", "wagtail.search.backends.database")
    )


def find(queryset, query, *, by_relevance: bool = True, fetch=None) -> Found:
    """The articles of `queryset` that `query` (search.Query) finds: by relevance (the
    title's words weigh most; the newer first among equals), or in the queryset's order.
    `fetch`: what to load the found articles with (default: the model's manager)."""
    fetch = queryset.model._default_manager.all() if fetch is None else fetch
    backend = get_search_backend()
    if not _runs_on_the_database(backend):
        # Another engine (Elasticsearch, OpenSearch): its own ranking.
        results = backend.search(query.search_query(), queryset, order_by_relevance=by_relevance)
        ids = [article.pk for article in results[: WINDOW + 1]]
        return Found(fetch, ids[:WINDOW], capped=len(ids) > WINDOW)
    rows, higher_is_better = _matches(queryset, query)
    rows = list(rows)
    capped, rows = len(rows) > WINDOW, rows[:WINDOW]
    if by_relevance:
        sign = -1 if higher_is_better else 1
        ids = [pk for pk, _score in sorted(rows, key=lambda row: (sign * row[1], -row[0]))]
    else:
        # In the queryset's order, read by primary key: the match kept its filters already.
        ordered = queryset.model._default_manager.order_by(*queryset.query.order_by)
        ids = list(ordered.filter(pk__in=[pk for pk, _ in rows]).values_list("pk", flat=True))
    return Found(fetch, ids, capped)
