"""Addresses of a crawler's walk (run by bench/run.py through `manage.py shell`): every
live article of the archive older than three days, in a repeatable random order, and
the newest article (today's story that readers keep asking for). Prints one JSON
object: {"archive": [paths], "newest": path}."""

import json
import random
from datetime import timedelta

from django.utils import timezone

from shpalta.newsroom.models import Article

rng = random.Random(11)  # noqa: S311  (a repeatable order, not a secret)
live = Article.objects.live().select_related("locale")
old = [a.get_absolute_url() for a in live.filter(published_at__lt=timezone.now() - timedelta(3))]
rng.shuffle(old)
newest = live.order_by("-published_at").first()
print(json.dumps({"archive": old, "newest": newest.get_absolute_url()}))
