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


def path_of(url: str) -> str:
    """The URL without scheme and host: the same page or file whichever host (the site, a
    mirror, a proxy) served it."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def on_site(url: str) -> str:
    """The canonical address on www.korea.kr of a URL read from the site or a mirror of it."""
    return f"{SITE}{path_of(url)}"


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def clean_text(texts: list[str]) -> str:
    """Text pieces joined, with runs of whitespace collapsed to one space."""
    return " ".join(" ".join(texts).split())
