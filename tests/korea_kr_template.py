"""korea.kr's 2026 detail-page template, as the real pages show it (MARKUP.md, "The 2026 template
as real pages show it"), for the test site's synthetic releases: the heading a browser shows
(`div.view_title > h1`), the title's machine copies escaped as the site escapes them (JSON-LD
`headline` three times, `og:title` and `input#titleText` twice), the sub-title, the date span,
the ministry link with its tooltip, the files (`div.filedown`), the body — or, when the text is in
the files, the document viewer's iframe shell and the 전재 notice — and the page's `mainForm`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from html import escape

SUFFIX = {
    "press_release": "보도자료",
    "briefing": "부처 브리핑",
    "fact_check": "사실은 이렇습니다",
    "state_council": "국무회의",
}
LIST_PATHS = {
    "press_release": "/briefing/pressReleaseList.do",
    "briefing": "/briefing/policyBriefingList.do",
    "fact_check": "/briefing/actuallyList.do",
    "state_council": "/briefing/stateCouncilList.do",
}
DETAIL_PATHS = {
    "press_release": "/briefing/pressReleaseView.do",
    "briefing": "/briefing/policyBriefingView.do",
    "fact_check": "/briefing/actuallyView.do",
    "state_council": "/briefing/stateCouncilView.do",
}


@dataclass(frozen=True)
class PageFile:
    file_id: str
    name: str


def escaped(text: str, times: int) -> str:
    for _ in range(times):
        text = escape(text, quote=True)
    return text


def detail_page(
    *,
    kind: str,
    news_id: str,
    title: str,
    published_at: datetime,
    ministry: str | None,
    rep_code: str | None,
    body_html: str,
    files: list[PageFile],
    header: str = "",
    footer: str = "",
    subtitle: str | None = None,
) -> str:
    canonical = f"https://www.korea.kr{DETAIL_PATHS[kind]}?newsId={news_id}"
    linked = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@id": canonical},
        "headline": "HEADLINE",
        "datePublished": published_at.isoformat(),
        "dateModified": published_at.isoformat(),
        "author": {"name": ministry or ""},
    }
    ld = json.dumps(linked, ensure_ascii=False).replace('"HEADLINE"', json.dumps(escaped(title, 3), ensure_ascii=False))
    ministry_span = (
        f'<span><a class="gotosite" href="/news/ministryNewsList.do?repCode={rep_code}">\n\t\t'
        f'{escape(ministry)}<i class="tooltip">부처별 뉴스 이동</i>\n\t</a></span>'
        if ministry and rep_code
        else (f"<span>{escape(ministry)}</span>" if ministry else "")
    )
    notice = f"“이 자료는 {escape(ministry or '')}의 보도자료를 전재하여 제공함을 알려드립니다.”"
    body = body_html or (
        '<div class="docConversion" id="content"><iframe title="content" id="content_press" '
        f'src="/docViewer/iframe_skin/doc.html?fn={news_id}&amp;rs=/docViewer/result/{news_id}"></iframe></div>'
    )
    return (
        f'<!DOCTYPE html>\n<html lang="ko"><head><title>{escape(title)} - {SUFFIX[kind]} | 브리핑룸 | 대한민국 정책브리핑</title>'
        f'<meta property="og:title" content="{escaped(title, 2)}"><link rel="canonical" href="{canonical}"/>'
        f'<script type="application/ld+json">{ld}</script></head><body>{header}<div id="content">'
        f'<div class="view_title"><h1>{escape(title)}</h1></div>'
        f'<div class="article_head"><input type="hidden" id="titleText" name="titleText" value="{escaped(title, 2)}">'
        + (f"<h2>{escape(subtitle)}</h2>" if subtitle else "")
        + f'<div class="variety"><div class="info"><span>{published_at:%Y.%m.%d}</span>{ministry_span}</div></div></div>'
        f'<div class="article_body"><div class="view_cont">{body}<p class="remark">{notice}</p>'
        f"<p>※ 브리핑룸 보도자료는 각 부처가 배포한 자료입니다.</p></div></div>"
        f'<div class="article_footer">{filedown(files)}</div>'
        f'<div class="related"><a href="{DETAIL_PATHS[kind]}?newsId=2">다른 자료</a></div></div>'
        f"{main_form(kind)}{footer}</body></html>"
    )


def filedown(files: list[PageFile]) -> str:
    if not files:
        return "<!-- S: file Down --><!-- E: file Down -->"
    items = "".join(
        f'<p><span><a href="/common/download.do?fileId={f.file_id}&amp;tblKey=GMN">'
        f'<img src="/images/icon/icon_ihangul.gif" alt="한글파일">{escape(f.name)}</a></span><span>'
        f'<a class="view" href="/common/docViewer.do?fileId={f.file_id}&amp;tblKey=GMN" target="_Blank">바로보기</a>'
        f'<a class="down" href="/common/download.do?fileId={f.file_id}&amp;tblKey=GMN">내려받기</a></span></p>'
        for f in files
    )
    return f'<div class="filedown"><dl><dt>첨부파일</dt><dd>{items}</dd></dl></div>'


def main_form(kind: str, start: str = "", end: str = "") -> str:
    """The page's own list form, which the site posts to page its lists (goList)."""
    return (
        f'<form id="mainForm" name="mainForm" method="post" action="{LIST_PATHS[kind]}">'
        '<input type="hidden" id="pageIndex" name="pageIndex" value="">'
        f'<input type="hidden" id="startDate" name="startDate" value="{start}">'
        f'<input type="hidden" id="endDate" name="endDate" value="{end}">'
        '<input type="hidden" id="srchWord" name="srchWord" value="">'
        '<input type="hidden" id="formPeriod" name="period" value=""></form>'
    )
