"""What a built release lacks that a page of its kind should give: most pages of a kind lacking a
field in one crawl means the site changed its pages, not that the releases are empty (City
Scrapers' lesson: a changed page is the normal failure). Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing_spider.contract import Section
from briefing_spider.records import Release

MIN_PAGES = 2  # fewer pages of a kind in a run: nothing is said
PARTS = ("utterances", "press_reports", "agenda_items")


def gaps_of(release: Release, section: Section) -> tuple[str, ...]:
    """The content `release` lacks: its body (no text on the page nor in a file) and — for a kind
    with parts of its own — those parts. (A ministry or files some pages of a kind never have;
    `briefing check-site` shows them.)"""
    missing = []
    if not release.body_text.strip():
        missing.append("body")
    if section.read_parts is not None and not any(getattr(release, part) for part in PARTS):
        missing.append("parts")
    return tuple(missing)


@dataclass
class GapTally:
    pages: Counter[str] = field(default_factory=Counter)  # built releases by kind
    gaps: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, field) → releases lacking it

    def add(self, kind: str, missing: tuple[str, ...]) -> None:
        self.pages[kind] += 1
        self.gaps.update((kind, name) for name in missing)

    def changes(self) -> list[tuple[str, str]]:
        """(kind, one line) for each field most of a kind's pages lacked in this run."""
        found = []
        for (kind, name), count in sorted(self.gaps.items()):
            pages = self.pages[kind]
            if pages >= MIN_PAGES and count * 2 > pages:
                found.append((kind, f"{kind}: no {name} on {count} of {pages} pages — did the page change?"))
        return found
