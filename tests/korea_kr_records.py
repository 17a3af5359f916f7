"""korea.kr pages read the way `briefing parse` and the crawl's rebuild read them: into the
archive's record shape (a saved page's HTML), or the shell and parts of a saved page's text."""

from __future__ import annotations

from briefing_spider.contract.registry import get_site
from briefing_spider.inspect_file import inspect_bytes

KOREA_KR = get_site("korea_kr")


def page_record(html: str, url: str) -> dict:
    """A detail page's record (its section named by `url`), as the archive would hold it."""
    return inspect_bytes(html.encode("utf-8"), name="page.html", url=url, site=KOREA_KR)


def text_record(text: str, kind: str, url: str | None = None) -> dict:
    """A saved page text's shell (url, news_id, title, published_at, ministry, body_text), its
    facts and the kind's parts."""
    return inspect_bytes(text.encode("utf-8"), name="page.txt", url=url, site=KOREA_KR, section=KOREA_KR.section(kind))
