"""Navigation of the briefing room's other sections (브리핑, 사실은 이렇습니다, 국무회의): list pages →
detail pages, then the same attachment chain and `ReleaseComplete` as the press releases.

Each section's list and detail paths, and whether its list takes a date filter, are in
`sections.py`. A list with a filter is read day by day, like the press releases: its `총 N 건` is
that kind's count of the day (`DayListed(kind=…)`). A list without one (or not known to have one)
is paged from the newest until its dates pass the crawl's range; it gives no day counts.
Navigation only: a mixin of `KoreaKrPressSpider`, which holds the state, the tally and the fetch.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response

from briefing_spider.items import DayListed, Problem
from briefing_spider.sites.korea_kr.pages import parse_list
from briefing_spider.sites.korea_kr.sections import Section, section, section_of_url
from briefing_spider.window import days_between

PRESS_RELEASE = "press_release"
LIST_PRIORITY, DETAIL_PRIORITY = 30, 10  # as the press releases' (press.py)
MAX_SECTION_LIST_PAGES = 2000


class SectionNavigation:
    def section_requests(self):
        """The first list request(s) of every section crawled besides the press releases."""
        for kind in self.kinds:
            if kind == PRESS_RELEASE:
                continue
            listed = section(kind)
            if listed.date_filter:
                for day in days_between(self.until, self.since):  # newest day first
                    if not (self.backfill and (kind, day) in self.state.complete_days):
                        yield self.section_list_request(listed, 1, day)
            else:
                yield self.section_list_request(listed, 1, None)

    def section_list_request(self, listed: Section, page: int, day: date | None) -> scrapy.Request:
        query: dict = {"pageIndex": page}
        if day is not None:
            query = {"startDate": day.isoformat(), "endDate": day.isoformat(), "period": "direct", **query}
        return scrapy.Request(
            f"{self.base_url}{listed.list_paths[0]}?{urlencode(query)}",
            callback=self.parse_section_list,
            errback=self.section_list_failed,
            cb_kwargs={"listed": listed, "page": page, "day": day},
            priority=LIST_PRIORITY,
        )

    def parse_section_list(self, response: Response, listed: Section, page: int, day: date | None):
        from briefing_spider.sites.korea_kr.spiders.press import page_text

        self.any_response = True
        yield self.fetched(response, role="list")
        if response.status != 200:
            self.tally.bad(f"{listed.kind} list", response.url, f"HTTP {response.status}")
            return
        self.tally.good(f"{listed.kind} list")
        try:
            listing = parse_list(page_text(response), response.url, listed.detail_path)
        except Exception as error:  # never a silent drop of a list: an error of the run
            yield Problem(url=response.url, kind="list_parse", reason=f"{listed.kind}: {type(error).__name__}: {error}")
            return
        if day is not None and page == 1:
            yield DayListed(day=day, total=listing.total, kind=listed.kind)
        first, last = (day, day) if day is not None else (self.since, self.until)
        in_range = [e for e in listing.entries if e.listed_on is None or first <= e.listed_on <= last]
        news = [
            e
            for e in in_range
            if e.news_id not in self.scheduled and (self.recheck or self.state.is_new_or_retitled(e.news_id, e.title))
        ]
        if day is not None:
            self.found_per_day[(listed.kind, day)] += sum(1 for e in news if e.news_id not in self.state.releases)
        for entry in news:
            if self.limit is not None and len(self.scheduled) >= self.limit:
                return
            yield self.section_detail_request(listed, entry.news_id)
        if self.section_has_next_page(listing, listed, page, day, news):
            yield self.section_list_request(listed, page + 1, day)

    def section_has_next_page(self, listing, listed: Section, page: int, day: date | None, news) -> bool:
        """A day's list (with a filter) ends like the press releases' (nothing new and nothing
        unseen by its count); a list without one ends when its dates pass the range's first day.
        Any list ends at its last page, at MAX_SECTION_LIST_PAGES or when `--limit` is reached."""
        if not listing.entries or page >= MAX_SECTION_LIST_PAGES:
            return False
        if listing.total is not None and page * len(listing.entries) >= listing.total:
            return False
        if self.limit is not None and len(self.scheduled) >= self.limit:
            return False
        if day is None:
            return not any(e.listed_on and e.listed_on < self.since for e in listing.entries)
        known = self.state.known_on(day, listed.kind) + self.found_per_day[(listed.kind, day)]
        return bool(news) or (listing.total is not None and listing.total > known)

    def section_list_failed(self, failure):
        listed = failure.request.cb_kwargs["listed"]
        yield from self.list_failed(failure, tally_as=f"{listed.kind} list")

    def section_detail_request(self, listed: Section, news_id: str) -> scrapy.Request:
        self.scheduled.add(news_id)
        return scrapy.Request(
            f"{self.base_url}{listed.detail_path}?newsId={news_id}",
            callback=self.parse_detail,
            errback=self.detail_failed,
            cb_kwargs={"news_id": news_id},
            priority=DETAIL_PRIORITY,
        )


def kind_of_url(url: str) -> str:
    """The kind of the detail page at `url` (a press release when no other section's)."""
    found = section_of_url(url)
    return found.kind if found is not None else PRESS_RELEASE


def kinds_given(value) -> tuple[str, ...]:
    """`kinds` as given to the spider (`-a kinds=briefing,fact_check` or a sequence); each must be
    a section of the briefing room (sections.UnknownSection names them)."""
    names = value.split(",") if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(section(name.strip()).kind for name in names if name.strip()))
