"""Wagtail's database search backend (PostgreSQL full-text, SQLite FTS5), with the title
weighing more on SQLite as it does on PostgreSQL: Wagtail ranks an FTS5 row with
bm25() over all its columns alike, so a word in a headline counted no more than the same
word deep in the text. Here the title column (an article's headline and lead) counts
three times the body, as the field's boost says on PostgreSQL."""

from functools import cache

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import Not, Phrase, PlainText

TITLE_WEIGHT = 3.0


@cache
def _weighted_sqlite_backend():
    # Imported here: Wagtail's SQLite backend needs the FTS5 table, which only an SQLite
    # database has.
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class WeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            # The FTS5 table's columns: autocomplete, body, title (Wagtail's migration).
            table = SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []

    class WeightedQueryCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (Phrase, PlainText, Not)):
                return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
            return super().build_tsrank(vector, query, config=config, boost=boost)

        def get_index_vectors(self):
            # One rank of the whole row (its columns weighted), not one per column.
            return [(None, 1.0)]

    class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = WeightedQueryCompiler

    return SQLiteSearchBackend, WeightedSQLiteSearchBackend


def SearchBackend(params):
    backend = database_backend(params)
    if connection.vendor == "sqlite":
        plain, weighted = _weighted_sqlite_backend()
        if isinstance(backend, plain):
            return weighted(params)
    return backend
