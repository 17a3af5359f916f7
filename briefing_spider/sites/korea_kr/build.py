"""How a korea.kr release is read from its saved parts: a detail page (role `detail`) or one
open-API `<NewsItem>` (role `api_item`), and which attachment links each names. Pure."""

from __future__ import annotations

from briefing_spider.parse.page_model import DetailPage
from briefing_spider.sites.korea_kr.api import attachment_links_of, detail_of, parse_api_item
from briefing_spider.sites.korea_kr.detail import attachment_urls as page_attachment_urls, parse_detail

DETAIL_ROLE, API_ITEM_ROLE, API_LIST_ROLE = "detail", "api_item", "api_list"
SOURCE_ROLES = (DETAIL_ROLE, API_ITEM_ROLE)  # a tie goes to the page


def read_source(role: str, text: str, url: str) -> DetailPage:
    """The release page of a saved source; raises PageParseError when a required field is missing."""
    if role == API_ITEM_ROLE:
        return detail_of(parse_api_item(text.encode("utf-8")))
    return parse_detail(text, url)


def attachment_urls(role: str, text: str, url: str) -> tuple[str, ...]:
    if role == API_ITEM_ROLE:
        return tuple(link.url for link in attachment_links_of(parse_api_item(text.encode("utf-8"))))
    return page_attachment_urls(text, url)
