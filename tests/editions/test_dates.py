from datetime import UTC, datetime

import pytest

from shpalta.editions.dates import dateline

# 12 December 2024, 17:16 UTC is 19:16 in Kyiv (EET, UTC+2).
WINTER = datetime(2024, 12, 12, 17, 16, tzinfo=UTC)
# In summer Kyiv is on EEST, UTC+3.
SUMMER = datetime(2024, 7, 4, 9, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Thursday, 12 December 2024, 19:16"),
        ("uk", "четвер, 12 грудня 2024, 19:16"),
        ("ru", "четверг, 12 декабря 2024, 19:16"),
    ],
)
def test_dateline_is_written_out_in_the_editions_language_in_kyiv_time(language, expected):
    assert dateline(WINTER, language) == expected


def test_dateline_follows_kyiv_summer_time():
    assert dateline(SUMMER, "en") == "Thursday, 4 July 2024, 12:05"
