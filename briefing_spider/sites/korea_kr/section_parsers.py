"""One saved page of a briefing-room section other than the press releases → its record: the
parser of each kind, and how a saved file's bytes become the text it reads (for `briefing parse
--kind`, and later the crawl's build step). Pure: bytes in, frozen record out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing_spider.parse.page_text import decode_page
from briefing_spider.sites.korea_kr.briefing import parse_briefing
from briefing_spider.sites.korea_kr.fact_check import parse_fact_check
from briefing_spider.sites.korea_kr.pages import PageParseError
from briefing_spider.sites.korea_kr.section_page import URL_LINE, SectionPage, looks_like_html
from briefing_spider.sites.korea_kr.sections import section
from briefing_spider.sites.korea_kr.state_council import parse_state_council

PARSERS: dict[str, Callable[[str, str | None], SectionPage]] = {
    "briefing": parse_briefing,
    "fact_check": parse_fact_check,
    "state_council": parse_state_council,
}
NEWS_ID_IN_NAME = re.compile(r"(\d{6,})")


def parse_section_file(data: bytes, *, kind: str, name: str, url: str | None = None) -> SectionPage:
    """The record of a saved page (HTML, decoded as a browser would) or page text (UTF-8) of a
    section. Without `url` (and, for page text, without a URL on its first line) the page takes the
    section's address of the news id in the file's name."""
    parser = PARSERS.get(kind)
    if parser is None:
        raise PageParseError(name, "kind", f"no page parser for {kind!r} (there are: {', '.join(PARSERS)})")
    text = data.decode("utf-8-sig", "replace")
    is_html = looks_like_html(text)
    found = NEWS_ID_IN_NAME.search(name)
    if url is None and found and (is_html or not URL_LINE.match(text.split("\n", 1)[0].strip())):
        url = section(kind).detail_url(found[1])
    if is_html:
        if url is None:
            raise PageParseError(name, "newsId", "pass --url (the page's address, with its newsId)")
        text = decode_page(data)
    return parser(text, url)
