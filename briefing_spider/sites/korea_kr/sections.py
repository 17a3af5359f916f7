"""The sections of the korea.kr briefing room (브리핑룸): what each is called, where its list and
its detail pages are, and whether its list takes a date filter.

Second-hand facts (MARKUP.md, "Other briefing-room sections", marked [one] there except the
press releases): a crawler treats them as hypotheses and the parsers fail loudly when a page is not
what they expect. `date_filter` None means not known (MARKUP.md writes `?`): a crawler pages such a
list like one without a filter, until the listed dates pass the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

SITE = "https://www.korea.kr"


@dataclass(frozen=True, kw_only=True)
class Section:
    kind: str  # the record's `kind`
    label: str  # the site's name for it
    list_paths: tuple[str, ...]  # the first is the one a crawler pages
    detail_path: str  # `?newsId=N` names one page
    date_filter: bool | None  # the list takes startDate/endDate; None: not known

    def detail_url(self, news_id: str, site: str = SITE) -> str:
        """The canonical address of one of the section's pages (only `newsId` kept)."""
        return f"{site}{self.detail_path}?newsId={news_id}"


class UnknownSection(ValueError):
    """A kind or an address that names no section of the briefing room."""


SECTIONS: tuple[Section, ...] = (
    Section(
        kind="press_release",
        label="보도자료",
        list_paths=("/briefing/pressReleaseList.do",),
        detail_path="/briefing/pressReleaseView.do",
        date_filter=True,
    ),
    Section(
        kind="briefing",
        label="브리핑",
        list_paths=("/briefing/policyBriefingList.do", "/briefing/briefingHomeList.do"),
        detail_path="/briefing/policyBriefingView.do",
        date_filter=False,
    ),
    Section(
        kind="fact_check",
        label="사실은 이렇습니다",
        list_paths=("/briefing/actuallyList.do",),
        detail_path="/briefing/actuallyView.do",
        date_filter=True,
    ),
    Section(
        kind="state_council",
        label="국무회의",
        list_paths=("/briefing/stateCouncilList.do",),
        detail_path="/briefing/stateCouncilView.do",
        date_filter=None,
    ),
)
KINDS: tuple[str, ...] = tuple(section.kind for section in SECTIONS)
_BY_KIND = {section.kind: section for section in SECTIONS}
# The detail page's file name: the same page under /briefing/ and /news/, on www. and m.korea.kr.
_BY_DETAIL_PAGE = {section.detail_path.rsplit("/", 1)[1]: section for section in SECTIONS}


def section(kind: str) -> Section:
    """The section of a kind; `UnknownSection` names the kinds there are."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise UnknownSection(f"no briefing-room section {kind!r} (there are: {', '.join(KINDS)})") from None


def section_of_url(url: str) -> Section | None:
    """The section whose detail page `url` is (whatever its host and folder), or None."""
    page = urlsplit(url).path.rsplit("/", 1)[-1].split(";", 1)[0]
    return _BY_DETAIL_PAGE.get(page)
