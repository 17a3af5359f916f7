"""How a korea.kr release is read from its saved parts: a detail page (role `detail`) or one
open-API `<NewsItem>` (role `api_item`), and which attachment links each names. A detail page of
another briefing-room section (its address says which: sections.py) is read by that section's
parser (section_build.py). Pure."""

from __future__ import annotations

from briefing_spider.parse.page_model import DetailPage
from briefing_spider.sites.korea_kr.api import attachment_links_of, detail_of, parse_api_item
from briefing_spider.sites.korea_kr.detail import attachment_urls as page_attachment_urls
from briefing_spider.sites.korea_kr.detail import parse_detail
from briefing_spider.sites.korea_kr.section_build import read_section_page
from briefing_spider.sites.korea_kr.sections import section_of_url

DETAIL_ROLE, API_ITEM_ROLE, API_LIST_ROLE = "detail", "api_item", "api_list"
SOURCE_ROLES = (DETAIL_ROLE, API_ITEM_ROLE)  # a tie goes to the page
PRESS_RELEASE = "press_release"


def read_source(role: str, text: str, url: str) -> DetailPage:
    """The release page of a saved source; raises PageParseError when a required field is missing."""
    if role == API_ITEM_ROLE:
        return detail_of(parse_api_item(text.encode("utf-8")))
    section = section_of_url(url)  # the kind is the detail page's own (section_build.py)
    if section is not None and section.kind != PRESS_RELEASE:
        return read_section_page(text, url, section)
    return parse_detail(text, url)


def attachment_urls(role: str, text: str, url: str) -> tuple[str, ...]:
    if role == API_ITEM_ROLE:
        return tuple(link.url for link in attachment_links_of(parse_api_item(text.encode("utf-8"))))
    return page_attachment_urls(text, url)
