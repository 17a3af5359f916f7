"""korea.kr 정책브리핑 pages: the parsers' public interface.

Selectors are named constants and hypotheses with fallbacks (see MARKUP.md in the shared
corpus); a missing required field raises `PageParseError` naming the field, so a changed layout
is loud, never silent.
"""

from briefing_spider.sites.korea_kr.detail import (
    AttachmentLink,
    DetailPage,
    attachment_links,
    attachment_urls,
    parse_detail,
)
from briefing_spider.sites.korea_kr.listing import ListEntry, ListPage, parse_list
from briefing_spider.sites.korea_kr.site import (
    DETAIL_PATH,
    LIST_PATH,
    SITE,
    PageParseError,
    canonical_detail_url,
    news_id_of,
    site_of,
)

__all__ = [
    "AttachmentLink",
    "DetailPage",
    "DETAIL_PATH",
    "LIST_PATH",
    "ListEntry",
    "ListPage",
    "PageParseError",
    "SITE",
    "attachment_links",
    "attachment_urls",
    "canonical_detail_url",
    "news_id_of",
    "parse_detail",
    "parse_list",
    "site_of",
]
