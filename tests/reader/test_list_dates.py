"""Lists whose items span days date the older ones: a tag's, section's, author's or
label's list, the front page's stream and sections, and the recent-news column give
"4 грудня, 14:30" for an item of another day and "14:30" for today's; All News of a day
gives times only (its heading names the day). A line is kept per day it is shown on:
the same story's line, kept for today's tag page, is not the one All News of its own day
shows."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from shpalta.editions.dates import KYIV

from ..factories import make_article, make_section, make_tag

pytestmark = pytest.mark.django_db
MONTHS = (None, "січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
          "серпня", "вересня", "жовтня", "листопада", "грудня")  # fmt: skip


def times(html: str, headline: str) -> set[str]:
    """The times shown on the list lines of `headline` in a page."""
    line = r'<time[^>]*>([^<]+)</time>\s*(?:<span class="label">[^<]*</span>\s*)*<a href="[^"]*">'
    return set(re.findall(line + re.escape(headline) + "</a>", html))


def test_older_items_show_their_date_and_todays_their_time(client, newsroom):
    tag, section = make_tag("drones"), make_section("war")
    now = timezone.now()
    old = make_article(
        headline="Учорашня новина", tags=[tag], section=section,
        published_at=now - timedelta(days=1, hours=1),
    )  # fmt: skip
    new = make_article(headline="Сьогоднішня новина", tags=[tag], section=section)
    then, today = (timezone.localtime(a.published_at, KYIV) for a in (old, new))
    dated = f"{then.day} {MONTHS[then.month]}, {then:%H:%M}"
    for url in ("/tags/drones/", "/sections/war/", "/", new.get_absolute_url()):
        html = client.get(url).content.decode()
        assert times(html, "Учорашня новина") == {dated}, url
        if url != new.get_absolute_url():  # not in its own page's lists
            assert times(html, "Сьогоднішня новина") == {f"{today:%H:%M}"}, url
    # After the tag page kept its (dated) line:
    its_day = client.get(f"/news/{then:%Y/%m}/{then.day}/").content.decode()
    main = its_day[its_day.index("<main") :]
    assert times(main, "Учорашня новина") == {f"{then:%H:%M}"}
