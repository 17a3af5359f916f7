"""Machine-written times on korea.kr pages and in its API, read as Asia/Seoul."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser
from dateutil import tz

SEOUL = tz.gettz("Asia/Seoul")
DOTTED_DATE = re.compile(r"(?P<y>\d{4})\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2})")
KOREAN_DATE = re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
API_DATETIME = re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$")  # MM/DD/YYYY HH:MM:SS


def to_seoul(moment: datetime) -> datetime:
    """A naive time is Korea time; an aware one is converted to it."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SEOUL)
    return moment.astimezone(SEOUL)


def parse_site_datetime(value: str | None) -> datetime | None:
    """`2026-07-22T20:53:46+09:00`, `2026-07-22 20:53:46`, `2026.07.22`, `07/22/2026 20:53:46`."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if API_DATETIME.match(value):
        return to_seoul(datetime.strptime(value, "%m/%d/%Y %H:%M:%S"))
    day_only = DOTTED_DATE.fullmatch(value.rstrip(".")) or KOREAN_DATE.fullmatch(value)
    if day_only:
        try:
            return to_seoul(datetime(int(day_only["y"]), int(day_only["m"]), int(day_only["d"])))
        except ValueError:  # 2026-13-45
            return None
    try:
        return to_seoul(datetime.fromisoformat(value))  # fast path: the usual JSON-LD form
    except ValueError:
        pass
    try:
        return to_seoul(dateutil_parser.isoparse(value))
    except ValueError:
        pass
    try:
        return to_seoul(dateutil_parser.parse(value))
    except (ValueError, OverflowError):
        return None


def find_date(text: str) -> date | None:
    """The first `YYYY.MM.DD` / `YYYY-MM-DD` / `YYYY년 M월 D일` date in a string."""
    match = DOTTED_DATE.search(text or "") or KOREAN_DATE.search(text or "")
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
