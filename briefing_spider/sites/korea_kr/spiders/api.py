"""The data.go.kr open API as a second source: API pages by ≤3-day window → each item's files.

Navigation only, like the HTML spider (whose attachment chaining it inherits). Each API page is
saved raw (role `api_list`), each `<NewsItem>` element as its own raw response (role `api_item`),
then its FileUrl downloads one after another; `ReleaseComplete` has the pipeline build the record
from the raw store (`archive/rebuild.py`), as for a detail page.

The service key never leaves the request: saved URLs say `serviceKey=***`, a body that echoes it
is masked, and a log filter masks it in every log line.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from urllib.parse import quote, unquote, urlencode

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from briefing_spider.clock import now
from briefing_spider.contract import Role
from briefing_spider.crawl.failures import failure_reason, failure_status, response_headers
from briefing_spider.crawl.items import Fetched
from briefing_spider.crawl.spider import ArchiveSpider
from briefing_spider.sites.korea_kr import SITE
from briefing_spider.sites.korea_kr.api import ApiError, ApiPage, attachment_links_of, parse_api_page
from briefing_spider.sites.korea_kr.sections import PRESS_RELEASE

WINDOW_DAYS = 3  # the API refuses a longer window (THREE_DAYS_OVER_ERROR)
ROWS_PER_PAGE = 100
MAX_PAGES_PER_WINDOW = 500  # a bound on paging whatever totalCount says
API_PRIORITY = 30
MASK = "***"
KEY_PARAM = re.compile(r"(?i)(serviceKey=)[^&#]*")
API_ERROR_REASON = "api_error"  # the close reason, and so the crawl run's status


def windows(since: date, until: date, days: int = WINDOW_DAYS) -> list[tuple[date, date]]:
    """[since, until] cut into consecutive windows of at most `days` days, oldest first."""
    spans, start = [], since
    while start <= until:
        end = min(start + timedelta(days=days - 1), until)
        spans.append((start, end))
        start = end + timedelta(days=1)
    return spans


def mask_key(text: str, key: str | None = None) -> str:
    """`serviceKey=…` → `serviceKey=***`, and the key itself (raw or URL-encoded) anywhere."""
    text = KEY_PARAM.sub(lambda m: m[1] + MASK, text)
    for form in _key_forms(key):
        text = text.replace(form, MASK)
    return text


def _key_forms(key: str | None) -> list[str]:
    if not key:
        return []
    return sorted({key, unquote(key), quote(unquote(key), safe="")}, key=len, reverse=True)


class KeyMaskFilter(logging.Filter):
    """Masks the service key in every log record that passes a handler."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_key(message, self.key)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


class KoreaKrApiSpider(ArchiveSpider):
    name = "korea_kr_api"
    site = SITE
    source = "api"

    def __init__(self, *args, key: str = "", **kwargs):
        super().__init__(*args, **kwargs)  # base_url: the API's list endpoint
        if not key:
            raise ValueError("the open API needs a service key")
        self._key = quote(unquote(key), safe="")  # one encoding, whether given encoded or not
        self.pending: list[tuple[date, date]] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        return spider

    def first_requests(self):
        """The range in windows of at most three days, one after another."""
        self.mask_logs()
        self.pending = windows(self.within.since, self.within.until)
        self.logger.info("reading the open API %s in %d windows", self.base_url, len(self.pending))
        first = self.next_window()
        return [first] if first is not None else []

    def incomplete_requests(self):
        return []  # the API lists every item again: nothing to fetch besides

    def mask_logs(self) -> None:
        for handler in logging.getLogger().handlers:
            handler.addFilter(KeyMaskFilter(self._key))

    def next_window(self) -> scrapy.Request | None:
        if not self.pending:
            return None
        start, end = self.pending.pop(0)
        return self.api_request(start, end, 1)

    def api_request(self, start: date, end: date, page: int) -> scrapy.Request:
        query = urlencode(
            {"startDate": f"{start:%Y%m%d}", "endDate": f"{end:%Y%m%d}", "pageNo": page, "numOfRows": ROWS_PER_PAGE}
        )
        # A keyed API for programs, not a site for crawlers: its robots.txt does not apply.
        meta = {"handle_httpstatus_all": True, "dont_obey_robotstxt": True}
        return scrapy.Request(
            f"{self.base_url}?serviceKey={self._key}&{query}",
            callback=self.parse_api,
            errback=self.api_failed,
            cb_kwargs={"window": (start, end), "page": page},
            meta=meta,
            priority=API_PRIORITY,
            dont_filter=True,
        )

    def parse_api(self, response: Response, window: tuple[date, date], page: int):
        self.any_response = True
        try:
            listing = parse_api_page(response.body, status=response.status)
        except ApiError as error:
            yield from self.stop(error, response)
            return
        yield self.fetched_api(response, role=Role.API_LIST, body=response.body)
        for item in listing.items:
            if item.news_id in self.scheduled or (self.limit is not None and len(self.scheduled) >= self.limit):
                continue
            self.scheduled.add(item.news_id)
            yield self.fetched_api(response, role=Role.API_ITEM, body=item.xml, news_id=item.news_id)
            # An attachment URL names one file: one already downloaded well is not fetched again.
            urls = [link.url for link in attachment_links_of(item) if not self.state.has_download(link.url)]
            yield from self.next_attachment(item.news_id, PRESS_RELEASE, self.item_url(response, item.news_id), urls)
        following = self.following(listing, window, page)
        if following is not None:
            yield following

    def following(self, listing: ApiPage, window: tuple[date, date], page: int) -> scrapy.Request | None:
        """The next page of this window, else the first page of the next window."""
        if self.limit is not None and len(self.scheduled) >= self.limit:
            return None
        rows = listing.num_of_rows or ROWS_PER_PAGE
        more = listing.items and (listing.total_count is None or page * rows < listing.total_count)
        if more and page < MAX_PAGES_PER_WINDOW:
            return self.api_request(*window, page + 1)
        return self.next_window()

    def stop(self, error: ApiError, response: Response):
        """No more API pages; releases already started finish, then the crawl closes as an error.
        The error is recorded in the archive only when this crawl has already saved something."""
        self.stopped, self.pending = str(error), []
        self.logger.error("%s", error)
        if self.scheduled:
            yield self.fetched_api(response, role=Role.API_LIST, body=response.body, error=str(error))

    def api_failed(self, failure):
        request = failure.request
        if self.site_unreachable(failure):
            return
        self.stopped, self.pending = str(ApiError("?", "DOWNLOAD_FAILED", failure_reason(failure))), []
        if self.scheduled:
            yield Fetched(
                url=mask_key(request.url, self._key),
                status=failure_status(failure),
                body=b"",
                fetched_at=now(),
                role=Role.API_LIST,
                error=self.stopped,
            )

    def idle(self) -> None:
        if self.stopped is not None:
            raise CloseSpider(API_ERROR_REASON)

    def item_url(self, response: Response, news_id: str) -> str:
        return f"{mask_key(response.url, self._key)}#NewsItemId={news_id}"

    def fetched_api(
        self, response: Response, *, role: str, body: bytes, news_id: str | None = None, error: str | None = None
    ) -> Fetched:
        url = self.item_url(response, news_id) if news_id else mask_key(response.url, self._key)
        for form in _key_forms(self._key):  # a body that echoes the key must not store it
            body = body.replace(form.encode("utf-8"), MASK.encode())
        return Fetched(
            url=url,
            status=response.status,
            body=body,
            fetched_at=now(),
            role=role,
            news_id=news_id,
            headers=response_headers(response),
            error=error,
        )
