"""The shell every briefing-room detail page shares — title, time, ministry, body — read from the
page's HTML or from its saved page text (what a browser shows, as in the corpus's `text/`).

HTML: the press-release detail markup (JSON-LD, `.article_head`, `div.view_cont`: MARKUP.md),
read by `parse_detail`; the site's trailer is cut from the body. A page without a title or a
published time raises `PageParseError`. Page text: the first line may be the page's URL; the site's
chrome (skip links and menus up to `콘텐츠 영역`, the print/list buttons, the next-article links,
banners and the posting rules at the end) is cut, and a `TITLE` / `YYYY.MM.DD 기관` header is read
when the text has one (a mobile page's text often has none: then title and time are None).
A body with no text raises `PageParseError` in both cases. Pure: text in, `SectionPage` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from briefing_spider.parse.site_time import DOTTED_DATE, parse_site_datetime
from briefing_spider.sites.korea_kr.pages import AttachmentLink, PageParseError, news_id_of, parse_detail
from briefing_spider.sites.korea_kr.sections import Section, section_of_url

HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body)\b", re.I | re.S)
URL_LINE = re.compile(r"^https?://\S+$")
CONTENT_START = "콘텐츠 영역"
# Lines of the page's chrome inside the content area: buttons and labels.
CHROME_LINE = re.compile(
    r"^(?:인쇄|목록|인쇄\s*목록|글자크기\s*설정|글자크기\s*설정\s*목록|공유하기|스크랩|URL\s*복사)$"
)
# Where the page's own text ends: the next/previous-article links, banners, the posting rules, the
# site's source and licence lines, the reprint notice.
PAGE_END = re.compile(
    r"^(?:이전다음기사|이전기사|다음기사|히단 배너 영역|추천 뉴스|많이 본, 최신|정책브리핑 게시물 운영원칙)"
    r"|전재하여\s*제공|※\s*브리핑룸\s*(?:보도자료|자료)는|공공누리|출처\s*[:：]\s*대한민국\s*정책브리핑"
)
HEADER_LINE = re.compile(rf"^(?P<date>{DOTTED_DATE.pattern})\.?\s*(?P<ministry>\S.*)?$")
HEADER_SEARCH_LINES = 3  # the date line is the title's next line, near the top


@dataclass(frozen=True, kw_only=True)
class SectionPage:
    kind: str
    news_id: str | None  # None: saved page text with no URL naming it
    url: str | None
    title: str | None  # always set from HTML; page text may lack a header
    published_at: datetime | None  # Asia/Seoul; always set from HTML
    ministry: str | None
    ministry_code: str | None
    body_text: str  # one line per block, the site's chrome and trailer cut
    source: str  # page (HTML) or text (saved page text)
    attachments: tuple[AttachmentLink, ...] = ()


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2048]))


def read_page(text: str, section: Section, url: str | None = None) -> SectionPage:
    """A detail page's HTML or its saved page text, whichever `text` is."""
    if looks_like_html(text):
        if not url:
            raise PageParseError("(no URL)", "newsId", "an HTML page needs its URL")
        return page_from_html(text, url, section)
    return page_from_text(text, section, url)


def page_from_html(html: str, url: str, section: Section) -> SectionPage:
    detail = parse_detail(html, url)  # raises PageParseError without newsId, title or time
    if not detail.body_text.strip():
        raise PageParseError(url, "body", "no text in div.view_cont")
    return SectionPage(
        kind=section.kind,
        news_id=detail.news_id,
        url=_canonical(url, detail.news_id, section),
        title=detail.title,
        published_at=detail.published_at,
        ministry=detail.ministry,
        ministry_code=detail.ministry_code,
        body_text=detail.body_text,
        source="page",
        attachments=detail.attachments,
    )


def page_from_text(text: str, section: Section, url: str | None = None) -> SectionPage:
    lines = [" ".join(line.split()) for line in text.lstrip("\ufeff").splitlines()]
    if lines and URL_LINE.match(lines[0]):
        url = url or lines[0]
        lines = lines[1:]
    lines = _content_lines(lines)
    title, published_at, ministry, lines = _header(lines)
    body = "\n".join(lines)
    news_id = news_id_of(url) if url else None
    if not body:
        raise PageParseError(url or "(page text)", "body", "no text after the site's chrome")
    return SectionPage(
        kind=section.kind,
        news_id=news_id,
        url=_canonical(url, news_id, section),
        title=title,
        published_at=published_at,
        ministry=ministry,
        ministry_code=None,
        body_text=body,
        source="text",
    )


def _content_lines(lines: list[str]) -> list[str]:
    """The lines of the content area: after `콘텐츠 영역`, before the page's end; no chrome lines."""
    if CONTENT_START in lines:
        lines = lines[lines.index(CONTENT_START) + 1 :]
    end = next((k for k, line in enumerate(lines) if PAGE_END.search(line)), len(lines))
    return [line for line in lines[:end] if line and not CHROME_LINE.match(line)]


def _header(lines: list[str]) -> tuple[str | None, datetime | None, str | None, list[str]]:
    """`TITLE` then `YYYY.MM.DD 기관` at the top: (title, time, ministry, the lines after them)."""
    for k in range(1, min(HEADER_SEARCH_LINES, len(lines))):
        match = HEADER_LINE.match(lines[k])
        if match:
            published_at = parse_site_datetime(match["date"])
            if published_at is not None:
                return " ".join(lines[:k]), published_at, match["ministry"], lines[k + 1 :]
    return None, None, None, lines


def _canonical(url: str | None, news_id: str | None, section: Section) -> str | None:
    """The section's canonical address when `url` is one of its detail pages; else `url` as given
    (a page of another section, read as this kind by hand, keeps its own address)."""
    return section.detail_url(news_id) if news_id and section_of_url(url) is section else url
