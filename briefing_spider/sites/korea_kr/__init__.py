"""www.korea.kr 정책브리핑 — the briefing room: addresses (site.py), list, detail and body parsers
(listing.py, detail.py, body.py; pages.py is their public interface), the data.go.kr open-API
mapping (api.py), how a release is read from its saved parts (build.py), and the spiders
(spiders/). `SITE` is what the core sees (briefing_spider/sites/__init__.py)."""

from briefing_spider.sites import Site
from briefing_spider.sites.korea_kr.api import API_URL
from briefing_spider.sites.korea_kr.build import API_ITEM_ROLE, SOURCE_ROLES, attachment_urls, read_source
from briefing_spider.sites.korea_kr.section_parsers import PARSERS, parse_section_file
from briefing_spider.sites.korea_kr.sections import KINDS  # every section of the briefing room, press releases first
from briefing_spider.sites.korea_kr.site import SITE as ORIGIN
from briefing_spider.sites.korea_kr.site import canonical_detail_url

SITE = Site(
    name="korea_kr",
    title="Korean government briefings (korea.kr)",
    base_url=ORIGIN,
    hosts=frozenset({"www.korea.kr", "korea.kr"}),
    kinds=KINDS,
    source_roles=SOURCE_ROLES,
    item_roles=frozenset({API_ITEM_ROLE}),
    read_source=read_source,
    attachment_urls=attachment_urls,
    page_url=canonical_detail_url,
    spiders={
        "site": "briefing_spider.sites.korea_kr.spiders.press:KoreaKrPressSpider",
        "api": "briefing_spider.sites.korea_kr.spiders.api:KoreaKrApiSpider",
    },
    spider_module="briefing_spider.sites.korea_kr.spiders",
    defaults={"api_url": API_URL},
    parse_kinds=tuple(PARSERS),  # the briefing room's other sections: `briefing parse --kind` reads them too
    parse_page_file=parse_section_file,
)
