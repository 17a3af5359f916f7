"""A machine source of a site (an open API): pages of items, each item a release by itself. The
crawl kit reads a date range in windows, page by page (crawl/feed.py); the site declares the
parameters and a pure parser of one page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class FeedError(Exception):
    """The source refused or failed (an expired key, a daily limit, a body that is not its
    format): one line; the crawl asks for no more pages and says it."""


@dataclass(frozen=True, kw_only=True)
class FeedItem:
    news_id: str
    body: bytes  # saved alone (role api_item), read later by the site's item reader
    attachment_urls: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class FeedPage:
    items: tuple[FeedItem, ...]
    total: int | None  # what the source says the window holds
    per_page: int | None


@dataclass(frozen=True, kw_only=True)
class Feed:
    kind: str  # the kind its items are
    parse_page: Callable[[bytes, int], FeedPage]  # (body, HTTP status) → a page; raises FeedError
    date_params: tuple[str, str] = ("startDate", "endDate")
    date_format: str = "%Y%m%d"
    window_days: int = 3  # the longest window the source answers
    page_param: str = "pageNo"
    size_param: str = "numOfRows"
    page_size: int = 100
    key_param: str | None = "serviceKey"  # the key goes in the request only, masked everywhere else
    item_anchor: str = "NewsItemId"  # an item's URL: its page's URL#item_anchor=news_id
    max_pages: int = 500  # per window, whatever its total says
