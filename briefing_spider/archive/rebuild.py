"""Rebuild a release from the raw store: the crawl's pipeline and `briefing reparse` share this."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive.raw import RawStore, latest_detail, latest_fetch
from briefing_spider.archive.save import save_briefing
from briefing_spider.assemble import AttachmentPart, build_release
from briefing_spider.parse.korea_kr import parse_detail
from briefing_spider.records import Release


def release_from_raw(db: Database, store: RawStore, news_id: str) -> Release:
    """Parse the latest saved detail page of `news_id` with its attachments' latest bytes.

    Raises LookupError when no detail page is saved, PageParseError when it doesn't parse.
    """
    detail_row = latest_detail(db, news_id)
    if detail_row is None:
        raise LookupError(f"news id {news_id}: no detail page in the raw store")
    html = store.get(detail_row["sha256"]).decode("utf-8", "replace")
    detail = parse_detail(html, detail_row["url"])
    parts = [_part(db, store, link) for link in detail.attachments]
    return build_release(detail, parts)


def rebuild_and_save(db: Database, store: RawStore, news_id: str, *, seen_at: datetime) -> str:
    return save_briefing(db, release_from_raw(db, store, news_id), seen_at=seen_at)


def _part(db: Database, store: RawStore, link) -> AttachmentPart:
    """The latest good download of an attachment; a later failure never hides earlier bytes."""
    good = latest_fetch(db, link.url, ok_only=True)
    if good is not None:
        return AttachmentPart(link=link, body=store.get(good["sha256"]), sha256=good["sha256"])
    failed = latest_fetch(db, link.url)
    if failed is None:
        return AttachmentPart(link=link, error="not downloaded")
    return AttachmentPart(link=link, error=f"download failed: {failed['error'] or 'HTTP %s' % failed['status']}")

