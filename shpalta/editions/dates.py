"""Dates and times as the newsroom shows them: Europe/Kyiv, written in the edition's language."""

from contextlib import nullcontext
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import formats, timezone, translation

KYIV = ZoneInfo("Europe/Kyiv")

# "l" is the weekday, "E" the month in the form a date needs (genitive in uk and ru:
# "12 грудня"), "j" the day without a leading zero.
DATELINE_FORMAT = "l, j E Y, H:i"
DAY_FORMAT = "l, j E Y"
SHORT_DAY_FORMAT = "j E"


def kyiv_time(moment: datetime) -> datetime:
    return moment.astimezone(KYIV)


def kyiv_iso(moment: datetime | None) -> str:
    """A time in ISO 8601 at Kyiv's offset ("" for none): a page's <time datetime>, its
    structured data and meta tags, feeds, sitemaps and the API."""
    return moment.astimezone(KYIV).isoformat() if moment else ""


def kyiv_today() -> date:
    """Today in Kyiv: the day All News shows, the last day and month the archive and its
    sitemaps have."""
    return kyiv_time(timezone.now()).date()


def kyiv_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of a Kyiv day and of the next (23 or 25 hours apart when the clocks move)."""
    start = datetime.combine(day, time.min, tzinfo=KYIV)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=KYIV)


def dateline(moment: datetime, language: str) -> str:
    """`Thursday, 12 December 2024, 19:16`; `четвер, 12 грудня 2024, 19:16`."""
    return _written_out(kyiv_time(moment), DATELINE_FORMAT, language)


def day_heading(day: date, language: str) -> str:
    """`Thursday, 12 December 2024`; `четвер, 12 грудня 2024`."""
    return _written_out(day, DAY_FORMAT, language)


def time_in_list(moment: datetime, today: date | None, language: str) -> str:
    """A headline's time in a list: `19:16` on `today`, `12 December, 19:16` (`12 грудня,
    19:16`) on another day, with the year when it is not today's year."""
    local = kyiv_time(moment)
    if local.date() == today:
        return f"{local:%H:%M}"
    with_year = today is None or local.year != today.year
    return f"{_day_in_list(local.date(), with_year, language)}, {local:%H:%M}"


@lru_cache(maxsize=4096)
def _day_in_list(day: date, with_year: bool, language: str) -> str:
    """A list's lines share few days: each day's words are found once."""
    with _in_language(language):
        text = formats.date_format(day, SHORT_DAY_FORMAT)
    return f"{text} {day.year}" if with_year else text


def _written_out(value: date, format: str, language: str) -> str:
    with _in_language(language):
        text = formats.date_format(value, format)
    # Django capitalises weekdays in uk and ru ("Четвер"); in running text they are lower case.
    return text if language == "en" else text[:1].lower() + text[1:]


def _in_language(language: str):
    """translation.override(language), unless that language is active already (a reader's
    page always is: switching to it and back cost more than the date's words)."""
    if translation.get_language() == language:
        return nullcontext()
    return translation.override(language)
