"""korea.kr press-release detail pages (`pressReleaseView.do?newsId=N`).

JSON-LD first (the most stable source of title and times), then the header, then og:title.
XPath constants are compiled once: a page is parsed once by lxml and searched a few times.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from html import unescape
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from briefing_spider.contract.page import AttachmentLink, DetailPage
from briefing_spider.parse.page_text import xml_safe
from briefing_spider.parse.site_time import find_date, parse_site_datetime
from briefing_spider.sites.korea_kr.body import cut_body
from briefing_spider.sites.korea_kr.site import (
    PageParseError,
    canonical_detail_url,
    clean_text,
    news_id_of,
    on_site,
    site_of,
)
from briefing_spider.sites.korea_kr.title import Copy, Title, TitleDisagreement, page_title

JSON_LD_IN_HEAD = etree.XPath("/html/head/script[@type='application/ld+json']/text()")
JSON_LD = etree.XPath("//script[@type='application/ld+json']/text()")
# The title's copies, the heading a browser shows first (title.py).
VIEW_TITLE = etree.XPath("//div[contains(concat(' ', normalize-space(@class), ' '), ' view_title ')]/h1")
HEADER_TITLE = etree.XPath("//div[contains(concat(' ', normalize-space(@class), ' '), ' article_head ')]//h1")
TITLE_INPUT = etree.XPath("//input[@id='titleText']/@value")
PAGE_TITLE = etree.XPath("/html/head/title")
SUBTITLE = etree.XPath("//div[contains(concat(' ', normalize-space(@class), ' '), ' article_head ')]/h2")
TOOLTIP = etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' tooltip ')]")
# One pass over the divs finds the header's info line and the body.
CLASSED_DIVS = etree.XPath("//div[contains(@class, 'info') or contains(@class, 'view_cont')]")
INFO_CLASS = "info"
SPAN_TEXTS = etree.XPath(".//span/text()")
OG_TITLE = etree.XPath("//meta[@property='og:title']/@content")
META_PUBLISHED = etree.XPath("//meta[@property='article:published_time']/@content")
ARTICLE_HEAD_TEXT = etree.XPath("//div[contains(@class, 'article_head')]//text()")
BODY_CLASS = "view_cont"
# One pass over the anchors finds both the ministry link and the attachment links.
# (testing the href attribute nodes is faster than a predicate on every `a`)
SPECIAL_LINKS = etree.XPath("//a/@href[contains(., 'fileId=') or contains(., 'repCode=')]/..")
MINISTRY_LINK_CLASS = "gotosite"
DOWNLOAD_PATH = "download.do"
LIST_ITEM = etree.XPath("ancestor::li[1]")
HREF_BEFORE = re.compile(r"""href\s*=\s*["']$""", re.I)
ATTACHMENT_NAME = re.compile(r"\S(?:.*?\S)?\.(?:hwpx|hwp|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png)(?![A-Za-z0-9])", re.I)
REPRINT_MINISTRY = re.compile(r"이 자료는\s*(?P<name>.+?)의 보도자료를 전재하여")


def parse_detail(html: str, url: str) -> DetailPage:
    news_id = news_id_of(url)
    if not news_id:
        raise PageParseError(url, "newsId", "the URL has no numeric newsId parameter")
    root = _parse(html)
    linked = _json_ld(root)
    title = _title(root, linked, url)
    divs = [(div, div.get("class").split()) for div in CLASSED_DIVS(root)]
    header_texts = [clean_text([t]) for div, classes in divs if INFO_CLASS in classes for t in SPAN_TEXTS(div)]
    published_at = (
        parse_site_datetime(linked.get("datePublished")) or _header_date(header_texts) or _fallback_date(root)
    )
    if published_at is None:
        raise PageParseError(url, "published_at", "no JSON-LD datePublished, no header date, no article:published_time")
    body = next((div for div, classes in divs if BODY_CLASS in classes), None)
    body_html, body_text = cut_body(body) if body is not None else ("", "")
    links = SPECIAL_LINKS(root)
    ministry, code = _ministry(header_texts, links, body)
    return DetailPage(
        news_id=news_id,
        url=canonical_detail_url(news_id),
        title=title.text,
        published_at=published_at,
        modified_at=parse_site_datetime(linked.get("dateModified")),
        ministry=ministry,
        ministry_code=code,
        body_html=body_html,
        body_text=body_text,
        attachments=_attachments(links, url),
        subtitle=clean_text([h2.text_content() for h2 in SUBTITLE(root)[:1]]) or None,
        warnings=title.warnings,
    )


def _title(root, linked: dict, url: str) -> Title:
    """The title as a browser shows it (title.py); PageParseError when the page has none, or
    only copies that disagree."""
    shown = [Copy("view_title", h1.text_content(), shown=True) for h1 in VIEW_TITLE(root)[:1]]
    shown += [Copy("article_head h1", h1.text_content(), shown=True) for h1 in HEADER_TITLE(root)[:1]]
    copies = [
        *shown,
        Copy("headline", xml_safe(str(linked.get("headline") or ""))),
        *(Copy("og:title", value) for value in OG_TITLE(root)[:1]),
        *(Copy("titleText", value) for value in TITLE_INPUT(root)[:1]),
        *(Copy("<title>", element.text_content()) for element in PAGE_TITLE(root)[:1]),
    ]
    try:
        title = page_title(copies)
    except TitleDisagreement as error:
        raise PageParseError(url, "title", f"no heading, and its copies disagree: {error}") from None
    if title is None:
        raise PageParseError(
            url, "title", "no div.view_title h1, no .article_head h1, no headline, og:title or <title>"
        )
    return title


def attachment_links(html: str, url: str) -> tuple[AttachmentLink, ...]:
    """The attachment download links of a detail page, with their names (and their canonical
    www.korea.kr URLs: see `_attachments`)."""
    return _attachments(SPECIAL_LINKS(_parse(html)), url)


def attachment_urls(html: str, url: str) -> tuple[str, ...]:
    """The same links' URLs without parsing the page (for navigation and lookups): an `href`
    naming download.do with a fileId, the first per fileId, in page order."""
    found: dict[str, str] = {}
    for href in _download_hrefs(html):
        absolute = urljoin(url, unescape(href))
        file_id = parse_qs(urlsplit(absolute).query).get("fileId", [""])[0]
        if file_id and file_id not in found:
            found[file_id] = absolute
    return tuple(found.values())


def _download_hrefs(html: str):
    """Each quoted href value around an occurrence of `download.do` that names a fileId (a
    string scan: much faster than a regex over pages with hundreds of links)."""
    position = html.find(DOWNLOAD_PATH)
    while position != -1:
        start = max(html.rfind('"', 0, position), html.rfind("'", 0, position))
        quote = html[start] if start >= 0 else '"'
        end = html.find(quote, position)
        if start >= 0 and end != -1 and HREF_BEFORE.search(html, max(0, start - 12), start + 1):
            value = html[start + 1 : end]
            if "fileId=" in value:
                yield value
        position = html.find(DOWNLOAD_PATH, position + len(DOWNLOAD_PATH))


def _parse(html: str):
    try:
        return lxml_html.document_fromstring(xml_safe(html))
    except (etree.ParserError, ValueError):
        return lxml_html.document_fromstring("<html><body></body></html>")


def _json_ld(root) -> dict:
    for script in JSON_LD_IN_HEAD(root) or JSON_LD(root):
        try:
            data = json.loads(script)
        except json.JSONDecodeError:
            continue
        for candidate in data if isinstance(data, list) else [data]:
            if isinstance(candidate, dict) and ("headline" in candidate or "datePublished" in candidate):
                return candidate
    return {}


def _fallback_date(root) -> datetime | None:
    """Other pages' ways: the article:published_time meta, else a date in the article head."""
    meta = META_PUBLISHED(root)
    if meta and parse_site_datetime(meta[0]):
        return parse_site_datetime(meta[0])
    return _header_date([clean_text(ARTICLE_HEAD_TEXT(root))])


def _header_date(header_texts: list[str]) -> datetime | None:
    for text in header_texts:
        day = find_date(text)
        if day:
            return parse_site_datetime(day.isoformat())
    return None


def _ministry(header_texts: list[str], links, body) -> tuple[str | None, str | None]:
    """The header's link to the ministry's list (name and repCode), else the header's text
    beside the date, else the reprint notice in the body."""
    for link in links:
        if MINISTRY_LINK_CLASS in (link.get("class") or "") and "repCode=" in link.get("href", ""):
            code = parse_qs(urlsplit(link.get("href")).query).get("repCode", [None])[0]
            name = _text_without_tooltips(link)
            if name:
                return name, code
    beside_date = [text for text in header_texts if text and not find_date(text)]
    if beside_date:
        return beside_date[0], None
    reprint = REPRINT_MINISTRY.search(body.text_content()) if body is not None else None
    return (reprint["name"].strip(), None) if reprint else (None, None)


def _text_without_tooltips(element) -> str:
    """The element's text as a reader takes it in: without the tooltip words the site puts
    inside a link (`국토교통부<i class="tooltip">부처별 뉴스 이동</i>`)."""
    hidden = TOOLTIP(element)
    if not hidden:
        return clean_text([element.text_content()])
    element = copy.deepcopy(element)
    for tip in TOOLTIP(element):
        tip.drop_tree()
    return clean_text([element.text_content()])


def _attachments(links, page_url: str) -> tuple[AttachmentLink, ...]:
    """A link to the host that served the page (the site or a mirror of it) gets its canonical
    www.korea.kr URL: the record never depends on the host it was read through."""
    found: dict[str, AttachmentLink] = {}
    page_site = site_of(page_url)
    for anchor in links:
        href = anchor.get("href", "")
        if DOWNLOAD_PATH not in href or "fileId=" not in href:
            continue
        url = urljoin(page_url, href)
        url = on_site(url) if site_of(url) == page_site else url
        file_id = parse_qs(urlsplit(url).query).get("fileId", [""])[0]
        if file_id and file_id not in found:
            found[file_id] = AttachmentLink(name=_attachment_name(anchor) or file_id, url=url, file_id=file_id)
    return tuple(found.values())


def _attachment_name(anchor) -> str | None:
    """The file name: the link's title/download attribute or text, else its list item's text
    (pages often put the name in a span beside a link that reads 다운로드)."""
    text = clean_text([anchor.text_content()])
    candidates = [anchor.get("title", ""), anchor.get("download", ""), text]
    candidates += [clean_text([item.text_content()]) for item in LIST_ITEM(anchor)]
    for candidate in candidates:
        match = ATTACHMENT_NAME.search(candidate)
        if match:
            return match[0].strip()
    return text or None
