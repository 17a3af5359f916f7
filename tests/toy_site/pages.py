"""The toy site's pages (invented markup). List (`/notices?from=D&to=D&page=N`, ten a page):
`<p class="count">N notices</p>` and `<li class="notice" data-id="N">` items with `<a href>` and
`<time>`. Detail (`/notice/N`): `<article data-id="N">` with `h2.headline`, `time[datetime]`,
`p.from` (the ministry), `div.text` (the body) and `a.file` links. Pure."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from briefing_spider.contract import AttachmentLink, DetailPage, ListEntry, ListPage, PageParseError
from briefing_spider.parse.html_text import element_text
from briefing_spider.parse.site_time import parse_site_datetime
from briefing_spider.parse.url_path import clean_text, path_of

ORIGIN = "https://toy.example"
LIST_PATH = "/notices"
DETAIL_PATH = "/notice/"
LIST_ITEMS = "//li[@class='notice']"
LIST_COUNT = "//p[@class='count']"
COUNT = re.compile(r"(\d+) notices?")
ARTICLE = "//article[@data-id]"
HEADLINE = ".//h2[@class='headline']"
TIME = ".//time/@datetime"
FROM = ".//p[@class='from']"
TEXT = ".//div[@class='text']"
FILES = ".//a[@class='file']"


def parse_list(html: str, url: str) -> ListPage:
    root = lxml_html.fromstring(html)
    count = COUNT.search(" ".join(p.text_content() for p in root.xpath(LIST_COUNT)))
    entries = tuple(
        ListEntry(
            news_id=item.get("data-id"),
            url=f"{ORIGIN}{DETAIL_PATH}{item.get('data-id')}",
            title=clean_text([item.xpath(".//a")[0].text_content()]),
            listed_on=date.fromisoformat(item.xpath(".//time")[0].text_content().strip()),
            kind="notice",
        )
        for item in root.xpath(LIST_ITEMS)
    )
    return ListPage(total=int(count[1]) if count else None, entries=entries)


def read_page(text: str, url: str) -> DetailPage:
    root = lxml_html.fromstring(text)
    articles = root.xpath(ARTICLE)
    if not articles:
        raise PageParseError(url, "article", f"no {ARTICLE}")
    article = articles[0]
    title = clean_text([element.text_content() for element in article.xpath(HEADLINE)])
    if not title:
        raise PageParseError(url, "title", f"no {HEADLINE}")
    published = parse_site_datetime(next(iter(article.xpath(TIME)), None))
    if published is None:
        raise PageParseError(url, "published_at", "no time[datetime]")
    body = next(iter(article.xpath(TEXT)), None)
    ministry = clean_text([element.text_content() for element in article.xpath(FROM)]) or None
    return DetailPage(
        news_id=article.get("data-id"),
        url=f"{ORIGIN}{path_of(url)}",
        title=title,
        published_at=published,
        modified_at=None,
        ministry=ministry,
        ministry_code=None,
        body_html="" if body is None else lxml_html.tostring(body, encoding="unicode"),
        body_text="" if body is None else element_text(body),
        attachments=_links(article, url),
    )


def _links(root, url: str) -> tuple[AttachmentLink, ...]:
    return tuple(
        AttachmentLink(
            name=clean_text([a.text_content()]),
            url=f"{ORIGIN}{path_of(urljoin(url, a.get('href')))}",
            file_id=urlsplit(a.get("href")).path.rsplit("/", 1)[-1],
        )
        for a in root.xpath(FILES)
    )
