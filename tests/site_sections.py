"""The local mirror's other briefing-room sections: 브리핑 (policyBriefingList/View), 사실은
이렇습니다 (actuallyList/View) and 국무회의 (stateCouncilList/View), with invented content.

Pages use the press-release shells (MARKUP.md: the sections' markup is second-hand, [one]): JSON-LD,
`.article_head`, `div.view_cont` holding the transcript / the answer / the agenda. The lists
follow `sections.py`: 보도자료-like items linking the section's detail page; the briefing list
ignores a date filter (it has none: a crawler pages until the dates pass), the fact-check list
applies it, the state-council list (filter not known) ignores it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

from briefing_spider.parse.site_time import SEOUL
from tests.site import PAGE_SIZE, SITE_FOOTER, SITE_HEADER

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
    body_html: str


def section_answer(pages: dict[str, MirrorSectionPage], path: str, query: dict) -> str | None:
    """The HTML of a section's list or detail page at `path`, or None (not a section's path)."""
    for kind, (list_path, detail_path, filtered) in SECTION_PATHS.items():
        if path == list_path:
            return section_list_page([p for p in pages.values() if p.kind == kind], kind, query, filtered)
        if path == detail_path:
            page = pages.get(query.get("newsId", ""))
            return section_detail_page(page) if page is not None and page.kind == kind else None
    return None


def section_list_page(pages: list[MirrorSectionPage], kind: str, query: dict, filtered: bool) -> str:
    start = date.fromisoformat(query.get("startDate", "1900-01-01")) if filtered else date.min
    end = date.fromisoformat(query.get("endDate", "2999-12-31")) if filtered else date.max
    number = int(query.get("pageIndex", "1"))
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
    return (
        f"<html><head><title>{kind} | 브리핑룸</title></head><body>{SITE_HEADER}"
        f'<div class="total">총 <strong>{len(matching):,}</strong> 건</div>{listing}{SITE_FOOTER}</body></html>'
    )


def section_detail_page(page: MirrorSectionPage) -> str:
    linked = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": page.published_at.isoformat(),
        "dateModified": page.published_at.isoformat(),
    }
    return (
        f"<html><head><title>{escape(page.title)} | 브리핑룸</title>"
        f'<script type="application/ld+json">{json.dumps(linked, ensure_ascii=False)}</script></head><body>'
        f'{SITE_HEADER}<div id="content"><div class="article_head"><h1>{escape(page.title)}</h1>'
        f'<div class="info"><span>{page.published_at:%Y.%m.%d}</span><span>{escape(page.ministry)}</span></div></div>'
        f'<div class="article_body"><div class="view_cont">{page.body_html}'
        f"<p>출처 : 대한민국 정책브리핑(www.korea.kr)</p></div></div>"
        f'<div class="related"><a href="{SECTION_PATHS[page.kind][1]}?newsId=1">다른 자료</a></div>'
        f"</div>{SITE_FOOTER}</body></html>"
    )


def synthetic_section_pages(day: str, per_kind: int = 2) -> list[MirrorSectionPage]:
    """`per_kind` pages of each section on `day` and the day before, with invented content."""
    pages = []
    for offset, moment in enumerate([datetime.fromisoformat(day), datetime.fromisoformat(day) - timedelta(days=1)]):
        for i in range(per_kind):
            at = moment.replace(hour=10 + i, tzinfo=SEOUL)
            number = offset * 100 + i
            pages += [
                MirrorSectionPage(
                    kind="briefing",
                    news_id=str(920000000 + number),
                    title=f"합성 브리핑 {number}",
                    published_at=at,
                    ministry="가나부",
                    body_html=briefing_body(number),
                ),
                MirrorSectionPage(
                    kind="fact_check",
                    news_id=str(930000000 + number),
                    title=f"합성 해명 {number}",
                    published_at=at,
                    ministry="다라부",
                    body_html=fact_check_body(number),
                ),
                MirrorSectionPage(
                    kind="state_council",
                    news_id=str(940000000 + number),
                    title=f"제{number + 1}회 합성 국무회의",
                    published_at=at,
                    ministry="행정안전부",
                    body_html=state_council_body(number),
                ),
            ]
    return pages


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
