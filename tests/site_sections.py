"""The local mirror's other briefing-room sections: 브리핑 (policyBriefingList/View), 사실은
이렇습니다 (actuallyList/View) and 국무회의 (stateCouncilList/View), with invented content.

Pages use the press-release shells (MARKUP.md: the sections' markup is second-hand, [one]): JSON-LD,
`.article_head`, `div.view_cont` holding the transcript / the answer / the agenda. The lists
follow `sections.py`: 보도자료-like items linking the section's detail page; the briefing list
ignores a date filter (it has none: a crawler pages until the dates pass), the fact-check list
applies it, the state-council list (filter not known) ignores it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape

from briefing_spider.parse.site_time import SEOUL
from tests.fixtures.documents import make_hwpx
from tests.korea_kr_template import PageFile, main_form
from tests.korea_kr_template import detail_page as template_page
from tests.site import PAGE_SIZE, SITE_FOOTER, SITE_HEADER, MirrorAttachment

FORM_PAGED = {"fact_check"}  # MARKUP.md [reported]: its list pages only by the posted mainForm
SECTION_PATHS = {  # kind → (list path, detail path, the list applies startDate/endDate)
    "briefing": ("/briefing/policyBriefingList.do", "/briefing/policyBriefingView.do", False),
    "fact_check": ("/briefing/actuallyList.do", "/briefing/actuallyView.do", True),
    "state_council": ("/briefing/stateCouncilList.do", "/briefing/stateCouncilView.do", False),
}


@dataclass
class MirrorSectionPage:
    kind: str
    news_id: str
    title: str
    published_at: datetime
    ministry: str
    body_html: str  # "": the text is in the attachments (the page shows the viewer's shell)
    attachments: list[MirrorAttachment] = field(default_factory=list)
    rep_code: str | None = None


def section_answer(pages: dict[str, MirrorSectionPage], path: str, query: dict, posted: bool = False) -> str | None:
    """The HTML of a section's list or detail page at `path`, or None (not a section's path). The
    fact-check list pages only by its posted form: a GET gives its first page whatever it asks."""
    for kind, (list_path, detail_path, filtered) in SECTION_PATHS.items():
        if path == list_path:
            if kind in FORM_PAGED and not posted:
                query = {**query, "pageIndex": "1"}
            return section_list_page([p for p in pages.values() if p.kind == kind], kind, query, filtered)
        if path == detail_path:
            page = pages.get(query.get("newsId", ""))
            return section_detail_page(page) if page is not None and page.kind == kind else None
    return None


def section_list_page(pages: list[MirrorSectionPage], kind: str, query: dict, filtered: bool) -> str:
    start = date.fromisoformat(query.get("startDate") or "1900-01-01") if filtered else date.min
    end = date.fromisoformat(query.get("endDate") or "2999-12-31") if filtered else date.max
    number = int(query.get("pageIndex") or "1")
    matching = sorted(
        (p for p in pages if start <= p.published_at.date() <= end),
        key=lambda p: (p.published_at, p.news_id),
        reverse=True,
    )
    shown = matching[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    detail_path = SECTION_PATHS[kind][1]
    items = "".join(
        f'<li><a href="{detail_path}?newsId={p.news_id}&amp;pageIndex={number}">'
        f'<span class="text"><strong>{escape(p.title)}</strong>'
        f'<span class="source"><span>{p.published_at:%Y.%m.%d}</span><span>{escape(p.ministry)}</span>'
        f"</span></span></a></li>"
        for p in shown
    )
    listing = f'<div class="list_type"><ul>{items}</ul></div>' if shown else '<p class="nodata">자료가 없습니다.</p>'
    form = main_form(kind, query.get("startDate", ""), query.get("endDate", ""))
    return (
        f"<html><head><title>{kind} | 브리핑룸</title></head><body>{SITE_HEADER}"
        f'<div class="total">총 <strong>{len(matching):,}</strong> 건</div>{listing}{form}{SITE_FOOTER}</body></html>'
    )


def section_detail_page(page: MirrorSectionPage) -> str:
    """A section's page in the site's 2026 template (tests/korea_kr_template.py)."""
    files = [PageFile(file_id=a.file_id, name=a.name) for a in page.attachments]
    return template_page(
        kind=page.kind,
        news_id=page.news_id,
        title=page.title,
        published_at=page.published_at,
        ministry=page.ministry,
        rep_code=page.rep_code,
        body_html=page.body_html,
        files=files,
        header=SITE_HEADER,
        footer=SITE_FOOTER,
    )


def synthetic_section_pages(day: str, per_kind: int = 2) -> list[MirrorSectionPage]:
    """`per_kind` pages of each section on `day` and the day before, with invented content, as the
    2026 site keeps each kind: a briefing's transcript on the page (the first of a day) or in a
    `속기자료` attachment (the others); a fact check's text only in its attachment (the page is the
    viewer's shell); a cabinet meeting's agenda on the page."""
    pages = []
    for offset, moment in enumerate([datetime.fromisoformat(day), datetime.fromisoformat(day) - timedelta(days=1)]):
        for i in range(per_kind):
            at = moment.replace(hour=10 + i, tzinfo=SEOUL)
            number = offset * 100 + i
            pages += [
                briefing_page(number, at, transcript_attached=i > 0),
                fact_check_page(number, at),
                state_council_page(number, at),
            ]
    return pages


def briefing_page(number: int, at: datetime, *, transcript_attached: bool) -> MirrorSectionPage:
    news_id, title = str(920000000 + number), f"합성 브리핑 {number}"
    if not transcript_attached:
        return MirrorSectionPage(
            kind="briefing",
            news_id=news_id,
            title=title,
            published_at=at,
            ministry="가나부",
            body_html=briefing_body(number),
        )
    transcript = MirrorAttachment(
        file_id=f"{news_id}1", name=f"{title} 속기자료.hwpx", body=make_hwpx(briefing_lines(number))
    )
    return MirrorSectionPage(
        kind="briefing",
        news_id=news_id,
        title=title,
        published_at=at,
        ministry="가나부",
        body_html="",
        attachments=[transcript],
    )


def fact_check_page(number: int, at: datetime) -> MirrorSectionPage:
    news_id, title = str(930000000 + number), f"합성 해명 {number}"
    answer = MirrorAttachment(
        file_id=f"{news_id}1", name=f"{title} 설명자료.hwpx", body=make_hwpx(fact_check_lines(number))
    )
    return MirrorSectionPage(
        kind="fact_check",
        news_id=news_id,
        title=title,
        published_at=at,
        ministry="다라부",
        body_html="",
        attachments=[answer],
    )


def state_council_page(number: int, at: datetime) -> MirrorSectionPage:
    return MirrorSectionPage(
        kind="state_council",
        news_id=str(940000000 + number),
        title=f"제{number + 1}회 합성 국무회의",
        published_at=at,
        ministry="행정안전부",
        body_html=state_council_body(number),
    )


def briefing_lines(number: int) -> list[str]:
    return [
        "<김가나 가나부 장관>",
        f"합성 브리핑 {number}번의 모두 발언입니다.",
        "두 번째 문장입니다.",
        "<질의응답>",
        "<질문> 합성 질문입니까?",
        "<답변>",
        "합성 답변입니다.",
    ]


def fact_check_lines(number: int) -> list[str]:
    return [
        "<언론 보도 내용>",
        f"○ 마바일보 7월 {number % 28 + 1}일자 「합성 보도 {number}」 기사에서",
        "- 합성 주장을 보도",
        "<다라부 설명>",
        f"○ 합성 보도 {number}의 내용은 사실과 다릅니다.",
    ]


def briefing_body(number: int) -> str:
    return (
        f"<p>&lt;김가나 가나부 장관&gt;</p><p>합성 브리핑 {number}번의 모두 발언입니다.</p>"
        "<p>두 번째 문장입니다.</p><p>&lt;질의응답&gt;</p><p>&lt;질문&gt; 합성 질문입니까?</p>"
        "<p>&lt;답변&gt;</p><p>합성 답변입니다.</p>"
    )


def fact_check_body(number: int) -> str:
    return (
        "<p>&lt;언론 보도 내용&gt;</p>"
        f"<p>○ 마바일보 7월 {number % 28 + 1}일자 「합성 보도 {number}」 기사에서</p><p>- 합성 주장을 보도</p>"
        f"<p>&lt;다라부 설명&gt;</p><p>○ 합성 보도 {number}의 내용은 사실과 다릅니다.</p>"
    )


def state_council_body(number: int) -> str:
    return (
        "<p>&lt;의결안건&gt;</p>"
        f"<p>1. 합성법 {number} 일부개정법률안</p><p>【소관 : 가나부】</p>"
        f"<p>2. 합성령 {number} 일부개정령안 【소관 : 다라부, 마바부】</p>"
        f"<p>&lt;보고안건&gt;</p><p>① 합성 계획 {number}</p><p>【소관 : 가나부】</p>"
    )
