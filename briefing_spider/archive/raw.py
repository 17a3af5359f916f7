"""The raw store: every response body, content-addressed by sha256, and its index table.

Bodies are files under `<archive>.raw/ab/abcdef…` written atomically (temp file + rename), so a
kill leaves either the whole file or none. The `raw_responses` row (URL, status, headers, fetch
times, sniffed type) is written after the file: an index row always has its bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from briefing_spider.parse.documents.sniff import sniff
from briefing_spider.parse.documents.whole import damage
from briefing_spider.parse.page_text import page_cut_short
from briefing_spider.parse.url_path import path_of

NOT_A_FILE = ("html", "empty")  # what an attachment URL answered instead of a file (sniffed kinds)
GOOD_RESPONSE = f"status = 200 AND error IS NULL AND coalesce(kind, '') NOT IN {NOT_A_FILE!r}"
UNREADABLE = "unreadable: "  # the error of a response that arrived but is not whole (cut short)


class RawStoreError(RuntimeError):
    pass


@dataclass(frozen=True)
class RawStore:
    root: Path

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, body: bytes) -> str:
        digest = hashlib.sha256(body).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(body)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def get(self, sha256: str) -> bytes:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError as error:
            raise RawStoreError(f"raw body {sha256} is indexed but missing under {self.root}") from error


INSERT_RESPONSE = """
INSERT INTO raw_responses (url, path, sha256, status, headers, size, kind, role, site, news_id, error,
                           fetched_at, last_fetched_at)
VALUES (:url, :path, :sha256, :status, :headers, :size, :kind, :role, :site, :news_id, :error, :at, :at)
ON CONFLICT (url, sha256) DO UPDATE SET last_fetched_at = excluded.last_fetched_at,
                                        status = excluded.status, error = excluded.error
RETURNING *
"""


class Fetched(Protocol):
    """A response as a spider hands it over (crawl/items.py: Fetched): bytes and where and when
    they came from."""

    @property
    def url(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def body(self) -> bytes: ...
    @property
    def fetched_at(self) -> datetime: ...
    @property
    def role(self) -> str: ...
    @property
    def news_id(self) -> str | None: ...
    @property
    def headers(self) -> dict[str, str]: ...
    @property
    def error(self) -> str | None: ...


def save_fetched(db: Database, store: RawStore, site: str, fetched: Fetched) -> dict:
    """Save the body, then its index row. A re-fetch of identical bytes only moves
    `last_fetched_at` (and the status, and the error). A body that arrived but is not whole —
    a document or detail page cut short (`unreadable`) — is saved with that error: it is never
    taken for good bytes. `site` is the site the crawl fetched it for. Returns the row as stored."""
    digest = store.put(fetched.body)
    values = {
        "url": fetched.url,
        "path": path_of(fetched.url),
        "sha256": digest,
        "status": fetched.status,
        "headers": json.dumps(fetched.headers, ensure_ascii=False, sort_keys=True),
        "size": len(fetched.body),
        "kind": _kind(fetched),
        "role": fetched.role,
        "site": site,
        "news_id": fetched.news_id,
        "error": fetched.error or unreadable(fetched.role, fetched.status, fetched.body),
        "at": fetched.fetched_at.isoformat(),
    }
    with db.conn:  # one statement, committed at once
        cursor = db.conn.execute(INSERT_RESPONSE, values)
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    return dict(zip(names, row, strict=True))


def latest_downloads(db: Database, url: str) -> list[dict]:
    """The responses saved for the file at `url`'s path (from any host: the site or a
    mirror), good ones first, each newest first."""
    return list(
        db.query(
            f"SELECT *, ({GOOD_RESPONSE}) AS good FROM raw_responses WHERE path = ? AND role = 'attachment' "
            "ORDER BY good DESC, last_fetched_at DESC, fetched_at DESC",
            [path_of(url)],
        )
    )


def mark_unreadable(db: Database, row: dict, reason: str) -> None:
    """Mark a saved response found not whole (saved before the check existed) as unreadable."""
    with db.conn:
        db.conn.execute(
            "UPDATE raw_responses SET error = ? WHERE url = ? AND sha256 = ?",
            [UNREADABLE + reason, row["url"], row["sha256"]],
        )


def unreadable(role: str, status: int, body: bytes) -> str | None:
    """Why a body that arrived with status 200 is not whole, as the response's error; None when
    it is (or when it is not a file or page this can judge)."""
    if status != 200:
        return None
    reason = damage(body) if role == "attachment" else page_cut_short(body) if role in ("detail", "list") else None
    return UNREADABLE + reason if reason else None


def latest_of_role(db: Database, site: str, news_id: str, role: str) -> dict | None:
    """The most recent good response of `role` (detail, api_item) saved for `news_id` of `site`."""
    return next(iter(saved_of_role(db, site, news_id, role, limit=1)), None)


def saved_of_role(db: Database, site: str, news_id: str, role: str, *, limit: int) -> list[dict]:
    """The `limit` most recent good responses of `role` saved for `news_id` of `site`, newest first."""
    return list(
        db.query(
            "SELECT * FROM raw_responses WHERE role = ? AND site = ? AND news_id = ? AND status = 200 AND error IS NULL "
            "ORDER BY last_fetched_at DESC, fetched_at DESC LIMIT ?",
            [role, site, news_id, limit],
        )
    )


def _kind(fetched: Fetched) -> str | None:
    if fetched.role != "attachment" or fetched.error:
        return None
    return sniff(fetched.body).kind
