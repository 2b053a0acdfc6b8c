"""Running a search on the index that Wagtail's database backend keeps (PostgreSQL
full-text, SQLite FTS5).

Wagtail's database backends rank by a subquery per matching row, which re-runs the
full-text match for each: a common word in a large archive takes seconds, growing with
the square of its matches (bench/RESULTS.md), and its SQLite rank weighs a headline's
words no more than the text's. `find` asks instead for the newest WINDOW matches whose
article the queryset holds (SQLite: one FTS5 query, newest entries first; PostgreSQL: one
of two ways, by how common the words are, `_postgresql_matches`), with a rank in which
the title column (headline, summary, lead) counts three times the body, and ranks those.
Other engines (Elasticsearch, OpenSearch) are asked through Wagtail as they are.
Wagtail's backend still fills the index and answers the newsroom's search-as-you-type.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
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


def _matches(queryset, query, window: int):
    """(article id, score) of the newest `window` + 1 matches whose article the queryset
    holds, whether a higher score is better, and whether more may exist than were found.
    The body column holds every lemma of an article (the title's too), so one full-text
    index answers the match; the rank weighs the title."""

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
        return rows.values_list("article_id", "score")[: window + 1], False, False
    rows, incomplete = _postgresql_matches(queryset, _tsquery(query), content_type, window)
    return rows, True, incomplete


# PostgreSQL (bench/RESULTS.md, "Search"). Its GIN index answers which entries hold a word
# but not which are newest, and reading an entry's lemmas costs a trip to TOAST. So a
# search takes one of two ways, by how common its words are among the newest SAMPLE
# articles the queryset holds. Common words: walk those articles newest first, testing
# each one's entry, until `window` + 1 match (at most MAX_WALK tested); but in a
# queryset smaller than the walk would test ((window + 1) / share: a small archive, a
# narrow filter), the index's way below (SMALL_BY_INDEX). Rarer ones (under COMMON of
# the sample): every entry the GIN index gives, the newest tested against the queryset
# (at most MAX_HELD). The walk's cost falls as a word's share grows, the index's rises
# with it; COMMON is near where they cross on a million articles. A word
# rare in the queryset but held by many other entries (a Ukrainian word searched in the
# Russian edition) has no cheap way: the walk then stops after SHORT_WALK articles, and
# the result says that more may exist.
SAMPLE = 500
COMMON = 0.1
SMALL_BY_INDEX = True
MAX_WALK = 20_000
MAX_HELD = 10_000
SHORT_WALK = 5_000


def _planner(cursor, **enabled: bool) -> None:
    """PostgreSQL, for the rest of the transaction: which scan and join kinds the planner
    may use (enable_seqscan and the like), so that a query takes the way it was written
    for rather than the one its guess of a word's frequency suggests."""
    # One statement for them all; set_config(…, true) is SET LOCAL.
    settings = ", ".join("set_config(%s, %s, true)" for _ in enabled)
    values = [(f"enable_{kind}", "on" if on else "off") for kind, on in enabled.items()]
    cursor.execute(f"SELECT {settings}", [value for pair in values for value in pair])


def _postgresql_matches(queryset, tsquery: str, content_type: int, window: int):
    """(article id, score) of the newest `window` + 1 matches, and whether more may exist
    than were found."""
    from wagtail.search.models import IndexEntry

    table = IndexEntry._meta.db_table
    try:
        articles, params = queryset.order_by("-pk").values("pk").query.sql_with_params()
    except EmptyResultSet:  # filters that hold nothing (an empty list of ids)
        return [], False
    walk = f"""
        SELECT newest.pk FROM ({articles} LIMIT %s) AS newest (pk)
        WHERE EXISTS (SELECT 1 FROM {table} AS entry WHERE entry.content_type_id = %s
            AND entry.object_id = newest.pk::text AND entry.body @@ to_tsquery('simple', %s))
        ORDER BY newest.pk DESC LIMIT %s
    """  # noqa: S608 (the queryset's own SQL, a table name; the rest are parameters)
    entries = f"FROM {table} WHERE content_type_id = %s AND body @@ to_tsquery('simple', %s)"

    def walked(articles: int, limit: int) -> list[int]:
        cursor.execute(walk, [*params, articles, content_type, tsquery, limit])
        return [row[0] for row in cursor.fetchall()]

    def more_than(articles: int) -> bool:
        return queryset.order_by()[: articles + 1].count() > articles

    with transaction.atomic(), connection.cursor() as cursor:
        # Each way as written: the planner's guess of how many entries hold a word is poor
        # for all but the most common (it took a sequential scan of the articles, 0.7 s,
        # for a word in one English article in six).
        _planner(cursor, seqscan=False, hashjoin=False, mergejoin=False, bitmapscan=False)

        def by_index() -> tuple[list[int], bool]:
            _planner(cursor, bitmapscan=True, indexscan=False)
            cursor.execute(
                f"SELECT object_id::integer AS pk {entries} ORDER BY pk DESC LIMIT %s",
                [content_type, tsquery, MAX_HELD + 1],
            )
            found = [row[0] for row in cursor.fetchall()]
            ids = _held(queryset, found[:MAX_HELD], window)
            return ids, len(ids) <= window and len(found) > MAX_HELD

        ids, incomplete = walked(SAMPLE, SAMPLE), False
        if len(ids) > window:
            ids = ids[: window + 1]
        elif len(ids) >= COMMON * SAMPLE:
            # The walk tests about (window + 1) / share articles: a queryset of fewer
            # (a small archive, a narrow filter) it would test whole, where the index
            # gives only the entries that hold the words (10,000 articles: 3,300 tested,
            # 130 ms, for a word a few hundred entries hold).
            to_test = (window + 1) * SAMPLE // max(len(ids), 1)
            if SMALL_BY_INDEX and to_test < MAX_WALK and not more_than(to_test):
                ids, incomplete = by_index()
            else:
                ids = walked(MAX_WALK, window + 1)
                incomplete = len(ids) <= window and more_than(MAX_WALK)
        elif more_than(SAMPLE):  # else the sample was the whole queryset
            # How many entries hold the words: the planner's estimate (its statistics
            # count the common words well, and only those make this way dear).
            cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 {entries}", [content_type, tsquery])
            if cursor.fetchone()[0][0]["Plan"]["Plan Rows"] <= MAX_HELD:
                ids, incomplete = by_index()
            else:
                ids = walked(SHORT_WALK, window + 1)
                incomplete = len(ids) <= window and more_than(SHORT_WALK)
        cursor.execute(
            f"SELECT object_id::integer, ts_rank(title, query) * {TITLE_WEIGHT}"  # noqa: S608
            f" + ts_rank(body, query) FROM {table}, to_tsquery('simple', %s) AS query"
            " WHERE content_type_id = %s AND object_id = ANY(%s)",
            [tsquery, content_type, [str(pk) for pk in ids]],
        )
        scores = dict(cursor.fetchall())
    return [(pk, scores.get(pk, 0.0)) for pk in ids], incomplete


def _held(queryset, ids: list[int], window: int, chunk: int = 2000) -> list[int]:
    """The first `window` + 1 of `ids` (newest first) that the queryset holds, asked a
    chunk at a time by primary key."""
    held = []
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        found = set(queryset.filter(pk__in=part).values_list("pk", flat=True))
        held += [pk for pk in part if pk in found]
        if len(held) > window:
            break
    return held[: window + 1]


def indexed(lemmas: set[str]) -> set[str]:
    """Which of these lemmas the index holds (in any document), for suggesting a near
    spelling: one statement that probes the full-text index once per lemma, however many
    (a word the index lacks costs a look-up in its dictionary of words; a query statement
    per lemma was hundreds of round trips for one odd query). Other engines: none known."""
    if not lemmas or not _runs_on_the_database(get_search_backend()):
        return set()
    asked = sorted(lemmas)
    if connection.vendor == "sqlite":
        from wagtail.search.models import SQLiteFTSIndexEntry

        table = SQLiteFTSIndexEntry._meta.db_table
        # FTS5 takes the outer row's expression as its MATCH: one index probe a lemma.
        statement = (
            "SELECT asked.key FROM json_each(%s) AS asked WHERE EXISTS "  # noqa: S608
            f"(SELECT 1 FROM {table} WHERE {table} MATCH asked.value)"
        )
        probes = json.dumps([f'{{body}} : "{lemma}"' for lemma in asked])
    else:
        from wagtail.search.models import IndexEntry

        table = IndexEntry._meta.db_table
        statement = (
            "SELECT asked.n - 1 FROM unnest(%s::text[]) WITH ORDINALITY AS asked(probe, n) "  # noqa: S608
            f"WHERE EXISTS (SELECT 1 FROM {table} "
            "WHERE body @@ to_tsquery('simple', asked.probe))"
        )
        probes = [f"'{lemma}'" for lemma in asked]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # From the word's entry in the GIN index, never by reading the table: a word the
            # index lacks is guessed to be in a few rows, and PostgreSQL would read every
            # row's text, in order or not, in the hope of finding one early (30 s at
            # 20,000 articles, 13 s at a million).
            _planner(cursor, seqscan=False, indexscan=False)
        cursor.execute(statement, [probes])
        return {asked[n] for (n,) in cursor.fetchall()}


def _runs_on_the_database(backend) -> bool:
    return connection.vendor in ("sqlite", "postgresql") and type(backend).__module__.startswith(
        ("modelsearch.backends.database", "wagtail.search.backends.database")
    )


def find(queryset, query, *, by_relevance: bool = True, fetch=None, window=WINDOW) -> Found:
    """The articles of `queryset` that `query` (search.Query) finds: by relevance (the
    title's words weigh most; the newer first among equals), or in the queryset's order.
    `fetch`: what to load the found articles with (default: the model's manager);
    `window`: how many of the newest matches to rank (1: whether it finds any)."""
    fetch = queryset.model._default_manager.all() if fetch is None else fetch
    backend = get_search_backend()
    if not _runs_on_the_database(backend):
        # Another engine (Elasticsearch, OpenSearch): its own ranking.
        results = backend.search(query.search_query(), queryset, order_by_relevance=by_relevance)
        ids = [article.pk for article in results[: window + 1]]
        return Found(fetch, ids[:window], capped=len(ids) > window)
    rows, higher_is_better, incomplete = _matches(queryset, query, window)
    rows = list(rows)
    capped, rows = len(rows) > window or incomplete, rows[:window]
    if by_relevance:
        sign = -1 if higher_is_better else 1
        ids = [pk for pk, _score in sorted(rows, key=lambda row: (sign * row[1], -row[0]))]
    else:
        # In the queryset's order, read by primary key: the match kept its filters already.
        ordered = queryset.model._default_manager.order_by(*queryset.query.order_by)
        ids = list(ordered.filter(pk__in=[pk for pk, _ in rows]).values_list("pk", flat=True))
    return Found(fetch, ids, capped)
