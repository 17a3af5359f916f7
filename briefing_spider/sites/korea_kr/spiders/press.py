"""korea.kr's briefing room from its pages: every kind's list → detail pages → attachments. The
crawl kit (briefing_spider/crawl) does all of it; the sections say how (sections.py)."""

from __future__ import annotations

from briefing_spider.crawl.spider import ArchiveSpider
from briefing_spider.sites.korea_kr import SITE


class KoreaKrSpider(ArchiveSpider):
    name = "korea_kr_press"  # the name `scrapy crawl` and crawl_runs.arguments have always known
    site = SITE
