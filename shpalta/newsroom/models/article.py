"""The article: one edition of a story, edited in Wagtail with drafts, revisions,
locking, workflow, preview and translation."""

import html
from datetime import datetime
from functools import cache
from inspect import getattr_static

from django.contrib.contenttypes.fields import GenericRelation
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.functions import Now
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from shpalta.editions.dates import kyiv_time
from shpalta.editions.registry import Edition, get_edition

from .. import search
from ..blocks import INLINE_FEATURES, ArticleBodyBlock
from .images import NewsRendition


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    ARTICLE = "article", _("Article")
    COLUMN = "column", _("Column")
    INTERVIEW = "interview", _("Interview")
    EXPLAINER = "explainer", _("Explainer")
    LIVE = "live", _("Live blog")

    @property
    def url_segment(self) -> str:
        return KIND_URL_SEGMENTS[self]


# The first part of an article's address, as on the reference site: /news/..., /articles/...
KIND_URL_SEGMENTS = {
    Kind.NEWS: "news",
    Kind.ARTICLE: "articles",
    Kind.COLUMN: "columns",
    Kind.INTERVIEW: "interviews",
    Kind.EXPLAINER: "explainers",
    Kind.LIVE: "live",
}


class StoryNumber(models.Model):
    """Hands out story numbers: one row per story, so that two newsrooms saving at
    once never get the same number, on SQLite as on PostgreSQL."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("story number")

    def __str__(self) -> str:
        return str(self.pk)


_SAMPLE = {"year": 9999, "month": "88", "day": 77, "story": 666666666666}


@cache
def _address_template(edition_code: str, kind: str) -> str:
    """The article route of an edition and kind as a format string, from reverse()."""
    with translation.override(edition_code):
        sample = reverse(
            "reader:article", kwargs={"kind": KIND_URL_SEGMENTS[Kind(kind)], **_SAMPLE}
        )
    head, found, tail = sample.partition("9999/88/77/666666666666")
    if not found:
        raise ValueError(f"the article route has changed shape: {sample}")
    return head + "{year}/{month:02d}/{day}/{story}" + tail


def edition_locale(code: str) -> Subquery:
    """The edition's locale id as a subquery, for filters on a locale_id column: the
    database then reads it first and can use an index that starts (…, locale, …) for
    its order; a join to the locale table by language code would have PostgreSQL read
    every row of a tag's or section's list and sort them."""
    return Subquery(Locale.objects.filter(language_code=code).values("pk")[:1])


def in_list(relation: str, targets, code: str) -> Q:
    """The conditions on a tag's (relation="tag_links") or author's ("author_links")
    links that put an article in one of `targets`' lists of an edition, read in the link
    table's index (ListedLink). Give them in one filter() with any other condition on the
    link: each further filter() on a many-valued relation joins the link table again."""
    field = "tag" if relation == "tag_links" else "author"
    return Q(
        **{
            f"{relation}__{field}__in": targets,
            f"{relation}__locale_id": edition_locale(code),
            f"{relation}__live": True,
            f"{relation}__published_at__lte": Now(),
        }
    )


# Numbers that stand for a Prepared query's arguments while the ORM compiles it.
_MARKS = tuple(987_654_321_987 - i for i in range(100))


class Prepared:
    """A values_list() query compiled by the ORM once per database and edition, then run
    with each call's arguments in place of their marks: on a page read cold, building
    and compiling a queryset costs more than running it. `build(code, *marks)` gives
    the query, each mark (a number; its digits in a text column) standing for one
    argument; a query of a list (`build(code, *ids)`) is compiled once per length asked.
    Rows come as the ORM gives them (the database's converters applied: times aware,
    booleans true)."""

    def __init__(self, build):
        self.build = build
        self._compiled: dict[tuple[str, str, int], tuple] = {}

    def __call__(self, code: str, *values) -> list[tuple]:
        key = (connection.vendor, code, len(values))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(code, len(values))
        sql, params, places, converters = compiled
        params = list(params)
        for at, value in zip(places, values, strict=True):
            for place in at:
                params[place] = value
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not converters:
            return rows
        converted = []
        for row in rows:
            row = list(row)
            for at, (functions, expression) in converters.items():
                for function in functions:
                    row[at] = function(row[at], expression, connection)
            converted.append(tuple(row))
        return converted

    def _compile(self, code: str, arguments: int):
        marks = _MARKS[:arguments]
        compiler = self.build(code, *marks).query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        places = [
            [i for i, param in enumerate(params) if param in (mark, str(mark))] for mark in marks
        ]
        if not all(places):
            raise ValueError("a Prepared query's argument is not a parameter of its SQL")
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        return sql, params, places, converters


_live_story = Prepared(
    lambda code, number: (
        Article.objects.live()
        .in_edition(code)
        .filter(story_number=number)
        .values_list("pk", "kind", "published_at")[:1]
    )
)


def live_story(code: str, number: int) -> tuple[int, str, datetime] | None:
    """(pk, kind, published_at) of the live article with this story number in this
    edition, or None: the article page's one query per request."""
    rows = _live_story(code, number)
    if not rows:
        return None
    return rows[0]


PAGE_RELATIONS = ("authors", "tags", "labels", "corrections")


@cache
def _relation_of(name: str) -> tuple[type, list[str], Prepared]:
    """The model of what a page shows of relation `name` of an article, its columns, and
    the Prepared query of its rows for a list of articles: (article id, the columns), in
    the relation's order (authors and tags in each article's order)."""
    if name in ("authors", "tags"):
        link, target = (ArticleAuthor, "author") if name == "authors" else (ArticleTag, "tag")
        model = link._meta.get_field(target).related_model
        columns = [field.attname for field in model._meta.concrete_fields]

        def read(_all_editions, *ids):
            rows = link.objects.filter(article_id__in=ids).order_by("sort_order")
            return rows.values_list("article_id", *(f"{target}__{column}" for column in columns))

    elif name == "labels":
        model = Article._meta.get_field(name).related_model
        columns = [field.attname for field in model._meta.concrete_fields]

        def read(_all_editions, *ids):
            return (
                Article.labels.through.objects.filter(article_id__in=ids)
                .order_by(*(f"label__{order}" for order in model._meta.ordering), "label_id")
                .values_list("article_id", *(f"label__{column}" for column in columns))
            )

    else:
        model = Article._meta.get_field(name).related_model
        columns = [field.attname for field in model._meta.concrete_fields]

        def read(_all_editions, *ids):
            rows = model.objects.filter(article_id__in=ids)
            return rows.annotate(of_article=F("article_id")).values_list("of_article", *columns)

    return model, columns, Prepared(read)


def _read_relations(db: str, articles: dict[int, "Article"], names: tuple[str, ...]) -> None:
    """These relations of these articles (by id), read by one Prepared query each (per
    hundred articles) into each article's _relations, as its page and lines ask them."""
    ids = list(articles)
    for article in articles.values():
        article._relations = {name: [] for name in names}
    for name in names:
        model, columns, read = _relation_of(name)
        for start in range(0, len(ids), len(_MARKS)):
            for article_id, *values in read("", *ids[start : start + len(_MARKS)]):
                articles[article_id]._relations[name].append(made(model, db, columns, values))


@cache
def _rendition_columns() -> list[str]:
    return [field.attname for field in NewsRendition._meta.concrete_fields]


_renditions_read = Prepared(
    lambda _all_editions, image: NewsRendition.objects.filter(image_id=image).values_list(
        *_rendition_columns()
    )
)


def _read_renditions(db: str, image) -> None:
    """An image's renditions, read by one Prepared query and handed to Wagtail as if
    prefetched: its get_rendition(s) then ask neither its cache nor the database (a
    cache lookup unpickled each rendition and Wagtail wrote each back, found or not)."""
    columns = _rendition_columns()
    image.prefetched_renditions = []
    for row in _renditions_read("", image.pk):
        rendition = NewsRendition.from_db(db, columns, row)
        NewsRendition._meta.get_field("image").set_cached_value(rendition, image)
        image.prefetched_renditions.append(rendition)


# What an article's page and a line of a list read with its row (a join each), as
# select_related() would; a line leaves out the story's text.
PAGE_JOINED = ("locale", "section", "main_image")
LINE_JOINED = ("locale",)
LINE_LEAVES_OUT = ("body", "lead")


@cache
def _joined_columns(joined: tuple[str, ...], leave_out=()) -> list[tuple[type, str | None, list]]:
    """(model, the relation or None for the article, its columns) of a joined read."""
    own = [field.attname for field in Article._meta.concrete_fields if field.name not in leave_out]
    parts = [(Article, None, own)]
    for name in joined:
        model = Article._meta.get_field(name).related_model
        parts.append((model, name, [field.attname for field in model._meta.concrete_fields]))
    return parts


def _names(parts) -> list[str]:
    return [
        column if name is None else f"{name}__{column}"
        for _model, name, columns in parts
        for column in columns
    ]


@cache
def _own_setters(model: type[models.Model]) -> tuple[str, ...] | None:
    """The columns of `model` whose field sets its value through a setter of its own (a
    StreamField's makes a StreamValue), or None when made() must leave `model` to
    from_db(): it has an __init__ of its own other than ClusterableModel's (which reads
    only keywords), or something listens for its pre_init or post_init (an image's
    dimensions). Asked once per model, after the apps have connected their signals."""
    inits = {c for c in model.__mro__ if "__init__" in c.__dict__}
    if inits - {ClusterableModel, models.Model, object}:
        return None
    if pre_init.has_listeners(model) or post_init.has_listeners(model):
        return None
    plain = (DeferredAttribute, ForeignKeyDeferredAttribute)
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if type(getattr_static(model, field.attname)) not in plain
    )


def made(model: type[models.Model], db: str, columns: list[str], values) -> models.Model:
    """The object model.from_db(db, columns, values) gives (the columns not given
    deferred), made without running Model.__init__ where that would only set the values:
    a cold article page makes about fifty objects, a full render a hundred and fifty, and
    __init__ (a signal sent twice, a setattr per field, ClusterableModel's look at its
    child relations) cost more than the rows' reading."""
    setters = _own_setters(model)
    if setters is None:
        return model.from_db(db, columns, values)
    new = model.__new__(model)
    state = new._state = ModelState()
    state.adding = False
    state.db = db
    given = new.__dict__
    given.update(zip(columns, values, strict=True))
    for column in setters:
        if column in given:
            setattr(new, column, given.pop(column))
    return new


def _made(db: str, parts, row) -> "Article":
    """An article and its joined objects from a row of a joined read, the way
    select_related() makes them (None where a nullable one is not set)."""
    at, article = 0, None
    for model, name, columns in parts:
        values, at = row[at : at + len(columns)], at + len(columns)
        if name is None:
            article = made(model, db, columns, values)
            continue
        key = values[columns.index(model._meta.pk.attname)]
        joined = None if key is None else made(model, db, columns, values)
        Article._meta.get_field(name).set_cached_value(article, joined)
    return article


# Relations most articles have none of: the page's row says whether it has any, and
# their query is not run for an article without (95 % of an archive has no label, most
# stories are never corrected).
OFTEN_EMPTY = ("labels", "corrections")


def _any_of(name: str) -> Exists:
    """Whether the outer article has any of relation `name` (labels or corrections)."""
    rows = Article.labels.through if name == "labels" else _relation_of(name)[0]
    return Exists(rows.objects.filter(article_id=OuterRef("pk")))


_page_read = Prepared(
    lambda _all_editions, pk: (
        Article.objects.filter(pk=pk)
        .annotate(**{f"has_{name}": _any_of(name) for name in OFTEN_EMPTY})
        .values_list(
            *_names(_joined_columns(PAGE_JOINED)), *(f"has_{name}" for name in OFTEN_EMPTY)
        )
    )
)
_lines_read = Prepared(
    lambda _all_editions, *ids: Article.objects.filter(pk__in=ids).values_list(
        *_names(_joined_columns(LINE_JOINED, LINE_LEAVES_OUT))
    )
)


def _page_row(db: str, pk: int) -> tuple["Article", set[str]]:
    """The article's row with its joined objects, and which of OFTEN_EMPTY it has none of."""
    rows = _page_read("", pk)
    if not rows:
        raise Article.DoesNotExist(f"No article {pk}")
    row = rows[0]
    flags = row[-len(OFTEN_EMPTY) :]
    none = {name for name, has in zip(OFTEN_EMPTY, flags, strict=True) if not has}
    return _made(db, _joined_columns(PAGE_JOINED), row[: -len(OFTEN_EMPTY)]), none


def lines_by_id(ids: list[int]) -> dict[int, "Article"]:
    """What lines of a list show of these articles (for_lines(): edition, labels, no
    text), by id, read by two Prepared queries rather than built querysets; the articles
    that do not exist are left out."""
    return _by_id(ids, _lines_read, _joined_columns(LINE_JOINED, LINE_LEAVES_OUT), ("labels",))


def pages_by_id(
    ids: list[int], *, with_body: bool = True, renditions: tuple[str, ...] = ()
) -> dict[int, "Article"]:
    """What pages show of these articles (for_page(), without the body unless asked),
    by id, read by a Prepared query for the rows and one for each relation: a feed's
    or an API list's items, dozens of articles, without building querysets and
    prefetches (a cold list of twenty spent three quarters of its reading in them).
    With `renditions` (filter specs), their main images' renditions of those specs are
    read too, by one query, and handed to Wagtail as if prefetched."""
    leave_out = () if with_body else ("body",)
    articles = _by_id(
        ids, _pages_read(leave_out), _joined_columns(PAGE_JOINED, leave_out), PAGE_RELATIONS
    )
    images = [article.main_image for article in articles.values() if article.main_image]
    if renditions and images:
        rows = NewsRendition.objects.filter(filter_spec__in=renditions)
        prefetch_related_objects(
            images, Prefetch("renditions", rows, to_attr="prefetched_renditions")
        )
    return articles


@cache
def _pages_read(leave_out: tuple[str, ...]) -> Prepared:
    return Prepared(
        lambda _all_editions, *ids: Article.objects.filter(pk__in=ids).values_list(
            *_names(_joined_columns(PAGE_JOINED, leave_out))
        )
    )


def _by_id(ids: list[int], read: Prepared, parts, relations: tuple[str, ...]) -> dict:
    ids = list(dict.fromkeys(ids))
    db = Article.objects.db
    articles = {}
    for start in range(0, len(ids), len(_MARKS)):
        for row in read("", *ids[start : start + len(_MARKS)]):
            article = _made(db, parts, row)
            articles[article.pk] = article
    _read_relations(db, articles, relations)
    return articles


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """Published and due: what readers may see."""
        return self.filter(live=True, published_at__lte=Now())

    def in_edition(self, code: str):
        return self.filter(locale_id=edition_locale(code))

    def newest_first(self):
        return self.order_by("-published_at", "-id")

    def behind_source(self):
        """Translations whose source changed after they were last brought up to date
        (Article.behind_source)."""
        return self.filter(translated_from__updated_at__isnull=False).filter(
            Q(source_seen_at__isnull=True) | Q(translated_from__updated_at__gt=F("source_seen_at"))
        )

    def for_listing(self):
        """What a headline in a list shows: edition (for its URL), labels."""
        return self.select_related("locale").prefetch_related("labels")

    def for_page(self, pk: int, *, renditions: bool = False) -> "Article":
        """The article as its page shows it: its row with its edition, section and main
        image, and its authors, tags, labels and corrections, by one Prepared query each
        (cheaper than building and compiling querysets; labels and corrections only when
        the row says there are any), made into objects as from_db() would (made()); with
        `renditions`, its main image's renditions too. Article.DoesNotExist
        when there is no such article."""
        article, none = _page_row(self.db, pk)
        _read_relations(self.db, {pk: article}, tuple(n for n in PAGE_RELATIONS if n not in none))
        article._relations.update({name: [] for name in none})
        if renditions and article.main_image is not None:
            _read_renditions(self.db, article.main_image)
        return article

    def for_lines(self):
        """for_listing() without the story's text, which a line or card does not show:
        a row read for one is a fraction of the whole (the body's JSON is not parsed)."""
        return self.for_listing().defer("body", "lead")

    def listed(self, relation: str, target, code: str):
        """Live articles of an edition in a tag's (relation="tag_links", target a Tag) or
        an author's ("author_links") list, newest first, read in the order of the link
        table's index (ListedLink) rather than sorted from all of the tag's articles."""
        return (
            self.live()
            .filter(in_list(relation, [target], code))
            .order_by(f"-{relation}__published_at", "-id")
        )

    def live_between(self, start, end):
        """Live articles published in [start, end). Not live().filter(...): with two upper
        bounds on published_at (now and end) SQLite walks the index from now down to
        start, which costs more the deeper in the archive the range lies (figures in
        bench/RESULTS.md)."""
        return self.filter(
            live=True, published_at__gte=start, published_at__lt=min(end, timezone.now())
        )


class Article(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    story_number = models.PositiveBigIntegerField(
        _("story number"),
        blank=True,
        help_text=_(
            "Part of the address, shared by the editions of one story. "
            "Left empty, a new number is given when you save."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    headline = models.CharField(_("headline"), max_length=255)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists and social cards; the lead is used if empty."),
    )
    lead = RichTextField(
        _("lead"), features=INLINE_FEATURES, help_text=_("One paragraph that states the news.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    section = models.ForeignKey(
        "newsroom.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        "newsroom.Author", through="newsroom.ArticleAuthor", related_name="articles", blank=True
    )
    tags = models.ManyToManyField(
        "newsroom.Tag", through="newsroom.ArticleTag", related_name="articles", blank=True
    )
    labels = ParentalManyToManyField(
        "newsroom.Label", verbose_name=_("labels"), related_name="articles", blank=True
    )
    has_photos = models.BooleanField(_("has photos"), default=False)
    has_video = models.BooleanField(_("has video"), default=False)
    is_urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("Shown more strongly in news lists.")
    )
    ads_enabled = models.BooleanField(_("show advertisements"), default=True)
    post_to_telegram = models.BooleanField(
        _("post to Telegram"),
        default=True,
        help_text=_(
            "Posted to the edition's Telegram channel a minute after it goes live (you can "
            "cancel it meanwhile); untick to keep it off the channel, or to take it down there."
        ),
    )
    main_image = models.ForeignKey(
        "newsroom.NewsImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coverage_ended_at = models.DateTimeField(
        _("coverage ended"),
        null=True,
        blank=True,
        help_text=_(
            "A live blog: when its coverage ended. Set, the blog says so and readers' pages "
            "stop asking for updates."
        ),
    )
    main_image_caption = models.CharField(_("main image caption"), max_length=300, blank=True)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("Shown on the article. Left empty, it is the moment the article goes live."),
    )
    updated_at = models.DateTimeField(_("last updated"), null=True, blank=True, editable=False)
    translated_from = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="translations_made",
    )
    source_seen_at = models.DateTimeField(
        _("source brought up to date at"), null=True, blank=True, editable=False
    )
    brought_up_to_date = models.BooleanField(
        _("brought up to date with the source"),
        default=False,
        help_text=_(
            "Tick when this translation now says what its source says: publishing clears "
            "the “source changed” mark."
        ),
    )
    minor_edit = models.BooleanField(
        _("minor edit"),
        default=False,
        help_text=_(
            "A typo or a link: publishing keeps the “Updated” time as it was. "
            "A new correction marks the story updated all the same."
        ),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="article")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )

    objects = ArticleQuerySet.as_manager()

    # A translation starts as an unpublished copy with its own history.
    exclude_fields_in_copy = [
        "live_revision",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "published_at",
        "updated_at",
        "minor_edit",
        "translated_from",
        "source_seen_at",
        "brought_up_to_date",
    ]

    # The index holds lemmas (newsroom/search.py, the methods below): the headline's,
    # summary's and lead's as the title, which weighs more; the body's; and the
    # headline's own words, for the newsroom's search-as-you-type.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("body_lemmas"),
        index.AutocompleteField("headline"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("section"),
        index.FilterField("published_at"),
        index.FilterField("id"),  # the tie-break of "newest first"
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "story_number"], name="unique_story_number_per_edition"
            ),
        ]
        indexes = [
            models.Index(fields=["locale", "live", "-published_at"], name="article_edition_stream"),
            # The section and kind lists of an edition, newest first.
            # (with live, so that a list's page count reads the index alone)
            models.Index(
                fields=["section", "locale", "live", "-published_at"],
                name="article_section_list",
            ),
            models.Index(
                fields=["kind", "locale", "live", "-published_at"], name="article_kind_list"
            ),
            # Every edition at once, newest first (the content API without an edition), and
            # what changed since a moment (its updated_since).
            # Partial (live only), so that SQLite's planner without statistics still
            # prefers the translation-key index for a story's editions.
            models.Index(
                fields=["-published_at"], condition=models.Q(live=True), name="article_stream"
            ),
            models.Index(fields=["updated_at"], name="article_updated"),
        ]

    def __str__(self) -> str:
        return self.headline or _("Untitled story %(number)s") % {"number": self.story_number}

    @cached_property
    def edition(self) -> Edition:
        return get_edition(self.locale.language_code)

    @property
    def url_kind(self) -> str:
        return KIND_URL_SEGMENTS[Kind(self.kind)]

    @staticmethod
    def address(edition_code: str, kind: str, published_at, story_number: int) -> str:
        """The address of a published article from the columns that make it up, for
        callers that have those and not the article (the article page's lookup, the
        sitemaps). Formatted from the route's shape, read once per edition and kind:
        a list of thousands of headlines does not resolve the route thousands of times."""
        local = kyiv_time(published_at)
        return _address_template(edition_code, kind).format(
            year=local.year, month=local.month, day=local.day, story=story_number
        )

    @staticmethod
    def modified(published_at: datetime, updated_at: datetime | None) -> datetime:
        """When a published story last changed for its readers, from its columns: its
        last update, never before its publication. Feeds, sitemaps, the API, ninjs and
        the page's metadata all date a story by it."""
        return max(updated_at or published_at, published_at)

    @property
    def summary_text(self) -> str:
        """The story in a sentence, as plain text (feeds, social cards, JSON-LD, ninjs):
        the summary, else the words of the lead with its entities decoded."""
        return self.summary or html.unescape(strip_tags(self.lead)).strip()

    @property
    def language(self) -> str:
        """The language of the story's text, for search (its edition's)."""
        return self.edition.code

    @property
    def lead_text(self) -> str:
        """The summary and the lead as plain text, the summary once if the lead says it."""
        lead = html.unescape(strip_tags(self.lead)).strip()
        return lead if self.summary.strip() in lead else f"{self.summary} {lead}".strip()

    # Wagtail's SQLite backend ranks the search field named "title" as the title.
    def title(self) -> str:
        """The lemmas of the headline, summary and lead, as search indexes them."""
        return search.document(f"{self.headline} {self.lead_text}", self.language)

    def body_lemmas(self) -> str:
        """Every lemma of the story, the title's too: one full-text index answers whether
        a story matches (newsroom/search_backend.py); the title column only ranks."""
        return f"{self.title()} {search.document(self.body_text(), self.language)}"

    def body_text(self) -> str:
        """The words of the body's blocks (text, quotes, captions, sources), as search
        indexes them and shows a passage of them."""
        return " ".join(
            html.unescape(strip_tags(piece))
            for piece in self.body.stream_block.get_searchable_content(self.body)
        )

    @property
    def last_modified(self) -> datetime:
        return self.modified(self.published_at, self.updated_at)

    @cached_property
    def stream(self) -> list:
        """A live blog's entries, newest first (one query); empty for other kinds."""
        if self.kind != Kind.LIVE or self.pk is None:
            return []
        return list(self.live_entries.select_related("author"))

    @property
    def key_points(self) -> list:
        return [entry for entry in self.stream if entry.pinned]

    @cached_property
    def latest_entry_at(self):
        """When a live blog's latest update was (None for other kinds, or before any):
        from its updates if loaded, else one indexed look-up (a line of a list)."""
        if self.kind != Kind.LIVE or self.pk is None:
            return None
        if "stream" in self.__dict__:
            return self.stream[0].published_at if self.stream else None
        return (
            self.live_entries.order_by("-published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    @property
    def shows_live_mark(self) -> bool:
        """A live blog whose editors did not give it the LIVE label: lists mark it."""
        return self.kind == Kind.LIVE and not any(
            label.slug == "live" for label in self.shown_labels()
        )

    def get_absolute_url(self) -> str:
        return self.address(self.edition.code, self.kind, self.published_at, self.story_number)

    # What the article's page or a line shows of its relations when read with it at once
    # (ArticleQuerySet.for_page, lines_by_id), by relation; the others are asked.
    _relations: dict | None = None

    def _read(self, relation: str) -> list | None:
        return None if self._relations is None else self._relations.get(relation)

    def ordered_authors(self) -> list:
        read = self._read("authors")
        return [link.author for link in self.author_links.all()] if read is None else read

    def ordered_tags(self) -> list:
        read = self._read("tags")
        return [link.tag for link in self.tag_links.all()] if read is None else read

    def shown_labels(self) -> list:
        read = self._read("labels")
        return list(self.labels.all()) if read is None else read

    def get_preview_template(self, request, mode_name):
        return "reader/article.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "article": self}

    def serve_preview(self, request, mode_name):
        # The preview speaks the article's edition, not the editor's admin language.
        request.edition = self.edition
        with translation.override(self.edition.code):
            response = super().serve_preview(request, mode_name)
            response.render()
        return response

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        from ..actions import PublishArticleAction

        return PublishArticleAction(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        ).execute(skip_permission_checks=skip_permission_checks)

    def with_content_json(self, content):
        # Times set by publishing belong to the article, not to a revision saved before them:
        # its own, its corrections' (set when each was first published), and when a
        # translation was last brought up to date with its source.
        obj = super().with_content_json(content)
        obj.updated_at = self.updated_at
        obj.translated_from_id, obj.source_seen_at = self.translated_from_id, self.source_seen_at
        if obj.published_at is None:
            obj.published_at = self.published_at
        untimed = [c for c in obj.corrections.all() if c.made_at is None and c.pk]
        if untimed:
            made = dict(
                self.corrections.model.objects.filter(
                    article=self, pk__in=[c.pk for c in untimed]
                ).values_list("pk", "made_at")
            )
            for correction in untimed:
                correction.made_at = made.get(correction.pk)
        return obj

    def shown_corrections(self) -> list:
        """The corrections readers see, oldest first (a preview shows those not yet
        published last, without a time)."""
        corrections = self._read("corrections")
        if corrections is None:
            corrections = self.corrections.all()
        return sorted(
            corrections,
            key=lambda c: (
                c.made_at is None,
                c.made_at.timestamp() if c.made_at else 0,
                c.sort_order or 0,
            ),
        )

    def published_corrections(self) -> list:
        """The corrections readers have been shown, oldest first: those with a time
        (what leaves the site by machine: JSON-LD, ninjs)."""
        return [correction for correction in self.shown_corrections() if correction.made_at]

    def sync_listed_links(self) -> None:
        """Copy the article's edition, live state and publication time onto its tag and
        author links (ListedLink), after it goes live, changes or is taken down."""
        values = {
            "locale_id": self.locale_id,
            "live": bool(self.live),
            "published_at": self.published_at,
        }
        ArticleTag.objects.filter(article=self).update(**values)
        ArticleAuthor.objects.filter(article=self).update(**values)

    def untranslated_parts(self) -> list[str]:
        """The parts of a translation still word for word its source's (headline, lead,
        body): an untranslated copy must not go live in another edition."""
        source = self.translated_from
        if source is None:
            return []
        same = []
        if self.headline.strip().casefold() == source.headline.strip().casefold():
            same.append("headline")
        lead = html.unescape(strip_tags(self.lead)).strip()
        if lead and lead == html.unescape(strip_tags(source.lead)).strip():
            same.append("lead")
        body = self.body_text().strip()
        if body and body == source.body_text().strip():
            same.append("body")
        return same

    @property
    def source_state(self) -> str:
        """The Articles list's word on a translation: whether its source changed since."""
        return _("Source changed") if self.behind_source else ""

    @property
    def behind_source(self) -> bool:
        """A translation whose source had a substantive edit (its "Updated" time moved)
        after the translation was last brought up to date with it."""
        source = self.translated_from
        return bool(
            source
            and source.updated_at
            and (self.source_seen_at is None or source.updated_at > self.source_seen_at)
        )

    def copy_for_translation(self, locale, exclude_fields=None):
        translated = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        translated.translated_from = self
        translated.source_seen_at = timezone.now()
        translated.live = False
        translated.has_unpublished_changes = True
        for link in [*translated.tag_links.all(), *translated.author_links.all()]:
            link.locale, link.live, link.published_at = None, False, None
        return translated


class ListedLink(Orderable):
    """A link from an article to a tag or author, with copies of the article's edition,
    live state and publication time, kept by the publishing action
    (Article.sync_listed_links): a tag's or author's list, newest first, is then one
    range of the link table's own index, however many articles the archive holds."""

    locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, on_delete=models.CASCADE, related_name="+", editable=False
    )
    live = models.BooleanField(default=False, editable=False)
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta(Orderable.Meta):
        abstract = True


class ArticleAuthor(ListedLink):
    article = ParentalKey(Article, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(
        "newsroom.Author", verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta(ListedLink.Meta):
        indexes = [
            models.Index(
                fields=["author", "locale", "live", "-published_at"], name="articleauthor_list"
            )
        ]


class ArticleTag(ListedLink):
    article = ParentalKey(Article, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey(
        "newsroom.Tag", verbose_name=_("tag"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta(ListedLink.Meta):
        indexes = [
            models.Index(fields=["tag", "locale", "live", "-published_at"], name="articletag_list")
        ]
