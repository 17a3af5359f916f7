"""The one place that reads the clock. Parsers never do: times are passed in."""

from datetime import datetime

from briefing_spider.parse.site_time import SEOUL


def now() -> datetime:
    """The current time, tz-aware, in Asia/Seoul."""
    return datetime.now(SEOUL)
