"""A story republished with a new photograph: what the editor waits for on Publish and
what its first reader waits for, in-process (Django's test client), on whatever archive
the database holds (bench/RESULTS.md):

    SECRET_KEY=x SHPALTA_VAR_DIR=var/bench/archive-10000 PAGE_CACHE=0 \\
        PAGE_CACHE_PATH=/tmp/photo-store.sqlite3 python bench/new_photo.py

Each round uploads a new photograph (PHOTO pixels, a JPEG of noise: a camera's size and
about its weight), makes it the main image of the edition's newest story, and publishes
it; then the story's first reader asks for the article page, the edition's RSS and the
API's item, with nothing kept (the fragment store emptied, no page cache). Two kinds of
round, alternating: "made at publish" (as Shpalta publishes: Publish makes the
renditions readers are shown), and "left to the reader" (as before: the renditions made
first, untimed, so that Publish finds them and costs what it did without making them;
then deleted before the reader comes, who makes them). Prints p50 and max ms of the
editor's Publish and of the reader's three requests, per kind.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shpalta.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.test import Client  # noqa: E402
from PIL import Image  # noqa: E402

from shpalta.caching.local import forget_all  # noqa: E402
from shpalta.caching.pages import store  # noqa: E402
from shpalta.newsroom.models import Article, NewsImage, NewsRendition  # noqa: E402
from shpalta.newsroom.renditions import make_reader_renditions  # noqa: E402

PHOTO = (4000, 2667)  # 10.7 MP
ROUNDS = 8  # of each kind


def photo(number: int) -> NewsImage:
    buffer = io.BytesIO()
    Image.effect_noise(PHOTO, 40).convert("RGB").save(buffer, "JPEG", quality=85)
    name = f"bench-photo-{number}.jpg"
    return NewsImage.objects.create(title=name, file=ImageFile(buffer, name=name))


def main() -> None:
    if settings.PAGE_CACHE:
        raise SystemExit("run with PAGE_CACHE=0: the reader's requests must render")
    story = Article.objects.live().in_edition("en").order_by("-published_at").first()
    original = story.main_image
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "")
    reader = [story.get_absolute_url(), "/eng/rss/", f"/api/v1/articles/en/{story.story_number}/"]
    for url in reader:  # the process's first requests (templates, queries): not timed
        assert client.get(url).status_code == 200, url
    times = {kind: {"publish": [], "reader": []} for kind in ("made at publish", "left")}
    made = []
    try:
        for number in range(2 * ROUNDS):
            kind = "made at publish" if number % 2 == 0 else "left"
            image = photo(number)
            made.append(image)
            story.main_image = image
            if kind == "left":
                make_reader_renditions(image, [])
            started = time.perf_counter()
            story.save_revision().publish()
            times[kind]["publish"].append((time.perf_counter() - started) * 1000)
            if kind == "left":
                NewsRendition.objects.filter(image=image).delete()
            store().clear()
            forget_all()
            started = time.perf_counter()
            for url in reader:
                assert client.get(url).status_code == 200, url
            times[kind]["reader"].append((time.perf_counter() - started) * 1000)
    finally:
        story.main_image = original
        story.save_revision().publish()
        for image in made:
            image.delete()
    print(f"{Article.objects.count():,} articles; photo {PHOTO[0]}x{PHOTO[1]}, {ROUNDS} rounds")
    print("kind                      Publish p50 / max ms   first reader p50 / max ms")
    for kind, found in times.items():
        name = "made at publish" if kind != "left" else "left to the reader"
        publish, read = found["publish"], found["reader"]
        print(
            f"{name:24}  {statistics.median(publish):8.0f} / {max(publish):5.0f}"
            f"        {statistics.median(read):8.0f} / {max(read):5.0f}"
        )


if __name__ == "__main__":
    main()
