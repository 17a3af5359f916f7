"""One list walker for every section of every site: where a walk starts, which of a page's
entries are wanted, and whether the walk goes on. Pure: the spider (spider.py) turns walks into
requests and pages into walks.

- A **dated** list (the section takes a date range) is walked day by day, newest day first; its
  first page's total is that day's count (checked against the archive at the end). A day's list
  goes on while a page holds news (new or retitled entries, or every entry with `recheck`), or the
  site's count for the day is higher than the archive's plus what was found (a late post listed
  deeper), or the page holds later days (a mirror that ignores the date filter).
- An **undated** list is walked from its newest page until its dates pass the range's first day.
- Every walk ends at a page with no entries, at the last page by the site's total, when the crawl's
  `--limit` is reached — and, as errors of the run, at a page that repeats the page before it (a
  site that pages by posted form answers a GET with its first page again: `list_repeated`) or at
  the section's page cap (`list_page_cap`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from briefing_spider.contract import ListEntry, ListPage, Section

REPEATED, PAGE_CAP = "list_repeated", "list_page_cap"  # crawl_errors.kind of a walk that ended wrong


@dataclass(frozen=True)
class Walk:
    """Where a walk of one section's list stands."""

    section: Section
    day: date | None  # the day of a dated list; None: an undated list
    page: int = 1
    previous: tuple[str, ...] = ()  # the ids of the page before (a page repeating them ends the walk)
    listed: int = 0  # entries on the pages before

    def next(self, listing: ListPage) -> Walk:
        return replace(self, page=self.page + 1, previous=listing.ids, listed=self.listed + len(listing.entries))


class Step(StrEnum):
    ON = "on"  # the next page
    DONE = "done"  # the list ends here, as it should
    REPEATED = REPEATED  # the page repeats the page before: an error of the run
    PAGE_CAP = PAGE_CAP  # the section's page cap reached: an error of the run


@dataclass(frozen=True)
class Range:
    since: date
    until: date


def days_between(last: date, first: date) -> list[date]:
    """The days from `last` back to `first`, newest first."""
    return [last - timedelta(days=n) for n in range((last - first).days + 1)]


def first_walks(section: Section, within: Range, *, skip_days: Iterable[tuple[str, date]] = ()) -> Iterator[Walk]:
    """The walks a crawl of `section` starts: one per day of a dated list (newest first, less the
    (kind, day) pairs in `skip_days`: a backfill skips days already archived whole), else one."""
    if not section.dated:
        yield Walk(section, None)
        return
    skipped = set(skip_days)
    for day in days_between(within.until, within.since):
        if (section.kind, day) not in skipped:
            yield Walk(section, day)


def entries_in_range(listing: ListPage, walk: Walk, within: Range) -> list[ListEntry]:
    """The page's entries of the walk's day (a dated list) or of the range (an undated one); an
    entry the list shows no date for is taken."""
    first, last = (walk.day, walk.day) if walk.day is not None else (within.since, within.until)
    return [entry for entry in listing.entries if entry.listed_on is None or first <= entry.listed_on <= last]


@dataclass(frozen=True)
class Seen:
    """What decides whether a dated list goes on, besides the page: how many releases of the day
    the archive holds, and how many new ones this crawl found on the day's pages so far."""

    news: bool  # the page held news (entries to fetch)
    known_on_day: int = 0
    found_on_day: int = 0
    limit_reached: bool = False


def step(listing: ListPage, walk: Walk, within: Range, seen: Seen) -> Step:
    """Whether the walk goes on after this page (module docstring)."""
    if not listing.entries:
        return Step.DONE
    if walk.previous and listing.ids == walk.previous:
        return Step.REPEATED
    if listing.total is not None and walk.listed + len(listing.entries) >= listing.total:
        return Step.DONE  # the last page by the site's count
    if seen.limit_reached:
        return Step.DONE
    if not _more_wanted(listing, walk, within, seen):
        return Step.DONE
    return Step.PAGE_CAP if walk.page >= walk.section.max_pages else Step.ON


def _more_wanted(listing: ListPage, walk: Walk, within: Range, seen: Seen) -> bool:
    if walk.day is None:  # undated: until the dates pass the range's first day
        return not any(entry.listed_on and entry.listed_on < within.since for entry in listing.entries)
    later = any(entry.listed_on and entry.listed_on > walk.day for entry in listing.entries)
    unseen = listing.total is not None and listing.total > seen.known_on_day + seen.found_on_day
    return seen.news or later or unseen
