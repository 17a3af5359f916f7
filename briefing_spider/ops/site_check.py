"""`briefing check-site`: does the site still serve what its parsers read? For each kind, the
first list page and its newest detail page are fetched (politely: robots.txt, an honest
User-Agent, a pause between requests) and read by the site's own parsers; what each found is
reported field by field. A required field missing is a changed page.

The fetching is injected (`fetch(url) → (status, headers, body)`), so the check itself is the
same against the site, a mirror, or a test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from briefing_spider.contract import PageParseError, Role, Section, Site
from briefing_spider.parse.page_text import decode_page

Fetch = Callable[[str], tuple[int, dict[str, str], bytes]]


@dataclass(frozen=True)
class Found:
    field: str  # entries, title, date, ministry, body or file, attachments, parts
    value: str | None  # what was found, shortly; None: not found
    required: bool = False


@dataclass(frozen=True)
class KindCheck:
    kind: str
    list_url: str
    detail_url: str | None
    found: tuple[Found, ...]
    error: str | None = None  # why the check could not go on (a failed fetch, a page that does not parse)

    @property
    def missing(self) -> list[str]:
        """The required fields not found (the error's, when there is one)."""
        return [f.field for f in self.found if f.required and f.value is None]


def check_kind(site: Site, section: Section, base_url: str, fetch: Fetch) -> KindCheck:
    list_url = f"{base_url}{section.list_path}?{urlencode(section.list_query(1))}"
    status, headers, body = fetch(list_url)
    if status != 200:
        return KindCheck(section.kind, list_url, None, (Found("entries", None, True),), f"HTTP {status} on its list")
    try:
        listing = section.parse_list(decode_page(body, headers), list_url)
    except ValueError as error:
        return KindCheck(section.kind, list_url, None, (Found("entries", None, True),), f"its list: {error}")
    listed: tuple[Found, ...] = (
        Found("entries", f"{len(listing.entries)}" + (f" of {listing.total}" if listing.total else "") or None, True),
    )
    if not listing.entries:
        return KindCheck(section.kind, list_url, None, (Found("entries", None, True),))
    newest = listing.entries[0]
    listed += (Found("listed title", newest.title or None), Found("listed date", str(newest.listed_on or "") or None))
    detail_url = section.detail_url(newest.news_id, base_url)
    return KindCheck(section.kind, list_url, detail_url, listed + read_detail(site, section, detail_url, fetch))


def read_detail(site: Site, section: Section, url: str, fetch: Fetch) -> tuple[Found, ...]:
    status, headers, body = fetch(url)
    if status != 200:
        return (Found("title", None, True), Found(f"page (HTTP {status})", None, True))
    try:
        page = site.read_source(Role.DETAIL, decode_page(body, headers), url)
    except PageParseError as error:
        return (Found(error.field, None, True),)
    files = len(page.attachments)
    body_or_file = "page text" if page.body_text.strip() else (f"{files} file(s)" if files else None)
    parts = "read from the text" if section.read_parts else "—"
    return (
        Found("title", page.title, True),
        Found("date", page.published_at.isoformat(), True),
        Found("ministry", f"{page.ministry} ({page.ministry_code})" if page.ministry_code else page.ministry),
        Found("body or file", body_or_file, True),
        Found("attachments", str(files)),
        Found("parts", parts if page.body_text.strip() or not section.read_parts else "in its files (not fetched)"),
    )


def check_site(site: Site, *, kinds: tuple[str, ...], base_url: str, fetch: Fetch) -> list[KindCheck]:
    return [check_kind(site, site.section(kind), base_url, fetch) for kind in kinds]
