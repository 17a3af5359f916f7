"""korea.kr's briefing room: 보도자료 list pages by date range → detail pages → each attachment;
the other sections (`kinds`) through their own lists (spiders/sections.py) to the same chain.

Navigation only. Every response goes to the pipelines as a `Fetched`; when a detail page and
all its attachments are in (or failed), a `ReleaseComplete` tells the pipeline to build the
release from the raw store — the same code path as `briefing reparse`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from urllib.parse import urlencode

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError

from briefing_spider import stats
from briefing_spider.base_url import checked_base_url
from briefing_spider.clock import now
from briefing_spider.crawl_state import CrawlState, load_crawl_state
from briefing_spider.items import DayListed, Fetched, Problem, ReleaseComplete
from briefing_spider.parse.page_text import decode_page
from briefing_spider.run_outcome import RequestTally
from briefing_spider.site_hosts import site_hosts
from briefing_spider.sites.korea_kr import SITE as KOREA_KR
from briefing_spider.sites.korea_kr.pages import DETAIL_PATH, LIST_PATH, SITE, attachment_urls, news_id_of, parse_list
from briefing_spider.sites.korea_kr.sections import section
from briefing_spider.sites.korea_kr.spiders.sections import PRESS_RELEASE, SectionNavigation, kind_of_url, kinds_given
from briefing_spider.window import crawl_window, days_between, parse_day

# List pages first (they reveal the work), then a started release's attachments (they finish
# it), then new detail pages.
LIST_PRIORITY, ATTACHMENT_PRIORITY, DETAIL_PRIORITY = 30, 20, 10
MAX_LIST_PAGES = 2000  # a bound on list paging whatever the site says
UNREACHABLE_ERRORS = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DNSLookupError,
    ConnectionRefusedError,
    TCPTimedOutError,
    TimeoutError,  # when raised unwrapped
)


class KoreaKrPressSpider(SectionNavigation, scrapy.Spider):
    name = "korea_kr_press"
    site_name = KOREA_KR.name  # the pipeline files what this spider fetches under this site
    kind = PRESS_RELEASE

    def __init__(
        self,
        since: str | None = None,
        until: str | None = None,
        base_url: str = SITE,
        limit: str | int | None = None,
        recheck: str | bool = False,
        backfill: str | bool = False,
        kinds: str | tuple[str, ...] | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.kinds = kinds_given(kinds) if kinds else KOREA_KR.kinds  # default: every section
        self.since = parse_day(since, option="--since") if since else None
        self.until = parse_day(until, option="--until") if until else None
        self.base_url = checked_base_url(base_url)  # `scrapy crawl -a base_url=…` is checked too
        self.site_hosts = site_hosts(KOREA_KR.hosts, self.base_url)  # nothing else is requested (site_hosts.py)
        self.limit = int(limit) if limit else None
        # recheck: fetch every listed release's page again (edits that keep the title); else only
        # new, retitled and incomplete ones. Attachments already downloaded are never fetched again.
        self.recheck = recheck in (True, "1", "true", "yes")
        # backfill: skip the days the archive already holds whole, so an interrupted walk resumes
        self.backfill = backfill in (True, "1", "true", "yes")
        self.state = CrawlState()
        self.scheduled: set[str] = set()
        self.found_per_day: Counter = Counter()  # new or retitled releases seen on each (kind, day)'s list
        self.unreachable: str | None = None  # set when the site can't be reached at all
        self.any_response = False
        self.tally = RequestTally()  # list and detail requests that ended, and how: see run_failure

    async def start(self):
        if self.crawler.stats.get_value(stats.LOCKED_OUT):  # another run holds the archive
            return
        db_path = self.settings.get("BRIEFING_DB")
        if self.since is None or self.until is None:
            self.since, self.until = crawl_window(
                db_path, today=now().date(), since=self.since, until=self.until, site=self.site_name
            )
        self.state = load_crawl_state(db_path, site=self.site_name, since=self.since, until=self.until)
        self.logger.info(
            "crawling %s from %s to %s (%d releases known)",
            self.base_url,
            self.since,
            self.until,
            len(self.state.releases),
        )
        if PRESS_RELEASE in self.kinds:
            for day in days_between(self.until, self.since):  # newest day first
                if not (self.backfill and (PRESS_RELEASE, day) in self.state.complete_days):
                    yield self.list_request(day, 1)
        for request in self.section_requests():
            yield request
        for news_id in self.state.incomplete(until=self.until):
            kind = self.state.kind_of(news_id) or PRESS_RELEASE
            if kind in self.kinds:
                yield (
                    self.detail_request(news_id)
                    if kind == PRESS_RELEASE
                    else self.section_detail_request(section(kind), news_id)
                )

    def list_request(self, day: date, page: int) -> scrapy.Request:
        """One day's list: its `총 N 건` is that day's count, checked against the archive."""
        query = {"startDate": day.isoformat(), "endDate": day.isoformat(), "period": "direct", "pageIndex": page}
        return scrapy.Request(
            f"{self.base_url}{LIST_PATH}?{urlencode(query)}",
            callback=self.parse_list,
            errback=self.list_failed,
            cb_kwargs={"day": day, "page": page},
            priority=LIST_PRIORITY,
        )

    def parse_list(self, response: Response, day: date, page: int):
        self.any_response = True
        yield self.fetched(response, role="list")
        if response.status != 200:  # a list page always exists: a 404 is a wrong --base-url or a moved site
            self.tally.bad("list", response.url, f"HTTP {response.status}")
            return
        self.tally.good("list")
        try:
            listing = parse_list(page_text(response), response.url)
        except Exception as error:  # never a silent drop of a day: an error of the run
            yield Problem(url=response.url, kind="list_parse", reason=f"{type(error).__name__}: {error}")
            return
        if page == 1:
            yield DayListed(day=day, total=listing.total, kind=PRESS_RELEASE)
        on_day = [e for e in listing.entries if e.listed_on in (None, day) and e.news_id not in self.scheduled]
        news = [e for e in on_day if self.recheck or self.state.is_new_or_retitled(e.news_id, e.title)]
        self.found_per_day[(PRESS_RELEASE, day)] += sum(1 for e in news if e.news_id not in self.state.releases)
        for entry in news:
            if self.limit is not None and len(self.scheduled) >= self.limit:
                return
            yield self.detail_request(entry.news_id)
        if self.has_next_page(listing, day, page, news):
            yield self.list_request(day, page + 1)

    def detail_request(self, news_id: str) -> scrapy.Request:
        self.scheduled.add(news_id)
        return scrapy.Request(
            f"{self.base_url}{DETAIL_PATH}?newsId={news_id}",
            callback=self.parse_detail,
            errback=self.detail_failed,
            cb_kwargs={"news_id": news_id},
            priority=DETAIL_PRIORITY,
        )

    def has_next_page(self, listing, day: date, page: int, news) -> bool:
        """A day's list ends at a page holding only known, unchanged releases — unless the day's
        `총 N 건` is more than the archive knows (a late post listed deeper), or the page holds
        only later days (a mirror that ignores the date filter) — at the last page, at
        MAX_LIST_PAGES, or when `--limit` is reached."""
        later = any(e.listed_on and e.listed_on > day for e in listing.entries)
        unseen = (
            listing.total is not None
            and listing.total > self.state.known_on(day, PRESS_RELEASE) + self.found_per_day[(PRESS_RELEASE, day)]
        )
        if not listing.entries or not (news or later or unseen) or page >= MAX_LIST_PAGES:
            return False
        if listing.total is not None and page * len(listing.entries) >= listing.total:
            return False
        return self.limit is None or len(self.scheduled) < self.limit

    def parse_detail(self, response: Response, news_id: str):
        self.any_response = True
        yield self.fetched(response, role="detail", news_id=news_id)
        self.tally.good("detail")  # an answer, even 404 (a withdrawn release): recorded, not a failed run
        if response.status != 200:
            return
        # An attachment URL names one file: one already downloaded well is not fetched again.
        urls = [url for url in attachment_urls(page_text(response), response.url) if not self.state.has_download(url)]
        yield from self.next_attachment(news_id, response.url, urls)

    def next_attachment(self, news_id: str, detail_url: str, pending: list[str]):
        """Fetch the attachments one after another; then the release is complete."""
        if not pending:
            yield ReleaseComplete(news_id=news_id, url=detail_url, kind=kind_of_url(detail_url))
            return
        url, rest = pending[0], pending[1:]
        meta = {"news_id": news_id, "detail_url": detail_url, "pending": rest}
        yield scrapy.Request(
            url,
            callback=self.parse_attachment,
            errback=self.attachment_failed,
            meta=meta,
            priority=ATTACHMENT_PRIORITY,
            dont_filter=True,
        )

    def parse_attachment(self, response: Response):
        meta = response.meta
        error = None if response.status == 200 else f"HTTP {response.status}"
        yield self.fetched(response, role="attachment", news_id=meta["news_id"], error=error)
        yield from self.next_attachment(meta["news_id"], meta["detail_url"], meta["pending"])

    def attachment_failed(self, failure):
        request = failure.request
        meta = request.meta
        yield Fetched(
            url=requested_url(request),
            status=failure_status(failure),
            body=b"",
            fetched_at=now(),
            role="attachment",
            news_id=meta["news_id"],
            error=failure_reason(failure),
        )
        yield from self.next_attachment(meta["news_id"], meta["detail_url"], meta["pending"])

    def detail_failed(self, failure):
        request = failure.request
        if self.site_unreachable(failure):
            raise CloseSpider("unreachable")
        self.tally.bad("detail", request.url, failure_reason(failure))
        yield Fetched(
            url=requested_url(request),
            status=failure_status(failure),
            body=b"",
            fetched_at=now(),
            role="detail",
            news_id=request.cb_kwargs.get("news_id"),
            error=failure_reason(failure),
        )

    def list_failed(self, failure, tally_as: str = "list"):
        request = failure.request
        if self.site_unreachable(failure):
            raise CloseSpider("unreachable")
        self.tally.bad(tally_as, request.url, failure_reason(failure))
        yield Fetched(
            url=requested_url(request),
            status=failure_status(failure),
            body=b"",
            fetched_at=now(),
            role="list",
            error=failure_reason(failure),
        )

    def run_failure(self) -> str | None:
        """Why a run that closed as `finished` still failed (every list or detail page it asked
        for failed), or None."""
        return self.tally.failure()

    def site_unreachable(self, failure) -> bool:
        """No answer yet and a connection-level failure: the site can't be reached at all. The
        crawl stops (CloseSpider), writing nothing; the CLI prints the one line."""
        if self.any_response or not failure.check(*UNREACHABLE_ERRORS):
            return False
        if self.unreachable is None:
            self.unreachable = f"cannot reach {failure.request.url.split('/')[2]}: {failure_reason(failure)}"
            self.logger.error(self.unreachable)
        return True

    def fetched(
        self, response: Response, *, role: str, news_id: str | None = None, error: str | None = None
    ) -> Fetched:
        if "dataloss" in response.flags:  # only with DOWNLOAD_FAIL_ON_DATALOSS off: still not whole
            error = error or "unreadable: the body is shorter than its Content-Length (cut short)"
        return Fetched(
            url=response.url,
            status=response.status,
            body=response.body,
            fetched_at=now(),
            role=role,
            news_id=news_id or news_id_of(response.url),
            headers=response_headers(response),
            error=error,
        )


def page_text(response: Response) -> str:
    """The page's text decoded as the rebuild will decode it from the raw store."""
    return decode_page(response.body, response_headers(response))


def requested_url(request) -> str:
    """The URL the spider asked for (before any redirect)."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


def response_headers(response: Response) -> dict[str, str]:
    return {key.decode("latin-1"): b", ".join(values).decode("latin-1") for key, values in response.headers.items()}


def failure_reason(failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"


def failure_status(failure) -> int:
    """The HTTP status of a failed request, or 0 when no response came."""
    return failure.value.response.status if failure.check(HttpError) else 0
