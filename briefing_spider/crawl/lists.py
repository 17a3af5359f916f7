"""Walking a section's list pages (a mixin of `ArchiveSpider`): the walk's requests — a GET, or
the page's own form posted where the section pages by form — and what each page yields: its
day count, a detail request per wanted entry, the next page or the error that ended the walk.
The decisions are `walker.py`'s."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response, TextResponse

from briefing_spider.contract import ListPage, Paging, Role
from briefing_spider.crawl.failures import failure_reason, page_text
from briefing_spider.crawl.items import DayListed, Problem
from briefing_spider.crawl.releases import ReleaseFetching
from briefing_spider.crawl.walker import Range, Seen, Step, Walk, entries_in_range, first_walks, step

LIST_PRIORITY = 30  # list pages first: they reveal the work


class ListWalking(ReleaseFetching):
    kinds: tuple[str, ...]
    since: date | None
    until: date | None
    backfill: bool
    recheck: bool
    found: Counter[tuple[str, object]]
    lists_pending: Counter[str]  # list requests asked for and not yet ended, by kind
    told: set[str]  # the kinds whose failure was told

    @property
    def within(self) -> Range:
        assert self.since is not None and self.until is not None, "the window is settled in start()"
        return Range(self.since, self.until)

    def first_requests(self) -> Iterator[scrapy.Request]:
        """The first list request of each walk of each section crawled."""
        skip = self.state.complete_days if self.backfill else ()
        for kind in self.kinds:
            for walk in first_walks(self.site.section(kind), self.within, skip_days=skip):
                yield self.list_request(walk)

    def list_request(self, walk: Walk, response: Response | None = None) -> scrapy.Request:
        """The walk's page: a GET, or the previous page's form posted (Paging.FORM, page 2 on)."""
        section, query = walk.section, walk.section.list_query(walk.page, walk.day)
        common: dict[str, Any] = {
            "callback": self.parse_list,
            "errback": self.list_failed,
            "cb_kwargs": {"walk": walk},
            "priority": LIST_PRIORITY,
        }
        if section.paging is Paging.FORM and response is not None:
            if not isinstance(response, TextResponse):
                raise ValueError("the list is not a page with a form to post")
            posted = scrapy.FormRequest.from_response(
                response, formid=section.form_id, formdata=query, dont_click=True, dont_filter=True, **common
            )
            self.lists_pending[section.kind] += 1
            return posted
        request = scrapy.Request(f"{self.base_url}{section.list_path}?{urlencode(query)}", **common)
        self.lists_pending[section.kind] += 1
        return request

    def parse_list(self, response: Response, walk: Walk):
        self.any_response = True
        yield self.fetched(response, role=Role.LIST)
        section = walk.section
        self.lists_pending[section.kind] -= 1
        if response.status != 200:  # a list page always exists: a 404 is a wrong --base-url or a moved site
            self.tally.bad(section.kind, "list", response.url, f"HTTP {response.status}")
            self.tell_if_kind_failed(section.kind)
            return
        self.tally.good(section.kind, "list")
        try:
            listing = section.parse_list(page_text(response), response.url)
        except Exception as error:  # never a silent drop of a day: an error of the run
            yield Problem(
                url=response.url, kind="list_parse", reason=f"{section.kind}: {type(error).__name__}: {error}"
            )
            return
        if walk.day is not None and walk.page == 1:
            yield DayListed(day=walk.day, total=listing.total, kind=section.kind)
        news = [
            entry for entry in entries_in_range(listing, walk, self.within) if self.wanted(entry.news_id, entry.title)
        ]
        self.found[(section.kind, walk.day)] += sum(1 for e in news if e.news_id not in self.state.releases)
        for entry in news:
            if self.limit_reached:
                return
            yield self.detail_request(section, entry.news_id)
        yield from self.walk_on(response, listing, walk, bool(news))

    def wanted(self, news_id: str, title: str) -> bool:
        return news_id not in self.scheduled and (self.recheck or self.state.is_new_or_retitled(news_id, title))

    def walk_on(self, response: Response, listing: ListPage, walk: Walk, news: bool):
        kind = walk.section.kind
        known = self.state.known_on(walk.day, kind) if walk.day else 0
        seen = Seen(
            news=news, known_on_day=known, found_on_day=self.found[(kind, walk.day)], limit_reached=self.limit_reached
        )
        outcome = step(listing, walk, self.within, seen)
        if outcome is Step.ON:
            try:
                yield self.list_request(walk.next(listing), response)
            except ValueError as error:  # no form to post on the page
                yield Problem(url=response.url, kind="list_parse", reason=f"{kind}: page {walk.page + 1}: {error}")
        elif outcome is not Step.DONE:
            reason = (
                f"{kind}: page {walk.page} repeats page {walk.page - 1} (the list does not page this way)"
                if outcome is Step.REPEATED
                else f"{kind}: stopped at the page cap ({walk.page} pages)"
            )
            self.logger.error("%s %s", outcome, reason)
            yield Problem(url=response.url, kind=str(outcome), reason=reason)

    def list_failed(self, failure):
        if self.site_unreachable(failure):
            raise CloseSpider("unreachable")
        walk = failure.request.cb_kwargs["walk"]
        self.lists_pending[walk.section.kind] -= 1
        self.tally.bad(walk.section.kind, "list", failure.request.url, failure_reason(failure))
        self.tell_if_kind_failed(walk.section.kind)
        yield self.failed(failure, role=Role.LIST)

    def tell_if_kind_failed(self, kind: str) -> None:
        """Every list page of `kind` asked for has failed and none is left: say so now — the crawl
        goes on with the other kinds, and the run's last line names every failed kind."""
        if self.lists_pending[kind] > 0 or kind in self.told or kind not in self.tally.failed_kinds():
            return
        self.told.add(kind)
        url, reason = self.tally.first_failure[(kind, "list")]
        line = f"kind failed: {kind} — {reason} on its lists (e.g. {url}); the crawl goes on with the others"
        self.logger.error(line)
        if self.settings.getbool("BRIEFING_TELL"):
            print(f"warning: {line}", file=sys.stderr, flush=True)
