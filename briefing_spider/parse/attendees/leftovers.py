"""The tokens of a parsed attendee entry the grammar cannot account for: clause endings, times,
marks, or a several-word organisation that ends in no body. The entry is kept; the leftover is
named in a warning (`attendees: unaccounted …`). Rules: `attendees`.
"""

from __future__ import annotations

import re

from briefing_spider.parse.attendees.entry import STRAY_RE, is_org, is_title
from briefing_spider.parse.attendees.lexicon import COMPANY_MARK_RE, GROUP_WORDS, NARRATIVE_RE, ORG_ENDINGS
from briefing_spider.parse.text_lines import squash
from briefing_spider.records import Attendee


def _headed(org: list[str]) -> bool:
    """A several-word organisation ends in a body (`한빛대 화학부`, `가나 홀딩스`), is a company
    (`㈜가나 다라`), starts with a Latin acronym (`AB 생활가전`: a spaced company name) or is a
    foreign mission (`주한 가나`)."""
    last = org[-1]
    return bool(
        is_org(last)
        or is_title(last)
        or last in GROUP_WORDS
        or last in ORG_ENDINGS
        and len(last) > 1
        or COMPANY_MARK_RE.search(" ".join(org))
        or re.fullmatch(r"[A-Z][A-Z&]{1,}", org[0])
        or org[0] == "주한"  # a foreign mission: 주한 가나 (대사)
    )


def leftovers(attendee: Attendee) -> list[str]:
    """Tokens of a parsed entry the grammar cannot account for: clause endings, times, marks, or a
    several-word organisation that ends in no body (`… 회의를 개최`)."""
    org = (attendee.organization or "").split()
    out = [t for t in [*org, attendee.name or ""] if t and (NARRATIVE_RE.search(t) or STRAY_RE.search(t))]
    if len(org) > 1 and not out and not _headed(org):
        out.append(org[-1])
    if attendee.title and len(squash(attendee.title)) > 12:
        out.append(attendee.title)
    return out
