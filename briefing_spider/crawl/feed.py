"""`FeedSpider`: a site's machine source (`Source.feed`, an open API) read into the archive. The
range is read in windows of at most `Feed.window_days`, oldest first, page by page; each page is
saved raw (role api_list), each item alone (role api_item, URL `page#anchor=id`), then its files
one after another (the release chain of releases.py) and `ReleaseComplete`. A `FeedError` stops
the crawl: no more pages, releases already started finish, and the run closes as `api_error`
with the error's one line. The key (`key`) is sent in the request only (keys.py)."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from urllib.parse import quote, unquote, urlencode

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from briefing_spider.clock import now
from briefing_spider.contract import Feed, FeedError, FeedPage, Role
from briefing_spider.crawl.failures import failure_reason, failure_status, response_headers
from briefing_spider.crawl.items import Fetched
from briefing_spider.crawl.keys import KeyMaskFilter, mask_body, mask_key
from briefing_spider.crawl.spider import ArchiveSpider

FEED_PRIORITY = 30
STOPPED_REASON = "api_error"  # the close reason, and so the crawl run's status


def windows(since: date, until: date, days: int) -> list[tuple[date, date]]:
    """[since, until] cut into consecutive windows of at most `days` days, oldest first."""
    spans, start = [], since
    while start <= until:
        end = min(start + timedelta(days=days - 1), until)
        spans.append((start, end))
        start = end + timedelta(days=1)
    return spans


class FeedSpider(ArchiveSpider):
    feed: Feed  # the source's, set by crawl/spiders.py

    def __init__(self, *args, key: str = "", **kwargs):
        super().__init__(*args, **kwargs)  # base_url: the feed's endpoint
        if self.feed.key_param and not key:
            raise ValueError(f"{self.site.source(self.source).label} needs a key")
        self._key = quote(unquote(key), safe="")  # one encoding, whether given encoded or not
        self.pending: list[tuple[date, date]] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        return spider

    def first_requests(self):
        for handler in logging.getLogger().handlers:
            handler.addFilter(KeyMaskFilter(self._key, self.feed.key_param or "key"))
        self.pending = windows(self.within.since, self.within.until, self.feed.window_days)
        self.logger.info("reading %s in %d windows", self.masked(self.base_url), len(self.pending))
        first = self.next_window()
        return [first] if first is not None else []

    def incomplete_requests(self):
        return []  # the feed lists every item of the range again: nothing to fetch besides

    def next_window(self) -> scrapy.Request | None:
        return self.feed_request(*self.pending.pop(0), 1) if self.pending else None

    def feed_request(self, start: date, end: date, page: int) -> scrapy.Request:
        feed = self.feed
        first, last = feed.date_params
        query = {
            first: f"{start:{feed.date_format}}",
            last: f"{end:{feed.date_format}}",
            feed.page_param: page,
            feed.size_param: feed.page_size,
        }
        key = f"{feed.key_param}={self._key}&" if feed.key_param else ""
        # A keyed service for programs, not a site for crawlers: its robots.txt does not apply.
        meta = {"handle_httpstatus_all": True, "dont_obey_robotstxt": True}
        return scrapy.Request(
            f"{self.base_url}?{key}{urlencode(query)}",
            callback=self.parse_feed,
            errback=self.feed_failed,
            cb_kwargs={"window": (start, end), "page": page},
            meta=meta,
            priority=FEED_PRIORITY,
            dont_filter=True,
        )

    def parse_feed(self, response: Response, window: tuple[date, date], page: int):
        self.any_response = True
        try:
            listing = self.feed.parse_page(response.body, response.status)
        except FeedError as error:
            yield from self.stop(str(error), response)
            return
        yield self.fetched_feed(response, role=Role.API_LIST, body=response.body)
        for item in listing.items:
            if item.news_id in self.scheduled or self.limit_reached:
                continue
            self.scheduled.add(item.news_id)
            yield self.fetched_feed(response, role=Role.API_ITEM, body=item.body, news_id=item.news_id)
            # An attachment URL names one file: one already downloaded well is not fetched again.
            urls = [url for url in item.attachment_urls if not self.state.has_download(url)]
            yield from self.next_attachment(item.news_id, self.feed.kind, self.item_url(response, item.news_id), urls)
        following = self.following(listing, window, page)
        if following is not None:
            yield following

    def following(self, listing: FeedPage, window: tuple[date, date], page: int) -> scrapy.Request | None:
        """The next page of this window, else the first page of the next window."""
        if self.limit_reached:
            return None
        rows = listing.per_page or self.feed.page_size
        more = listing.items and (listing.total is None or page * rows < listing.total)
        if more and page < self.feed.max_pages:
            return self.feed_request(*window, page + 1)
        return self.next_window()

    def stop(self, reason: str, response: Response):
        """No more pages; releases already started finish, then the crawl closes as an error. The
        error is recorded in the archive only when this crawl has already saved something."""
        self.stopped, self.pending = reason, []
        self.logger.error("%s", reason)
        if self.scheduled:
            yield self.fetched_feed(response, role=Role.API_LIST, body=response.body, error=reason)

    def feed_failed(self, failure):
        if self.site_unreachable(failure):
            return
        self.stopped, self.pending = f"the source failed: {failure_reason(failure)}", []
        if self.scheduled:
            yield Fetched(
                url=self.masked(failure.request.url),
                status=failure_status(failure),
                body=b"",
                fetched_at=now(),
                role=Role.API_LIST,
                error=self.stopped,
            )

    def idle(self) -> None:
        if self.stopped is not None:
            raise CloseSpider(STOPPED_REASON)

    def masked(self, text: str) -> str:
        return mask_key(text, self._key, self.feed.key_param or "key")

    def item_url(self, response: Response, news_id: str) -> str:
        return f"{self.masked(response.url)}#{self.feed.item_anchor}={news_id}"

    def fetched_feed(
        self, response: Response, *, role: str, body: bytes, news_id: str | None = None, error: str | None = None
    ) -> Fetched:
        url = self.item_url(response, news_id) if news_id else self.masked(response.url)
        return Fetched(
            url=url,
            status=response.status,
            body=mask_body(body, self._key),
            fetched_at=now(),
            role=role,
            news_id=news_id,
            headers=response_headers(response),
            error=error,
        )
