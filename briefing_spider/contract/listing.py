"""What a site's list parser gives the core: the entries of one list page, and the site's count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, kw_only=True)
class ListEntry:
    news_id: str
    url: str  # the canonical address of its page
    title: str  # as a browser shows it
    listed_on: date | None  # the date the list shows beside it
    ministry: str | None = None
    lead: str | None = None
    kind: str | None = None  # the section whose list holds it


@dataclass(frozen=True, kw_only=True)
class ListPage:
    total: int | None  # the list's own count of what it holds (`총 N 건`), when it shows one
    entries: tuple[ListEntry, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(entry.news_id for entry in self.entries)
