"""The shell every briefing-room detail page of a kind other than the press releases shares —
title, time, ministry, body, attachments — read from the page's HTML, or from its saved page text
(what a browser shows, as in the corpus's `text/`).

HTML: the press-release detail markup (`detail.parse_detail`: the browser's title, the date
span, the ministry link without its tooltip); the site's trailer is cut from the body. A page
with neither body text nor an attachment raises `PageParseError`: its text is nowhere. Page text:
the first line may be the page's URL; the site's chrome (skip links and menus up to `콘텐츠 영역`,
the print/list buttons, the next-article links, banners and the posting rules at the end) is cut,
and a `TITLE` / `YYYY.MM.DD 기관` header is read when the text has one (a mobile page's text often
has none: then title and time are None). Pure.
"""

from __future__ import annotations

import re
from datetime import datetime

from briefing_spider.contract import DetailPage, PageParseError, PageText
from briefing_spider.parse.site_time import DOTTED_DATE, parse_site_datetime
from briefing_spider.sites.korea_kr.detail import parse_detail

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


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2048]))


def read_section_page(html: str, url: str) -> DetailPage:
    """A section's detail page; PageParseError without newsId, title, time, or any text."""
    page = parse_detail(html, url)
    if not page.body_text.strip() and not page.attachments:
        raise PageParseError(url, "body", "no text in div.view_cont and no attachment to read it from")
    return page


def read_page_text(text: str, url: str | None = None) -> PageText:
    """A page's saved text (no HTML): its header when it has one, and the body."""
    lines = [" ".join(line.split()) for line in text.lstrip("\ufeff").splitlines()]
    if lines and URL_LINE.match(lines[0]):
        url = url or lines[0]
        lines = lines[1:]
    title, published_at, ministry, lines = _header(_content_lines(lines))
    body = "\n".join(lines)
    if not body:
        raise PageParseError(url or "(page text)", "body", "no text after the site's chrome")
    return PageText(url=url, title=title, published_at=published_at, ministry=ministry, body_text=body)


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
