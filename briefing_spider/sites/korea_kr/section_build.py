"""A saved detail page of a briefing-room section other than the press releases → the
`DetailPage` the core builds a release from: the press-release shell (`parse_detail`: title, times,
ministry, body, attachments) with the section's `kind`, its canonical address, and the parts the
section's parser reads (`KindParts`): a briefing's speakers (attendees, role 발표) and utterances,
a fact check's press report, a cabinet meeting's agenda items. Pure.

Which section a page is comes from its address (`sections.section_of_url`: the detail page's file
name, whatever the host): the raw store keeps the URL each page was fetched from, so a rebuild
(`briefing reparse`) knows the kind as the crawl did, with no role per kind.
"""

from __future__ import annotations

from dataclasses import replace

from briefing_spider.parse.page_model import DetailPage, KindParts
from briefing_spider.records import AgendaItem, PressReport, Utterance
from briefing_spider.sites.korea_kr.briefing import Briefing
from briefing_spider.sites.korea_kr.detail import parse_detail
from briefing_spider.sites.korea_kr.fact_check import FactCheck
from briefing_spider.sites.korea_kr.section_parsers import PARSERS
from briefing_spider.sites.korea_kr.sections import Section
from briefing_spider.sites.korea_kr.state_council import StateCouncil


def read_section_page(html: str, url: str, section: Section) -> DetailPage:
    """Raises PageParseError when the page lacks the shell's or the section's required fields."""
    detail = parse_detail(html, url)
    record = PARSERS[section.kind](html, url)
    return replace(detail, kind=section.kind, url=section.detail_url(detail.news_id), parts=parts_of(record))


def parts_of(record) -> KindParts:
    if isinstance(record, Briefing):
        return KindParts(
            attendees=record.attendees,
            utterances=tuple(
                Utterance(speaker=u.speaker, organization=u.organization, title=u.title, text=u.text)
                for u in record.utterances
            ),
        )
    if isinstance(record, FactCheck):
        report = record.report
        return KindParts(
            press_reports=()
            if report is None
            else (
                PressReport(
                    outlet=report.outlet,
                    reported_on=report.reported_on.isoformat() if report.reported_on else None,
                    title=report.title,
                    raw=report.raw,
                ),
            )
        )
    if isinstance(record, StateCouncil):
        return KindParts(
            agenda_items=tuple(
                AgendaItem(
                    group=item.group,
                    category=item.category,
                    title=item.title,
                    ministries=", ".join(item.ministries),
                    text=item.text,
                )
                for item in record.agenda
            )
        )
    return KindParts()
