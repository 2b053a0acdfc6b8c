"""A synthetic archive for measuring the site at scale: N articles over twenty years in
three editions, with realistic sizes, tags, authors, labels and images.

Written as rows in batches (no revisions, no reference indexing, no model instance,
each shared column prepared once; on PostgreSQL by COPY, with the tables' foreign keys
and plain indexes made again after the load), so that a million articles take minutes,
not days (bench/RESULTS.md). The search index is filled batch by batch through the
search backend, with each sentence's lemmas made once (`search_index=False` skips it).
The words come from the demo's own texts.
Every story is in Ukrainian; about two in three also in Russian and two in five in
English, as in the demo. Story numbers continue after the newsroom's counter, and the
counter is moved past them, so that new stories never collide with the archive.
"""

import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from shpalta.editions.dates import kyiv_time
from shpalta.editions.registry import EDITIONS, Edition
from shpalta.newsroom import search
from shpalta.newsroom.models import (
    Article,
    ArticleAuthor,
    ArticleTag,
    Author,
    Kind,
    Label,
    NewsImage,
    Section,
    Tag,
    recount_days,
)
from shpalta.newsroom.models.article import StoryNumber
from shpalta.newsroom.renditions import make_reader_renditions
from shpalta.newsroom.services import ensure_newsroom_roles

from . import texts
from .content import fill, picture

EDITION_SHARE = {"uk": 1.0, "ru": 0.65, "en": 0.4}
SYNTHETIC_TAGS = 3000
SYNTHETIC_AUTHORS = 200
IMAGES = 24
KINDS = [Kind.NEWS] * 17 + [Kind.ARTICLE, Kind.COLUMN, Kind.INTERVIEW]


class _SearchDocuments:
    """What the search index holds of the archive's articles, made from the sentences
    they were written from: each sentence is reduced to lemmas once (the archive repeats
    the demo's sentences), not each article's text again. Written a batch at a time:
    through the search backend, or on PostgreSQL's own database backend by one INSERT a
    batch that makes the same entries (`_write_postgresql`)."""

    def __init__(self):
        self.lemmas: dict[tuple[str, str], str] = {}
        self.pending: list[tuple[int, Edition, str, str, str]] = []
        self.backend = get_search_backend()

    def _of(self, text: str, code: str) -> str:
        key = (text, code)
        if key not in self.lemmas:
            self.lemmas[key] = search.document(text, code)
        return self.lemmas[key]

    def add(self, pk: int, edition: Edition, headline: str, lead: str, body: list[str]):
        """Queue an article's entry: its title (headline and lead) and body lemmas (every
        lemma, the title's too: Article.body_lemmas)."""
        title = f"{self._of(headline, edition.code)} {self._of(lead, edition.code)}"
        text = " ".join([title, *(self._of(line, edition.code) for line in body)])
        self.pending.append((pk, edition, headline, title.strip(), text.strip()))

    def write(self) -> None:
        if not self.pending:
            return
        if type(self.backend).__module__ == "modelsearch.backends.database.postgres.postgres":
            self._write_postgresql()
        else:
            self.backend.add_bulk(Article, [self._article(*entry) for entry in self.pending])
        self.pending.clear()

    @staticmethod
    def _article(pk: int, edition: Edition, headline: str, title: str, text: str) -> Article:
        """An unsaved Article as the backend indexes it: its title and body lemmas given,
        its edition known (no query, no StreamField to read)."""
        article = Article(pk=pk, headline=headline)
        article.__dict__["edition"] = edition
        article.title = lambda: title
        article.body_lemmas = lambda: text
        return article

    def _write_postgresql(self) -> None:
        """The entries Wagtail's PostgreSQL backend writes (`PostgresIndex.add_items`), the
        tsvectors made by the database from arrays of texts. The backend builds and
        compiles a query expression per field and article (two thirds of a million
        articles' indexing time) and, after each batch, averages the title length of the
        whole table for `title_norm` (a scan that grows with the archive); here the
        batch's own average stands for the table's. tests/demo/test_archive.py checks
        the entries against the backend's."""
        from modelsearch.backends.database.postgres.weights import get_weight

        fields = {field.field_name: field for field in Article.get_search_fields()}
        columns = {
            "id": [str(pk) for pk, *_ in self.pending],
            "title": [title for *_, title, _ in self.pending],
            "body": [text for *_, text in self.pending],
            "headline": [headline for _, _, headline, *_ in self.pending],
        }
        config = "COALESCE(%s, current_setting('default_text_search_config'))::regconfig"
        with connection.cursor() as cursor:
            # Constant fragments only (the table, weights from the model's fields).
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                SELECT %s, id, title_vector, autocomplete_vector, body_vector,
                    COALESCE(avg(NULLIF(length(title_vector), 0)) OVER ()
                        / NULLIF(length(title_vector), 0), 1.0),
                    title, body
                FROM (
                    SELECT id, title, body,
                        setweight(to_tsvector({config}, title), %s) AS title_vector,
                        setweight(to_tsvector('simple'::regconfig, headline), 'D')
                            AS autocomplete_vector,
                        setweight(to_tsvector({config}, body), %s) AS body_vector
                    FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[])
                        AS entry(id, title, body, headline)
                ) AS entries
                """,  # noqa: S608
                [
                    ContentType.objects.get_for_model(Article).pk,
                    self.backend.config,
                    get_weight(fields["title"].boost),
                    self.backend.config,
                    get_weight(fields["body_lemmas"].boost),
                    *columns.values(),
                ],
            )


@dataclass
class ArchiveSummary:
    articles: int
    stories: int
    seconds: float
    by_edition: dict[str, int]


def _lines(code: str) -> list[str]:
    """Every sentence of the demo's news in one language, for bodies of any length."""
    lines = []
    for frame_number, frame in enumerate(texts.NEWS):
        city = texts.CITIES[frame_number % len(texts.CITIES)]
        words = frame[code]
        lines += [fill(words["lead"], city, 7, code), *fill(words["details"], city, 7, code)]
    return lines


class _Taxonomy:
    """Sections, tags, authors, labels and a pool of pictures; made once, then reused."""

    def __init__(self, rng: random.Random):
        for slug, names in texts.SECTIONS.items():
            Section.objects.get_or_create(
                slug=slug, defaults=dict(zip(("name_uk", "name_ru", "name_en"), names, strict=True))
            )
        for slug, names in texts.LABELS.items():
            Label.objects.get_or_create(
                slug=slug, defaults=dict(zip(("name_uk", "name_ru", "name_en"), names, strict=True))
            )
        existing = set(Tag.objects.values_list("slug_uk", flat=True))
        Tag.objects.bulk_create(
            [
                Tag(
                    slug_uk=f"tema-{n}",
                    slug_ru=f"tema-ru-{n}",
                    slug_en=f"topic-{n}",
                    name_uk=f"тема {n}",
                    name_ru=f"тема {n}",
                    name_en=f"topic {n}",
                )
                for n in range(1, SYNTHETIC_TAGS + 1)
                if f"tema-{n}" not in existing
            ]
        )
        existing = set(Author.objects.values_list("slug", flat=True))
        Author.objects.bulk_create(
            [
                Author(
                    slug=f"archive-author-{n}",
                    name_uk=f"Авторка архіву {n}",
                    name_ru=f"Автор архива {n}",
                    name_en=f"Archive author {n}",
                )
                for n in range(1, SYNTHETIC_AUTHORS + 1)
                if f"archive-author-{n}" not in existing
            ]
        )
        images = list(NewsImage.objects.filter(title__startswith="Archive picture"))
        for n in range(len(images), IMAGES):
            images.append(
                NewsImage.objects.create(
                    title=f"Archive picture {n}",
                    file=picture(rng, (1600, 900), f"Archive {n}"),
                    credit="Shpalta archive",
                )
            )
        for image in images:  # as Publish makes them for a story's main image
            make_reader_renditions(image, [])
        self.images = [image.pk for image in images]
        self.sections = list(Section.objects.values_list("pk", flat=True))
        self.labels = list(Label.objects.values_list("pk", flat=True))
        # A few tags carry most stories, as on a real site ("war", a city, a country).
        tags = list(Tag.objects.order_by("pk").values_list("pk", flat=True))
        self.popular_tags, self.tags = tags[:60], tags
        self.authors = list(Author.objects.values_list("pk", flat=True))
        self.locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
        self.lines = {edition.code: _lines(edition.code) for edition in EDITIONS}


def _insert(model, fields: list[str], rows: list[tuple]) -> None:
    """Rows written as they are, values ready for the database: the archive's links
    outnumber its articles four to one, and bulk_create builds and prepares a model
    instance for each (half the time of a million articles). PostgreSQL takes them by
    COPY, a stream with no statement per row."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(field).column) for field in fields)
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(fields))
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


class _ArticleRows:
    """Articles written as rows with their ids given, no model instance built (a Wagtail
    page's takes longer than its row): the columns `add` is given are prepared for the
    database per article, the rest once, from a template article."""

    def __init__(self):
        self.fields = Article._meta.concrete_fields
        self.db = connections[DEFAULT_DB_ALIAS]  # not the proxy: looked up per column
        template = Article()
        self.shared = [
            field.get_db_prep_save(field.pre_save(template, True), self.db) for field in self.fields
        ]
        self.number = {field.attname: n for n, field in enumerate(self.fields)}
        self.rows: list[tuple] = []
        self.last_id = Article.objects.aggregate(last=Max("pk"))["last"] or 0

    def add(self, **values) -> int:
        """Queue an article with the next id and these column values (by attname);
        returns its id."""
        self.last_id += 1
        row = list(self.shared)
        for name, value in (("id", self.last_id), *values.items()):
            if name not in self.number:
                raise ValueError(f"Not a column of an article: {name}")
            number = self.number[name]
            row[number] = self.fields[number].get_db_prep_save(value, self.db)
        self.rows.append(tuple(row))
        return self.last_id

    def write(self) -> None:
        _insert(Article, [field.name for field in self.fields], self.rows)
        self.rows.clear()


@contextmanager
def _set_aside_for_load(models) -> Iterator[None]:
    """PostgreSQL: the tables' foreign keys and the indexes that back no constraint
    dropped for a bulk load and made again after it, all in one transaction, as
    pg_restore does: building an index once from all the rows, and checking a foreign
    key with one join, cost a fraction of doing either row by row. SQLite: the load as
    it is (its batches commit as they go)."""
    if connection.vendor != "postgresql":
        yield
        return
    quote = connection.ops.quote_name
    tables = [model._meta.db_table for model in models]
    with transaction.atomic(), connection.cursor() as cursor:
        # Building a million rows' indexes takes minutes: no statement timeout here.
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [tables],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint"
            " WHERE conindid = format('%%I.%%I', schemaname, indexname)::regclass)",
            [tables],
        )
        indexes = cursor.fetchall()
        # Checks still pending in the transaction (a caller's rows) made now: PostgreSQL
        # alters no table with checks pending on it.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, _ in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
        yield
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")


def _reserve_story_numbers(last: int) -> None:
    """Move the story-number counter past the archive's numbers."""
    if StoryNumber.objects.filter(pk__gte=last).exists():
        return
    StoryNumber.objects.create(pk=last)
    _reset_sequence(StoryNumber)


def _reset_sequence(model) -> None:
    """Move the id sequence (PostgreSQL) past the ids written explicitly."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(_NoStyle(), [model]):
            cursor.execute(sql)


class _NoStyle:
    def __getattr__(self, name):
        return lambda text: text


def generate_archive(
    *,
    articles: int,
    years: int = 20,
    days: int = 0,
    seed: int = 1,
    now: datetime | None = None,
    batch: int = 5000,
    progress: Callable[[int], None] | None = None,
    search_index: bool = True,
) -> ArchiveSummary:
    started = time.monotonic()
    rng = random.Random(seed)
    now = now or timezone.now()
    ensure_newsroom_roles()
    taxonomy = _Taxonomy(rng)
    first_number = (
        max(
            StoryNumber.objects.aggregate(last=Max("pk"))["last"] or 0,
            Article.objects.aggregate(last=Max("story_number"))["last"] or 0,
        )
        + 1
    )
    span = timedelta(days=days or 365 * years).total_seconds()
    start = now - timedelta(seconds=span)
    written, story = 0, 0
    by_edition = {edition.code: 0 for edition in EDITIONS}
    # Per article: (its id, edition and publication time as its list rows hold them),
    # tags, authors, labels.
    pending: list[tuple[tuple, list[int], list[int], list[int]]] = []
    articles_sql = _ArticleRows()
    documents = _SearchDocuments()
    days: set[tuple[str, date]] = set()  # (edition, Kyiv day) of each article, to count

    def flush():
        with transaction.atomic():
            articles_sql.write()
            _insert(
                ArticleTag,
                ["article", "locale", "live", "published_at", "tag", "sort_order"],
                [(*row[0], tag, order) for row in pending for order, tag in enumerate(row[1])],
            )
            _insert(
                ArticleAuthor,
                ["article", "locale", "live", "published_at", "author", "sort_order"],
                [
                    (*row[0], author, order)
                    for row in pending
                    for order, author in enumerate(row[2])
                ],
            )
            _insert(
                Article.labels.through,
                ["article", "label"],
                [(row[0][0], label) for row in pending for label in row[3]],
            )
        documents.write()
        pending.clear()
        if progress:
            progress(written)

    loaded = [Article, ArticleTag, ArticleAuthor, Article.labels.through]
    if search_index:
        loaded.append(IndexEntry)  # its full-text indexes made once, after the load
    with _set_aside_for_load(loaded):
        while written < articles:
            # Stories come closer together over the years, as the outlet grows.
            share = (written / articles) ** 0.8
            moment = start + timedelta(seconds=span * share + rng.uniform(0, 60))
            moment = min(moment, now - timedelta(seconds=1))
            key = uuid.UUID(int=rng.getrandbits(128), version=4)
            number = first_number + story
            kind = rng.choice(KINDS)
            section = rng.choice(taxonomy.sections)
            tags = rng.sample(taxonomy.popular_tags, rng.randint(1, 2)) + rng.sample(
                taxonomy.tags, rng.randint(0, 3)
            )
            tags = list(dict.fromkeys(tags))
            authors = [rng.choice(taxonomy.authors)]
            labels = [rng.choice(taxonomy.labels)] if rng.random() < 0.05 else []
            image = rng.choice(taxonomy.images) if rng.random() < 0.6 else None
            urgent = rng.random() < 0.03
            for edition in EDITIONS:
                if written >= articles or rng.random() >= EDITION_SHARE[edition.code]:
                    continue
                lines = taxonomy.lines[edition.code]
                paragraphs = rng.randint(3, 12 if kind == Kind.NEWS else 30)
                body = [
                    {
                        "type": "paragraph",
                        "value": f"<p>{rng.choice(lines)}</p>",
                        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    }
                    for _ in range(paragraphs)
                ]
                headline = rng.choice(lines)[:120].rsplit(" ", 1)[0]
                lead = rng.choice(lines)
                article_id = articles_sql.add(
                    locale_id=taxonomy.locales[edition.code],
                    translation_key=key,
                    story_number=number,
                    kind=kind,
                    headline=headline,
                    lead=f"<p>{lead}</p>",
                    body=body,
                    section_id=section,
                    has_photos=image is not None,
                    is_urgent=urgent,
                    main_image_id=image,
                    published_at=moment,
                    first_published_at=moment,
                    last_published_at=moment,
                    live=True,
                    has_unpublished_changes=False,
                )
                published = connection.ops.adapt_datetimefield_value(moment)
                listed = (article_id, taxonomy.locales[edition.code], True, published)
                pending.append((listed, tags, authors, labels))
                if search_index:
                    sentences = [block["value"][3:-4] for block in body]  # <p>…</p>
                    documents.add(article_id, edition, headline, lead, sentences)
                by_edition[edition.code] += 1
                days.add((edition.code, kyiv_time(moment).date()))
                written += 1
            story += 1
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
    _reserve_story_numbers(first_number + story)
    _reset_sequence(Article)
    recount_days(days)
    if connection.vendor == "postgresql":
        # The planner's statistics and the visibility map, stale after a bulk load until
        # autovacuum comes by: without the map, counting a section's list (its pages)
        # reads every row instead of the index alone (bench/RESULTS.md).
        # (VACUUM cannot run inside a transaction: a caller's, such as a test's.)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return ArchiveSummary(written, story, time.monotonic() - started, by_edition)
