"""The list walker's rules, on their own (crawl/walker.py: pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from briefing_spider.contract import ListEntry, ListPage, Section
from briefing_spider.crawl.walker import Range, Seen, Step, Walk, entries_in_range, first_walks, step

DAY = date(2026, 7, 22)
WITHIN = Range(date(2026, 7, 20), DAY)
DATED = Section(
    kind="k",
    label="K",
    list_path="/l",
    detail_path="/d",
    parse_list=lambda h, u: ListPage(total=None, entries=()),
    read_page=lambda h, u: None,
    dated=True,
    max_pages=5,
)  # type: ignore[arg-type,return-value]
UNDATED = replace(DATED, dated=False)


def page(*days: date, total: int | None = None, start: int = 0) -> ListPage:
    entries = tuple(ListEntry(news_id=str(start + n), url="", title="t", listed_on=day) for n, day in enumerate(days))
    return ListPage(total=total, entries=entries)


def test_a_dated_list_is_walked_day_by_day_newest_first_less_the_days_already_whole():
    walks = list(first_walks(DATED, WITHIN, skip_days=[("k", date(2026, 7, 21))]))
    assert [(w.day, w.page) for w in walks] == [(DAY, 1), (date(2026, 7, 20), 1)]
    assert [w.day for w in first_walks(UNDATED, WITHIN)] == [None]


def test_the_entries_wanted_are_the_days_or_the_ranges():
    listing = page(DAY, date(2026, 7, 21), date(2026, 7, 19))
    assert [e.news_id for e in entries_in_range(listing, Walk(DATED, DAY), WITHIN)] == ["0"]
    assert [e.news_id for e in entries_in_range(listing, Walk(UNDATED, None), WITHIN)] == ["0", "1"]


@pytest.mark.parametrize(
    "listing, walk, seen, expected",
    [
        (page(), Walk(DATED, DAY), Seen(news=True), Step.DONE),  # no entries
        (page(DAY, DAY), Walk(DATED, DAY, page=2, previous=("0", "1")), Seen(news=True), Step.REPEATED),
        (page(DAY, DAY, total=12, start=10), Walk(DATED, DAY, page=2, listed=10), Seen(news=True), Step.DONE),
        (page(DAY, DAY, total=12), Walk(DATED, DAY), Seen(news=True), Step.ON),
        (page(DAY, DAY, total=12), Walk(DATED, DAY), Seen(news=True, limit_reached=True), Step.DONE),
        (page(DAY, DAY), Walk(DATED, DAY), Seen(news=False), Step.DONE),  # nothing new: the rest is known
        (page(DAY, DAY, total=9), Walk(DATED, DAY), Seen(news=False, known_on_day=5, found_on_day=2), Step.ON),
        (page(date(2026, 7, 23)), Walk(DATED, DAY), Seen(news=False), Step.ON),  # a later day: no filter applied
        (page(DAY, date(2026, 7, 19)), Walk(UNDATED, None), Seen(news=True), Step.DONE),  # past the range
        (page(DAY, DAY), Walk(UNDATED, None), Seen(news=False), Step.ON),  # undated: on until the dates pass
        (page(DAY, DAY), Walk(DATED, DAY, page=5), Seen(news=True), Step.PAGE_CAP),
    ],
)
def test_whether_a_walk_goes_on(listing, walk, seen, expected):
    assert step(listing, walk, WITHIN, seen) is expected


def test_a_walk_remembers_the_page_before():
    listing = page(DAY, DAY)
    after = Walk(DATED, DAY).next(listing)
    assert (after.page, after.previous, after.listed) == (2, ("0", "1"), 2)
