"""One builder of synthetic `Release` records for the tests: the fields every release must
have, filled in, and any field given by keyword. Test modules keep their own thin builders only
for what they vary (a title, a day, a ministry)."""

from __future__ import annotations

from datetime import datetime

from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Ministry, Release

DAY = datetime(2026, 4, 13, 9, tzinfo=SEOUL)


def make_release(news_id: str = "900000001", **fields) -> Release:
    """A press release of korea.kr: `news_id`, its title `제목 <news_id>`, posted 2026-04-13 09:00
    Seoul, at an example URL; `ministry` may be a name (a Ministry of that name, canonical
    itself)."""
    if isinstance(fields.get("ministry"), str):
        fields["ministry"] = Ministry(name=fields["ministry"], canonical=fields["ministry"])
    defaults = {
        "site": "korea_kr",
        "kind": "press_release",
        "url": f"https://example.test/{news_id}",
        "title": f"제목 {news_id}",
        "published_at": DAY,
    }
    return Release(news_id=news_id, **{**defaults, **fields})
