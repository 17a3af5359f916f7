"""Attendee lists of one event (a summary and a detailed list) merged: the richest list first,
then what only the others name; bodies compared without company marks or spacing.
"""

from __future__ import annotations

import re

from briefing_spider.parse.text_lines import squash
from briefing_spider.records import Attendee

COMPANY_MARK_RE = re.compile(r"\(주\)|㈜|주식회사|\(사\)|\(재\)|\s+|\([^)]*\)$")


def org_key(org: str | None) -> str:
    return COMPANY_MARK_RE.sub("", org or "")


def _same_body(a: str | None, b: str | None) -> bool:
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return ka == kb or (len(short) >= 2 and long_.startswith(short))


def _key_match(a: Attendee, b: Attendee) -> bool:
    if a.name and b.name:
        return squash(a.name) == squash(b.name)
    if a.name or b.name:
        named, other = (a, b) if a.name else (b, a)
        if other.title is None or not named.title:
            return False
        if other.organization is None and _head_of(named.organization, named.title) == squash(other.title):
            return True  # `다라청장` in a summary, `다라청 김하늘 청장` in the list
        if squash(other.title) != squash(named.title):
            return False
        if other.organization and named.organization:
            return squash(other.organization) in squash(named.organization)
        return other.organization is None and named.organization is None  # `국무총리`, `국무총리 홍길동`
    if a.title or b.title:
        return squash(a.title or "") == squash(b.title or "") and org_key(a.organization) == org_key(b.organization)
    return _same_body(a.organization, b.organization)


def _head_of(organization: str | None, title: str) -> str:
    """The one-word head title of a body: 다라청 + 청장 → 다라청장, 마바협회 + 회장 → 마바협회장."""
    org, title = squash(organization or ""), squash(title)
    if not org:
        return title
    return org + title[1:] if title[:1] == org[-1:] else org + title


def same_entry(a: Attendee, b: Attendee) -> bool:
    """The same person or body, as one event's lists are merged (the participants' test too)."""
    return _key_match(a, b)


def _covered(entry: Attendee, kept: list[Attendee], groups: set[str]) -> bool:
    """Already listed, or a bare body that is only the name of a group of the detailed list."""
    if any(_key_match(entry, other) for other in kept):
        return True
    if entry.name or entry.title:
        return False
    if org_key(entry.organization) in groups:
        return True
    return any(not other.name and _same_body(entry.organization, other.organization) for other in kept) or any(
        other.organization and org_key(entry.organization) == org_key(other.organization) for other in kept
    )


def merge_lists(lists: list[list[Attendee]]) -> list[Attendee]:
    """Lists of one event (they share someone) merge: the richest list first, then what only
    the others name. Lists with nothing in common are kept whole, in document order."""
    if len(lists) > 1 and _overlap(lists):
        lists = sorted(
            lists,
            key=lambda people: (
                -sum(1 for p in people if p.name),
                -len({p.group for p in people if p.group}),
                -len(people),
            ),
        )
        merged: list[Attendee] = []
        for people in lists:
            groups = {org_key(p.group) for p in merged if p.group}
            merged.extend(p for p in people if not _covered(p, merged, groups))
        return merged
    return [p for people in lists for p in people]


def _overlap(lists: list[list[Attendee]]) -> bool:
    for k, first in enumerate(lists):
        for second in lists[k + 1 :]:
            if any(
                _key_match(a, b) or (not a.name and not b.name and _same_body(a.organization, b.organization))
                for a in first
                for b in second
            ):
                return True
            if any(
                org_key(a.organization) in {org_key(b.organization) for b in second if b.name}
                for a in first
                if not a.name and not a.title
            ):
                return True
    return False
