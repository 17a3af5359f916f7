"""korea.kr addresses."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from briefing_spider.contract.errors import PageParseError  # noqa: F401  (raised by this site's parsers)
from briefing_spider.parse.url_path import clean_text, path_of  # noqa: F401

SITE = "https://www.korea.kr"
DETAIL_PATH = "/briefing/pressReleaseView.do"
LIST_PATH = "/briefing/pressReleaseList.do"


def news_id_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("newsId")
    return values[0] if values and values[0].isdigit() else None


def canonical_detail_url(news_id: str, site: str = SITE) -> str:
    return f"{site}{DETAIL_PATH}?newsId={news_id}"


def on_site(url: str) -> str:
    """The canonical address on www.korea.kr of a URL read from the site or a mirror of it."""
    return f"{SITE}{path_of(url)}"


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
