"""korea.kr press-release pages: list entries and detail fields.

Selectors are named constants and hypotheses with fallbacks (see ../shared MARKUP.md); a
missing required field raises `PageParseError` naming the field, so a changed layout is loud.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qs, urljoin, urlsplit

from parsel import Selector

from briefing_spider.parse.korea_kr_body import cut_body
from briefing_spider.parse.site_time import find_date, parse_site_datetime

SITE = "https://www.korea.kr"
DETAIL_PATH = "/briefing/pressReleaseView.do"
LIST_PATH = "/briefing/pressReleaseList.do"

LIST_ITEMS = ".list_type li"
LIST_ITEM_LINK = 'a[href*="pressReleaseView.do"]'
LIST_TITLE = "strong"
LIST_SOURCE_SPANS = "span.source span"
LIST_LEAD = "span.lead"
LIST_TOTAL = re.compile(r"총\s*([\d,]+)\s*건")

JSON_LD = 'script[type="application/ld+json"]::text'
HEADER_TITLE = ".article_head h1"
HEADER_INFO_SPANS = ".article_head .info span, div.info span"
HEADER_MINISTRY_LINK = 'a.gotosite[href*="repCode="]'
OG_TITLE = 'meta[property="og:title"]::attr(content)'
BODY = ".article_body .view_cont, div.view_cont"
ATTACHMENT_LINKS = 'a[href*="download.do"][href*="fileId="]'
ATTACHMENT_NAME = re.compile(r"\S(?:.*\S)?\.(?:hwpx|hwp|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png)\b", re.I)
REPRINT_MINISTRY = re.compile(r"이 자료는\s*(?P<name>.+?)의 보도자료를 전재하여")


class PageParseError(ValueError):
    """A required field is missing: the page is not what the parser expects."""

    def __init__(self, url: str, field: str, reason: str):
        super().__init__(f"{url}: no {field} ({reason})")
        self.url, self.field, self.reason = url, field, reason


@dataclass(frozen=True, kw_only=True)
class ListEntry:
    news_id: str
    url: str
    title: str
    listed_on: date | None
    ministry: str | None
    lead: str | None = None


@dataclass(frozen=True, kw_only=True)
class ListPage:
    total: int | None  # the page's own `총 N 건`
    entries: tuple[ListEntry, ...]


@dataclass(frozen=True, kw_only=True)
class AttachmentLink:
    name: str
    url: str
    file_id: str


@dataclass(frozen=True, kw_only=True)
class DetailPage:
    news_id: str
    url: str
    title: str
    published_at: datetime
    modified_at: datetime | None
    ministry: str | None
    ministry_code: str | None
    body_html: str
    body_text: str
    attachments: tuple[AttachmentLink, ...]


def news_id_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("newsId")
    return values[0] if values and values[0].isdigit() else None


def canonical_detail_url(news_id: str, site: str = SITE) -> str:
    return f"{site}{DETAIL_PATH}?newsId={news_id}"


def parse_list(html: str, page_url: str) -> ListPage:
    selector = Selector(text=html)
    items = selector.css(LIST_ITEMS) or selector.css(f"li:has({LIST_ITEM_LINK})")
    entries: dict[str, ListEntry] = {}
    for item in items:
        entry = _list_entry(item, page_url)
        if entry and entry.news_id not in entries:
            entries[entry.news_id] = entry
    total = LIST_TOTAL.search(" ".join(selector.css("body ::text").getall()))
    return ListPage(total=int(total[1].replace(",", "")) if total else None, entries=tuple(entries.values()))


def _list_entry(item: Selector, page_url: str) -> ListEntry | None:
    link = item.css(LIST_ITEM_LINK)
    news_id = news_id_of(urljoin(page_url, link.attrib.get("href", ""))) if link else None
    title = _clean(link.css(f"{LIST_TITLE} ::text").getall()) if link else ""
    sources = [_clean([t]) for t in item.css(f"{LIST_SOURCE_SPANS}::text").getall()]
    sources = [s for s in sources if s]
    listed_on = next((d for d in map(find_date, sources) if d), None)
    if not news_id or not title or listed_on is None:
        return None  # a related/popular link, not a list item: those lack title or date
    ministry = next((s for s in sources if not find_date(s)), None)
    lead = _clean(item.css(f"{LIST_LEAD} ::text").getall()) or None
    site = f"{urlsplit(page_url).scheme}://{urlsplit(page_url).netloc}"
    return ListEntry(news_id=news_id, url=canonical_detail_url(news_id, site), title=title,
                     listed_on=listed_on, ministry=ministry, lead=lead)


def parse_detail(html: str, url: str) -> DetailPage:
    selector = Selector(text=html)
    news_id = news_id_of(url)
    if not news_id:
        raise PageParseError(url, "newsId", "the URL has no numeric newsId parameter")
    linked = _json_ld(selector)
    title = _clean([linked.get("headline") or ""]) or _clean(selector.css(f"{HEADER_TITLE} ::text").getall())
    title = title or _clean([selector.css(OG_TITLE).get() or ""])
    if not title:
        raise PageParseError(url, "title", "no JSON-LD headline, no .article_head h1, no og:title")
    published_at = parse_site_datetime(linked.get("datePublished")) or _header_date(selector)
    if published_at is None:
        raise PageParseError(url, "published_at", "no JSON-LD datePublished and no header date")
    body = selector.css(BODY)
    body_html, body_text = cut_body(body[0].root) if body else ("", "")
    ministry, code = _ministry(selector, body_text=" ".join(body.css("::text").getall()) if body else "")
    site = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
    return DetailPage(
        news_id=news_id, url=canonical_detail_url(news_id, site), title=title,
        published_at=published_at, modified_at=parse_site_datetime(linked.get("dateModified")),
        ministry=ministry, ministry_code=code, body_html=body_html, body_text=body_text,
        attachments=_attachments(selector, url),
    )


def attachment_links(html: str, url: str) -> tuple[AttachmentLink, ...]:
    """The attachment download links of a detail page (for navigation)."""
    return _attachments(Selector(text=html), url)


def _json_ld(selector: Selector) -> dict:
    for script in selector.css(JSON_LD).getall():
        try:
            data = json.loads(script)
        except json.JSONDecodeError:
            continue
        for candidate in data if isinstance(data, list) else [data]:
            if isinstance(candidate, dict) and ("headline" in candidate or "datePublished" in candidate):
                return candidate
    return {}


def _header_date(selector: Selector) -> datetime | None:
    for text in selector.css(f"{HEADER_INFO_SPANS}::text").getall():
        if find_date(text):
            return parse_site_datetime(find_date(text).isoformat())
    return None


def _ministry(selector: Selector, body_text: str) -> tuple[str | None, str | None]:
    link = selector.css(HEADER_MINISTRY_LINK)
    if link:
        code = parse_qs(urlsplit(link[0].attrib["href"]).query).get("repCode", [None])[0]
        name = _clean(link[0].css("::text").getall())
        if name:
            return name, code
    reprint = REPRINT_MINISTRY.search(body_text)
    return (reprint["name"].strip(), None) if reprint else (None, None)


def _attachments(selector: Selector, page_url: str) -> tuple[AttachmentLink, ...]:
    links: dict[str, AttachmentLink] = {}
    for anchor in selector.css(ATTACHMENT_LINKS):
        url = urljoin(page_url, anchor.attrib["href"])
        file_id = parse_qs(urlsplit(url).query).get("fileId", [""])[0]
        if not file_id or file_id in links:
            continue
        links[file_id] = AttachmentLink(name=_attachment_name(anchor) or file_id, url=url, file_id=file_id)
    return tuple(links.values())


def _attachment_name(anchor: Selector) -> str | None:
    """The file name: the link's title/download attribute or text, else its list item's text
    (pages often put the name in a span beside a link that reads 다운로드)."""
    candidates = [anchor.attrib.get("title", ""), anchor.attrib.get("download", ""),
                  _clean(anchor.css("::text").getall())]
    candidates += [_clean(texts.css("::text").getall()) for texts in anchor.xpath("./ancestor::li[1]")]
    for candidate in candidates:
        match = ATTACHMENT_NAME.search(candidate)
        if match:
            return match[0].strip()
    return candidates[2] or None


def _clean(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())
