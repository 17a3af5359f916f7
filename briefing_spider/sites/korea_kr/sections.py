"""The sections of the korea.kr briefing room (브리핑룸), declared: where each list and detail page
is, whether the list takes a date filter, how it pages, and which parsers read it.

Facts and their status (real pages, or what other crawlers report): docs/sites/korea_kr.md. The
fact checks' list pages only by its posted form [reported]; a GET `?pageIndex=n` answers page 1
again — the walker would stop there as `list_repeated`. A list whose date filter is not known is
walked like one without (until the listed dates pass the range).
"""

from __future__ import annotations

from functools import partial

from briefing_spider.contract import Paging, Section
from briefing_spider.sites.korea_kr.briefing import briefing_parts
from briefing_spider.sites.korea_kr.detail import attachment_urls, parse_detail
from briefing_spider.sites.korea_kr.fact_check import fact_check_parts
from briefing_spider.sites.korea_kr.listing import parse_list
from briefing_spider.sites.korea_kr.section_page import read_section_page
from briefing_spider.sites.korea_kr.state_council import state_council_parts

PRESS_RELEASE, BRIEFING, FACT_CHECK, STATE_COUNCIL = "press_release", "briefing", "fact_check", "state_council"
PERIOD = {"period": "direct"}  # sent with a date range by the site's own search form
MAIN_FORM = "mainForm"  # the form a list page posts to page itself (its goList())


def _section(kind: str, label: str, list_path: str, detail_path: str, **declared) -> Section:
    reads_shell = kind != PRESS_RELEASE
    return Section(
        kind=kind,
        label=label,
        list_path=list_path,
        detail_path=detail_path,
        parse_list=partial(parse_list, detail_path=None if kind == PRESS_RELEASE else detail_path, kind=kind),
        read_page=read_section_page if reads_shell else parse_detail,
        attachment_urls=attachment_urls,
        **declared,
    )


SECTIONS: tuple[Section, ...] = (
    _section(PRESS_RELEASE, "보도자료", "/briefing/pressReleaseList.do", "/briefing/pressReleaseView.do",
             dated=True, list_params=PERIOD, reports_events=True),
    _section(BRIEFING, "브리핑", "/briefing/policyBriefingList.do", "/briefing/policyBriefingView.do",
             read_parts=briefing_parts, document_words=("속기",)),
    _section(FACT_CHECK, "사실은 이렇습니다", "/briefing/actuallyList.do", "/briefing/actuallyView.do",
             dated=True, list_params=PERIOD, read_parts=fact_check_parts, document_words=("설명", "해명"),
             paging=Paging.FORM, form_id=MAIN_FORM),
    _section(STATE_COUNCIL, "국무회의", "/briefing/stateCouncilList.do", "/briefing/stateCouncilView.do",
             read_parts=state_council_parts),
)  # fmt: skip
KINDS: tuple[str, ...] = tuple(section.kind for section in SECTIONS)
