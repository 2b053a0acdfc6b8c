"""Dates and times as the newsroom shows them: Europe/Kyiv, written in the edition's language."""

from datetime import date, datetime, time, timedelta
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
    with translation.override(language):
        day = formats.date_format(local, SHORT_DAY_FORMAT)
    if today is None or local.year != today.year:
        day += f" {local.year}"
    return f"{day}, {local:%H:%M}"


def _written_out(value: date, format: str, language: str) -> str:
    with translation.override(language):
        text = formats.date_format(value, format)
    # Django capitalises weekdays in uk and ru ("Четвер"); in running text they are lower case.
    return text if language == "en" else text[:1].lower() + text[1:]
