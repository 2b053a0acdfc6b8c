"""Dates and times as the newsroom shows them: Europe/Kyiv, written in the edition's language."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import formats, translation

KYIV = ZoneInfo("Europe/Kyiv")

# "l" is the weekday, "E" the month in the form a date needs (genitive in uk and ru:
# "12 грудня"), "j" the day without a leading zero.
DATELINE_FORMAT = "l, j E Y, H:i"
DAY_FORMAT = "l, j E Y"


def kyiv_time(moment: datetime) -> datetime:
    return moment.astimezone(KYIV)


def dateline(moment: datetime, language: str) -> str:
    """`Thursday, 12 December 2024, 19:16`; `четвер, 12 грудня 2024, 19:16`."""
    return _written_out(kyiv_time(moment), DATELINE_FORMAT, language)


def day_heading(day: date, language: str) -> str:
    """`Thursday, 12 December 2024`; `четвер, 12 грудня 2024`."""
    return _written_out(day, DAY_FORMAT, language)


def _written_out(value: date, format: str, language: str) -> str:
    with translation.override(language):
        text = formats.date_format(value, format)
    # Django capitalises weekdays in uk and ru ("Четвер"); in running text they are lower case.
    return text if language == "en" else text[:1].lower() + text[1:]
