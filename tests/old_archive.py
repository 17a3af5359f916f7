"""Records stored the way the writer of an older schema stored them: the live writer
(archive/save.py) serves today's schema only, so a test of a migration writes its "before" with
this — the columns and tables that schema has, the content hash of the record as given. So is a
raw response (`save_raw_as_before`), and a mirror release's detail page and files
(`save_mirror_as_before`)."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from sqlite_utils import Database

from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.save import MINISTRY_COLUMNS, SCALAR_FIELDS
from briefing_spider.parse.documents.sniff import sniff
from briefing_spider.parse.url_path import path_of
from briefing_spider.records import Release
from tests.site import MirrorRelease, detail_page, download_url

ORIGIN = "https://www.korea.kr"


def write_as_before(db: Database, release: Release, *, seen: str, content_hash: str | None = None) -> None:
    record = release.to_dict()
    columns = db.table("briefings").columns_dict
    ministry = record["ministry"] or {}
    row = {
        "news_id": release.news_id,
        **{name: record[name] for name in SCALAR_FIELDS},
        **{column: ministry.get(key) for column, key in MINISTRY_COLUMNS.items()},
        "site": release.site,
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "content_hash": content_hash or release.content_hash(),
        "first_seen_at": seen,
        "updated_at": seen,
    }
    db["briefings"].insert({name: value for name, value in row.items() if name in columns})
    for table, items in record.items():
        if not isinstance(items, list) or not items or not db.table(table).exists():
            continue
        child = db.table(table).columns_dict
        for position, item in enumerate(items):
            values = {"site": release.site, "news_id": release.news_id, "position": position, **item}
            db[table].insert({name: value for name, value in values.items() if name in child})


def save_raw_as_before(
    db: Database, store: RawStore, url: str, body: bytes, role: str, news_id: str, *, seen: str
) -> None:
    """A raw response as the code of the archive's schema saved it: the columns that schema has
    (no `path` before m007, no `site` before m009)."""
    row = {
        "url": url,
        "path": path_of(url),
        "site": "korea_kr",
        "sha256": store.put(body),
        "status": 200,
        "headers": "{}",
        "size": len(body),
        "kind": sniff(body).kind if role == "attachment" else None,
        "role": role,
        "news_id": news_id,
        "fetched_at": seen,
        "last_fetched_at": seen,
    }
    columns = db.table("raw_responses").columns_dict
    db["raw_responses"].insert({name: value for name, value in row.items() if name in columns})


def save_mirror_as_before(db: Database, store: RawStore, mirror: MirrorRelease, *, seen: str) -> str:
    """A mirror release's detail page and attachments as the code of the archive's schema saved
    them (`save_raw_as_before`), at the site's own URLs; returns the detail page's URL."""
    detail_url = f"{ORIGIN}/briefing/pressReleaseView.do?newsId={mirror.news_id}"
    save_raw_as_before(db, store, detail_url, detail_page(mirror).encode("utf-8"), "detail", mirror.news_id, seen=seen)
    for attachment in mirror.attachments:
        url = urljoin(ORIGIN, download_url(attachment.file_id))
        save_raw_as_before(db, store, url, attachment.body, "attachment", mirror.news_id, seen=seen)
    return detail_url
