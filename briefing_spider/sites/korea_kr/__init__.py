"""www.korea.kr 정책브리핑 — the briefing room, declared: its four sections (sections.py), its
sources (its pages; the data.go.kr open API), and the parsers that read them — lists
(listing.py), detail pages (detail.py, body.py, section_page.py), each kind's own parts
(briefing.py, fact_check.py, state_council.py), open-API pages and items (api.py). `SITE` is all
the core sees (briefing_spider/contract); the crawl kit makes its spiders (crawl/spiders.py)."""

from briefing_spider.contract import Feed, Role, Site, Source
from briefing_spider.sites.korea_kr.api import API_URL, read_api_item, read_api_page
from briefing_spider.sites.korea_kr.section_page import read_page_text
from briefing_spider.sites.korea_kr.sections import PRESS_RELEASE, SECTIONS
from briefing_spider.sites.korea_kr.site import SITE as ORIGIN

SITE = Site(
    name="korea_kr",
    title="Korean government briefings (korea.kr)",
    base_url=ORIGIN,
    hosts=frozenset({"www.korea.kr", "korea.kr"}),
    sections=SECTIONS,
    sources={
        "site": Source(spider_name="korea_kr_press", label="the korea.kr pages"),
        "api": Source(
            spider_name="korea_kr_api",
            label="the data.go.kr open API",
            feed=Feed(kind=PRESS_RELEASE, parse_page=read_api_page),  # windows of 3 days, 100 a page
            url=API_URL,
            key_env="BRIEFING_API_KEY",
            key_label="a data.go.kr service key",
            kinds=(PRESS_RELEASE,),
        ),
    },
    items={Role.API_ITEM: read_api_item},
    read_text=read_page_text,
)
