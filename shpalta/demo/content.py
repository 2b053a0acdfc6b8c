"""Writes the demo newspaper: taxonomy, images and some 320 articles over the last three days.

Deterministic: the same seed gives the same stories, numbers and links; only the times
follow the clock, so that the demo always shows the last three days.
"""

import io
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import timezone, translation
from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signal_handlers
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Locale, ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from shpalta.accounts.twofactor import give_authenticator
from shpalta.ads.models import AdSlot, Placement
from shpalta.editions.registry import DEFAULT_EDITION, EDITIONS, get_edition
from shpalta.newsroom.models import (
    Article,
    ArticleAuthor,
    ArticleTag,
    Author,
    Correction,
    Kind,
    Label,
    LiveEntry,
    NewsImage,
    Section,
    Tag,
)
from shpalta.newsroom.services import (
    allocate_story_number,
    article_translate,
    ensure_newsroom_roles,
)

from . import texts

STORIES = 160
LONG_READ_EVERY = 40  # one story in forty is a long read: one of each kind
CORRECTED_EVERY = 16  # one story in sixteen is corrected, in each of its editions
SPAN = timedelta(days=3)
LANGS = [edition.code for edition in EDITIONS]
PALETTES = [
    ((24, 46, 92), (180, 40, 48)),
    ((20, 80, 60), (230, 190, 60)),
    ((60, 20, 80), (40, 150, 200)),
    ((90, 50, 20), (220, 120, 60)),
    ((30, 30, 30), (120, 160, 200)),
    ((10, 70, 110), (250, 220, 90)),
]


@dataclass
class DemoSummary:
    articles: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    authors: int = 0
    tags: int = 0
    images: int = 0


class DemoContentExistsError(RuntimeError):
    pass


def write_demo_content(
    *, seed: int = 2024, now: datetime | None = None, stories: int = STORIES
) -> DemoSummary:
    if Article.objects.exists():
        raise DemoContentExistsError(
            "The database already has articles; demo content is written only into an empty one."
        )
    now = now or timezone.now()
    rng = random.Random(seed)
    ensure_newsroom_roles()
    with transaction.atomic():
        writer = _Writer(rng=rng, now=now, stories=stories)
        # Each article is saved several times (draft, translation, revision, publish); its
        # references and search entry are indexed once at the end, not after every save.
        with disable_reference_index_auto_update(), _search_index_deferred(Article):
            writer.write()
        for article in Article.objects.all():
            ReferenceIndex.create_or_update_for_object(article)
            search_index.insert_or_update_object(article)
    return writer.summary


@contextmanager
def _search_index_deferred(model):
    post_save.disconnect(search_signal_handlers.post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        post_save.connect(search_signal_handlers.post_save_signal_handler, sender=model)


def _per_lang(names: tuple[str, ...], prefix: str) -> dict[str, str]:
    return {f"{prefix}_{code}": name for code, name in zip(LANGS, names, strict=True)}


def picture(rng: random.Random, size: tuple[int, int], title: str) -> ImageFile:
    width, height = size
    top, bottom = rng.choice(PALETTES)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    for _ in range(6):
        x, y, r = (
            rng.randrange(width),
            rng.randrange(height),
            rng.randrange(height // 8, height // 3),
        )
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=3)
    font = ImageFont.load_default(size=max(24, height // 10))
    draw.text((width // 20, height - height // 5), title, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg")


class _Writer:
    def __init__(self, *, rng: random.Random, now: datetime, stories: int):
        self.rng = rng
        self.now = now
        self.stories = stories
        self.summary = DemoSummary(articles=dict.fromkeys(LANGS, 0))
        self.published_by_frame: dict[tuple[str, str], list[Article]] = {}
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def write(self) -> None:
        self._taxonomy()
        self._images()
        self._house_ads()
        self._stories()
        self._live_blog()

    def _taxonomy(self) -> None:
        self.sections = {
            slug: Section.objects.create(slug=slug, sort_order=order, **_per_lang(names, "name"))
            for order, (slug, names) in enumerate(texts.SECTIONS.items())
        }
        self.labels = {
            slug: Label.objects.create(slug=slug, **_per_lang(names, "name"))
            for slug, names in texts.LABELS.items()
        }
        self.tags = {
            slug: Tag.objects.create(**_per_lang(names, "name"), **_per_lang((slug,) * 3, "slug"))
            for slug, names in texts.TAGS.items()
        }
        beats = list(texts.SECTIONS.values())
        self.authors = []
        for index, (slug, names) in enumerate(texts.AUTHORS.items()):
            beat = beats[index % len(beats)]
            bios = {
                f"bio_{code}": texts.AUTHOR_BIO[code].format(beat=beat[i].lower())
                for i, code in enumerate(LANGS)
            }
            photo = NewsImage.objects.create(
                title=names[2],
                file=picture(self.rng, (400, 400), names[2].split()[0]),
                credit="Shpalta / demo",
            )
            self.authors.append(
                Author.objects.create(slug=slug, photo=photo, **_per_lang(names, "name"), **bios)
            )
        self.summary.authors = len(self.authors)
        self.summary.tags = len(self.tags)

    def _images(self) -> None:
        self.images = [
            NewsImage.objects.create(
                title=f"Demo {index + 1}",
                file=picture(self.rng, (1600, 900), f"Shpalta {index + 1}"),
                credit=texts.IMAGE_CREDITS[index % len(texts.IMAGE_CREDITS)],
            )
            for index in range(12)
        ]
        self.summary.images = len(self.images) + len(self.authors)

    def _house_ads(self) -> None:
        for code in LANGS:
            creative = NewsImage.objects.create(
                title=texts.HOUSE_AD[code],
                file=picture(self.rng, (728, 200), texts.HOUSE_AD[code]),
                credit="Shpalta",
            )
            with translation.override(code):
                support = reverse("reader:support")
            for placement in (
                Placement.AFTER_LEAD,
                Placement.IN_ARTICLE,
                Placement.AFTER_BODY,
                Placement.SIDEBAR,
                Placement.IN_FEED,
            ):
                AdSlot.objects.create(
                    locale=self.locales[code],
                    placement=placement,
                    house_image=creative,
                    house_link=support,
                    house_alt=texts.HOUSE_AD[code],
                )

    def _stories(self) -> None:
        # Oldest first, so that story numbers grow with time and Background links point back.
        offsets = sorted(
            (self.rng.uniform(0.1, 1.0) * SPAN for _ in range(self.stories)), reverse=True
        )
        for index, offset in enumerate(offsets):
            long_read = index % LONG_READ_EVERY == LONG_READ_EVERY - 1
            pool = texts.LONG_READS if long_read else texts.NEWS
            frame = pool[(index // LONG_READ_EVERY if long_read else index) % len(pool)]
            langs = ["uk"]
            if index % 8 < 5 or long_read:
                langs.append("ru")
            if index % 8 < 3 or (long_read and index % 20 == 19):
                langs.append("en")
            self._story(index, frame, langs, self.now - offset)
        self.summary.stories = self.stories

    def _story(self, index: int, frame: dict, langs: list[str], when: datetime) -> None:
        rng = self.rng
        city = rng.choice(texts.CITIES)
        number = rng.randint(5, 20)
        kind = frame.get("kind", Kind.NEWS)
        labels = [self.labels[frame["label"]]] if "label" in frame else []
        if kind == Kind.NEWS and index % 13 == 4:
            labels.append(self.labels["exclusive"])
        if kind == Kind.NEWS and index % 17 == 6:
            labels.append(self.labels["live"])
        filing = {
            "kind": kind,
            "section": self.sections[frame["section"]],
            "is_urgent": bool(frame.get("urgent")) and index % 3 == 0,
            "has_photos": index % 5 == 0,
            "has_video": index % 7 == 0,
            "main_image": self.images[index % len(self.images)] if index % 2 == 0 else None,
        }
        authors = rng.sample(self.authors, 2 if kind != Kind.NEWS and index % 3 == 0 else 1)
        original = None
        written = []
        for position, code in enumerate(langs):
            words = {key: fill(value, city, number, code) for key, value in frame[code].items()}
            published_at = when + timedelta(minutes=7 * position)
            if published_at > self.now:
                published_at = self.now - timedelta(seconds=30 * (len(langs) - position))
            if original is None:
                article = Article(
                    locale=self.locales[code],
                    story_number=allocate_story_number(),
                    live=False,
                    **filing,
                )
            else:
                article = article_translate(article=original, edition=get_edition(code))
                # A translator may sign the other edition under their own name.
                if position == 2:
                    authors = [self.authors[(index + 5) % len(self.authors)]]
            self._fill_article(article, frame, words, code, filing, labels, authors, published_at)
            original = original or article
            written.append(article)
            self.summary.articles[code] += 1
        if index % CORRECTED_EVERY == 2:
            for article in written:
                self._correct(article, texts.CORRECTIONS[article.edition.code][index % 3])

    def _live_blog(self) -> None:
        """A running live blog in each edition (one story), its updates written over the
        last ten hours by two reporters, two of them pinned as key points."""
        started = self.now - timedelta(minutes=texts.LIVE_ENTRIES[0][0] + 5)
        original = None
        reporters = self.authors[:2]
        for position, code in enumerate(LANGS):
            words = texts.LIVE_BLOG[code]
            if original is None:
                blog = Article(
                    locale=self.locales[code],
                    story_number=allocate_story_number(),
                    live=False,
                    kind=Kind.LIVE,
                    section=self.sections["war"],
                )
            else:
                blog = article_translate(article=original, edition=get_edition(code))
            blog.headline, blog.lead = words["headline"], f"<p>{words['lead']}</p>"
            blog.summary = words["lead"][:300]
            blog.published_at = started + timedelta(minutes=position)
            blog.labels = [self.labels["live"]]
            blog.author_links = [
                ArticleAuthor(author=author, sort_order=order)
                for order, author in enumerate(reporters)
            ]
            blog.save()
            blog.save_revision().publish()
            original = original or blog
            LiveEntry.objects.bulk_create(
                LiveEntry(
                    article=blog,
                    published_at=self.now - timedelta(minutes=minutes),
                    headline=by_edition[code][0],
                    body=[("paragraph", RichText(f"<p>{by_edition[code][1]}</p>"))],
                    author=reporters[index % 2],
                    pinned=by_edition[code][0].startswith(("Головне", "Главное", "Key point")),
                )
                for index, (minutes, by_edition) in enumerate(texts.LIVE_ENTRIES)
            )
            self.summary.articles[code] += 1

    def _correct(self, article: Article, text: str) -> None:
        """A correction published some hours after the story (before now)."""
        made_at = max(
            article.published_at,
            min(article.published_at + timedelta(hours=3), self.now - timedelta(minutes=1)),
        )
        article.corrections = [Correction(text=text, made_at=made_at)]
        article.save_revision().publish()
        Article.objects.filter(pk=article.pk).update(updated_at=made_at)

    def _fill_article(self, article, frame, words, code, filing, labels, authors, published_at):
        article.headline = words["headline"]
        article.lead = f"<p>{words['lead']}</p>"
        article.summary = words["lead"][:300]
        article.published_at = published_at
        article.main_image_caption = texts.IMAGE_CAPTIONS[code] if filing["main_image"] else ""
        article.body = self._body(frame, words, code, filing)
        article.labels = labels
        article.author_links = [
            ArticleAuthor(author=author, sort_order=order) for order, author in enumerate(authors)
        ]
        article.tag_links = [
            ArticleTag(tag=self.tags[slug], sort_order=order)
            for order, slug in enumerate(frame["tags"])
        ]
        article.save()
        article.save_revision().publish()
        self.published_by_frame.setdefault(_frame_key(frame, code), []).append(article)

    def _body(self, frame: dict, words: dict, code: str, filing: dict) -> list:
        if "paragraphs" in words:
            body = [("paragraph", RichText(f"<p>{text}</p>")) for text in words["paragraphs"]]
            body.insert(2, ("ad_slot", None))
        else:
            outlet = self.rng.choice([None, None, *texts.OUTLETS])
            body = [
                (
                    "source",
                    {
                        "attribution": RichText(f"<p>{words['source']}</p>"),
                        "outlet": outlet or "",
                        "url": f"https://example.org/{outlet.lower().replace(' ', '-')}"
                        if outlet
                        else "",
                    },
                ),
                ("quote", {"quote": words["quote"], "speaker": words["speaker"]}),
                ("details", RichText("".join(f"<p>{text}</p>" for text in words["details"]))),
                ("ad_slot", None),
            ]
        if filing["has_photos"]:
            image = self.images[(len(self.images) - 1 - len(words["headline"]) % 5)]
            body.append(
                (
                    "image",
                    {
                        "image": image,
                        "alt": texts.IMAGE_CAPTIONS[code],
                        "caption": "",
                        "credit": "",
                    },
                )
            )
        if filing["has_video"]:
            body.append(
                ("embed", {"url": "https://www.youtube.com/watch?v=M7lc1UVf-VE", "caption": ""})
            )
        earlier = self.published_by_frame.get(_frame_key(frame, code), [])[-2:]
        if earlier:
            body.append(
                (
                    "background",
                    [
                        {
                            "text": texts.BACKGROUND_LINE[code].format(headline=item.headline),
                            "article": item,
                            "url": "",
                        }
                        for item in reversed(earlier)
                    ],
                )
            )
        return body


def fill(value, city: dict, number: int, code: str):
    name, located = city[code]
    if isinstance(value, list):
        return [fill(item, city, number, code) for item in value]
    return value.format(city=name, city_loc=located, n=number)


def _frame_key(frame: dict, code: str) -> tuple[str, str]:
    return frame[DEFAULT_EDITION.code]["headline"], code


def ensure_demo_accounts(*, password: str) -> list[str]:
    """The demo newsroom's logins: an editor, a reporter, a translator and a duty editor
    (who may take down many articles at once and freeze an account)."""
    User = get_user_model()
    accounts = {
        "editor": "Editors",
        "reporter": "Reporters",
        "translator": "Translators",
        "duty": "Duty editors",
    }
    for username, group in accounts.items():
        user, _created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        give_authenticator(user=user)
    return list(accounts)
