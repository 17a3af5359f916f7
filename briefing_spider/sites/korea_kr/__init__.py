"""www.korea.kr 정책브리핑 — the briefing room, declared: its four sections (sections.py), its
sources (its pages; the data.go.kr open API), and the parsers that read them — lists
(listing.py), detail pages (detail.py, body.py, section_page.py), each kind's own parts
(briefing.py, fact_check.py, state_council.py), open-API items (api.py). `SITE` is all the core
sees (briefing_spider/contract). The spiders (spiders/) only name it."""

from briefing_spider.contract import Role, Site, Source
from briefing_spider.sites.korea_kr.api import API_URL, read_api_item
from briefing_spider.sites.korea_kr.section_page import read_page_text
from briefing_spider.sites.korea_kr.sections import PRESS_RELEASE, SECTIONS
from briefing_spider.sites.korea_kr.site import SITE as ORIGIN

SPIDERS = "briefing_spider.sites.korea_kr.spiders"

SITE = Site(
    name="korea_kr",
    title="Korean government briefings (korea.kr)",
    base_url=ORIGIN,
    hosts=frozenset({"www.korea.kr", "korea.kr"}),
    sections=SECTIONS,
    sources={
        "site": Source(spider=f"{SPIDERS}.press:KoreaKrSpider", label="the korea.kr pages"),
        "api": Source(
            spider=f"{SPIDERS}.api:KoreaKrApiSpider",
            label="the data.go.kr open API",
            url=API_URL,
            key_env="BRIEFING_API_KEY",
            key_label="a data.go.kr service key",
            kinds=(PRESS_RELEASE,),
        ),
    },
    items={Role.API_ITEM: read_api_item},
    spider_module=SPIDERS,
    read_text=read_page_text,
)
