"""Gather what a release is built from, out of the raw store (I/O, in the calling process):
its saved detail pages or API items, newest first, and the latest whole bytes of each
attachment they link — saved through whatever host (the site, a mirror): files are found by
their path. A saved response found not whole (saved before `raw.unreadable` existed) is marked
so and passed over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from briefing_spider.archive.raw import UNREADABLE, RawStore, latest_downloads, mark_unreadable, saved_of_role
from briefing_spider.contract import Site
from briefing_spider.contract.page import AttachmentLink
from briefing_spider.parse.assemble import AttachmentPart
from briefing_spider.parse.documents.whole import damage
from briefing_spider.parse.page_text import decode_page, page_cut_short
from briefing_spider.parse.url_path import path_of

DETAIL_ROLE = "detail"
SOURCE_CANDIDATES = 3  # saved pages tried, newest first, when the newer ones do not parse
SAVED_LOOKED_AT = 10  # saved pages read to find them (some may turn out cut short)


@dataclass(frozen=True)
class SavedSource:
    """One saved detail page (its text, decoded) or machine item (e.g. an API item's XML)."""

    url: str
    text: str
    role: str = DETAIL_ROLE


@dataclass(frozen=True)
class ReleaseInputs:
    """Everything a release is built from: the saved detail page and its attachments' bytes."""

    site: Site
    news_id: str
    detail_url: str
    detail_html: str  # the detail page's HTML, or the API item's XML (source `api_item`)
    parts: tuple[AttachmentPart, ...]
    source: str = DETAIL_ROLE  # the raw role the release is built from
    older: tuple[SavedSource, ...] = ()  # earlier saved sources, tried in turn when this one does not parse


def gather_inputs(db: Database, store: RawStore, site: Site, news_id: str) -> ReleaseInputs:
    """The latest saved detail page (or API item) of `news_id` on `site`, a few older ones to
    fall back on, and the latest good bytes of each attachment they link.

    Raises LookupError when neither is saved.
    """
    sources = _saved_sources(db, store, site, news_id)
    if not sources:
        raise LookupError(f"news id {news_id} ({site.name}): no whole detail page or API item in the raw store")
    urls = {
        path_of(url): url for source in sources for url in site.attachment_urls(source.role, source.text, source.url)
    }
    latest = sources[0]
    return ReleaseInputs(
        site=site,
        news_id=news_id,
        detail_url=latest.url,
        detail_html=latest.text,
        parts=tuple(attachment_part(db, store, url) for url in urls.values()),
        source=latest.role,
        older=tuple(sources[1:]),
    )


def _saved_sources(db: Database, store: RawStore, site: Site, news_id: str) -> list[SavedSource]:
    """The saved sources (detail pages, API items) of `news_id`, newest first (a tie goes to
    the site's first source role), at most SOURCE_CANDIDATES; a page found cut short is marked
    and left out."""
    rows = [
        row for role in site.source_roles for row in saved_of_role(db, site.name, news_id, role, limit=SAVED_LOOKED_AT)
    ]
    preference = {role: -rank for rank, role in enumerate(site.source_roles)}
    rows.sort(key=lambda row: (row["last_fetched_at"], preference[row["role"]]), reverse=True)
    sources: list[SavedSource] = []
    for row in rows:
        if len(sources) == SOURCE_CANDIDATES:
            break
        body = store.get(row["sha256"])
        if row["role"] in site.item_roles:
            sources.append(SavedSource(row["url"], body.decode("utf-8", "replace"), row["role"]))
        elif cut := page_cut_short(body):
            mark_unreadable(db, row, cut)
        else:
            sources.append(SavedSource(row["url"], decode_page(body, json.loads(row["headers"] or "{}")), row["role"]))
    return sources


def attachment_part(db: Database, store: RawStore, url: str) -> AttachmentPart:
    """The latest good download of an attachment, saved through any host; a later failure
    never hides earlier bytes, and bytes found not whole are marked and passed over. With none,
    the latest answer with bytes (an error page is kept, typed by its bytes; a later failure
    does not hide it), else the latest failure.
    The link's name is filled in by `build_from_inputs` from the parsed page."""
    link = AttachmentLink(name="", url=url, file_id="")
    rows = latest_downloads(db, url)
    for row in rows:
        if not row["good"]:
            break
        body = store.get(row["sha256"])
        cut = damage(body)
        if cut is None:
            return AttachmentPart(link=link, body=body, sha256=row["sha256"])
        mark_unreadable(db, row, cut)  # saved before the check existed: never good again
        row["error"], row["good"] = UNREADABLE + cut, 0
    if not rows:
        return AttachmentPart(link=link, error="not downloaded")
    answered = [row for row in rows if row["status"] == 200 and not row["error"]] or rows
    fetched = max(answered, key=lambda row: (row["last_fetched_at"], row["fetched_at"]))
    if fetched["status"] != 200 or fetched["error"]:
        return AttachmentPart(
            link=link, error=f"download failed: {fetched['error'] or 'HTTP ' + str(fetched['status'])}"
        )
    return AttachmentPart(link=link, body=store.get(fetched["sha256"]), sha256=fetched["sha256"])
