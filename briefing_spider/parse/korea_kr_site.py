"""korea.kr addresses and the error a page parser raises."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

SITE = "https://www.korea.kr"
DETAIL_PATH = "/briefing/pressReleaseView.do"
LIST_PATH = "/briefing/pressReleaseList.do"


class PageParseError(ValueError):
    """A required field is missing: the page is not what the parser expects."""

    def __init__(self, url: str, field: str, reason: str):
        super().__init__(f"{url}: no {field} ({reason})")
        self.url, self.field, self.reason = url, field, reason

    def __reduce__(self):  # picklable, so it can come back from a worker process
        return type(self), (self.url, self.field, self.reason)


def news_id_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("newsId")
    return values[0] if values and values[0].isdigit() else None


def canonical_detail_url(news_id: str, site: str = SITE) -> str:
    return f"{site}{DETAIL_PATH}?newsId={news_id}"


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def clean_text(texts: list[str]) -> str:
    """Text pieces joined, with runs of whitespace collapsed to one space."""
    return " ".join(" ".join(texts).split())
