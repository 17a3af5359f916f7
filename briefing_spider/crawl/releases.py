"""Fetching a release (a mixin of `ArchiveSpider`): its page, then its attachments one after
another (each request carries the rest in `meta`), then `ReleaseComplete` — whether each file
arrived, failed after retries (errback) or answered an error page. Every response, good or not,
goes to the pipeline as a `Fetched`."""

from __future__ import annotations

from typing import ClassVar

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from briefing_spider.clock import now
from briefing_spider.contract import Role, Section, Site
from briefing_spider.crawl.failures import (
    UNREACHABLE_ERRORS,
    connection_reason,
    failure_reason,
    failure_status,
    page_text,
    requested_url,
    response_headers,
)
from briefing_spider.crawl.items import Fetched, ReleaseComplete
from briefing_spider.crawl.outcome import RequestTally
from briefing_spider.crawl.state import CrawlState

# A started release's attachments (they finish it) before new detail pages.
ATTACHMENT_PRIORITY, DETAIL_PRIORITY = 20, 10


class ReleaseFetching(scrapy.Spider):
    site: ClassVar[Site]
    base_url: str
    limit: int | None
    state: CrawlState
    scheduled: set[str]
    any_response: bool
    unreachable: str | None
    tally: RequestTally

    @property
    def limit_reached(self) -> bool:
        return self.limit is not None and len(self.scheduled) >= self.limit

    def detail_request(self, section: Section, news_id: str) -> scrapy.Request:
        self.scheduled.add(news_id)
        return scrapy.Request(
            section.detail_url(news_id, self.base_url),
            callback=self.parse_detail,
            errback=self.detail_failed,
            cb_kwargs={"news_id": news_id, "kind": section.kind},
            priority=DETAIL_PRIORITY,
        )

    def parse_detail(self, response: Response, news_id: str, kind: str):
        self.any_response = True
        yield self.fetched(response, role=Role.DETAIL, news_id=news_id)
        self.tally.good(kind, "detail")  # an answer, even 404 (a withdrawn release): recorded, not a failure
        if response.status != 200:
            return
        # An attachment URL names one file: one already downloaded well is not fetched again.
        urls = self.site.attachment_urls(Role.DETAIL, page_text(response), response.url)
        yield from self.next_attachment(
            news_id, kind, response.url, [u for u in urls if not self.state.has_download(u)]
        )

    def next_attachment(self, news_id: str, kind: str, page_url: str, pending: list[str]):
        """Fetch the attachments one after another; then the release is complete."""
        if not pending:
            yield ReleaseComplete(news_id=news_id, url=page_url, kind=kind)
            return
        meta = {"news_id": news_id, "kind": kind, "page_url": page_url, "pending": pending[1:]}
        yield scrapy.Request(
            self.through_base(pending[0]),
            callback=self.parse_attachment,
            meta=meta,
            errback=self.attachment_failed,
            priority=ATTACHMENT_PRIORITY,
            dont_filter=True,
        )

    def through_base(self, url: str) -> str:
        """A URL on the site's canonical origin, fetched through `base_url` (a mirror, a proxy)."""
        origin = self.site.base_url.rstrip("/")
        return self.base_url + url[len(origin) :] if url.startswith(origin + "/") else url

    def parse_attachment(self, response: Response):
        meta = response.meta
        error = None if response.status == 200 else f"HTTP {response.status}"
        if error:
            self.tally.bad(meta["kind"], "attachment", response.url, error)
        else:
            self.tally.good(meta["kind"], "attachment")
        yield self.fetched(response, role=Role.ATTACHMENT, news_id=meta["news_id"], error=error)
        yield from self.next_attachment(meta["news_id"], meta["kind"], meta["page_url"], meta["pending"])

    def attachment_failed(self, failure):
        meta = failure.request.meta
        self.tally.bad(meta["kind"], "attachment", requested_url(failure.request), failure_reason(failure))
        yield self.failed(failure, role=Role.ATTACHMENT, news_id=meta["news_id"])
        yield from self.next_attachment(meta["news_id"], meta["kind"], meta["page_url"], meta["pending"])

    def detail_failed(self, failure):
        if self.site_unreachable(failure):
            raise CloseSpider("unreachable")
        request = failure.request
        self.tally.bad(request.cb_kwargs["kind"], "detail", request.url, failure_reason(failure))
        yield self.failed(failure, role=Role.DETAIL, news_id=request.cb_kwargs["news_id"])

    def site_unreachable(self, failure) -> bool:
        """No answer yet and a connection-level failure: the site can't be reached at all. The
        crawl stops (CloseSpider), writing nothing; the CLI prints the one line."""
        if self.any_response or not failure.check(*UNREACHABLE_ERRORS):
            return False
        if self.unreachable is None:
            why = connection_reason(failure) or failure_reason(failure)
            self.unreachable = f"cannot reach {failure.request.url.split('/')[2]}: {why}"
            self.logger.error(self.unreachable)
        return True

    def fetched(
        self, response: Response, *, role: str, news_id: str | None = None, error: str | None = None
    ) -> Fetched:
        if "dataloss" in response.flags:  # only with DOWNLOAD_FAIL_ON_DATALOSS off: still not whole
            error = error or "unreadable: the body is shorter than its Content-Length (cut short)"
        news_id = news_id or next(
            (s.news_id_in(response.url) for s in self.site.sections if s.news_id_in(response.url)), None
        )
        return Fetched(
            url=response.url,
            status=response.status,
            body=response.body,
            fetched_at=now(),
            role=role,
            news_id=news_id,
            headers=response_headers(response),
            error=error,
        )

    def failed(self, failure, *, role: str, news_id: str | None = None) -> Fetched:
        return Fetched(
            url=requested_url(failure.request),
            status=failure_status(failure),
            body=b"",
            fetched_at=now(),
            role=role,
            news_id=news_id,
            error=failure_reason(failure),
        )
