from datetime import date, datetime

import pytest

from briefing_spider.parse.site_time import SEOUL, find_date, parse_site_datetime


@pytest.mark.parametrize(
    "written, expected",
    [
        ("2026-04-13T10:46:30+09:00", datetime(2026, 4, 13, 10, 46, 30, tzinfo=SEOUL)),
        ("2026-04-13T10:46:30", datetime(2026, 4, 13, 10, 46, 30, tzinfo=SEOUL)),  # naive is Korea time
        ("2026-04-13T01:46:30Z", datetime(2026, 4, 13, 10, 46, 30, tzinfo=SEOUL)),  # converted
        ("2026-04-13 10:46:30", datetime(2026, 4, 13, 10, 46, 30, tzinfo=SEOUL)),
        ("04/13/2026 10:46:30", datetime(2026, 4, 13, 10, 46, 30, tzinfo=SEOUL)),  # the open API's form
        ("2026.04.13 10:46", datetime(2026, 4, 13, 10, 46, tzinfo=SEOUL)),
        ("2026.4.13.", datetime(2026, 4, 13, tzinfo=SEOUL)),
        ("2026년 4월 13일", datetime(2026, 4, 13, tzinfo=SEOUL)),
    ],
)
def test_site_times_are_read_as_asia_seoul(written, expected):
    parsed = parse_site_datetime(written)
    assert parsed == expected and parsed.utcoffset().total_seconds() == 9 * 3600


@pytest.mark.parametrize("written", [None, "", "  ", "어제", "2026-13-45"])
def test_unreadable_times_are_none(written):
    assert parse_site_datetime(written) is None


def test_find_date_in_text():
    assert find_date("게시 2026. 4. 13. 외교부") == date(2026, 4, 13)
    assert find_date("2026년 4월 13일(월) 발표") == date(2026, 4, 13)
    assert find_date("날짜 없음") is None and find_date("2026.02.30") is None
