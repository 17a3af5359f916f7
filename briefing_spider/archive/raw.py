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
from pathlib import Path

from sqlite_utils import Database

from briefing_spider.items import Fetched
from briefing_spider.parse.documents.sniff import sniff


GOOD_RESPONSE = "status = 200 AND error IS NULL AND coalesce(kind, '') NOT IN ('html', 'empty')"


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
INSERT INTO raw_responses (url, sha256, status, headers, size, kind, role, news_id, error,
                           fetched_at, last_fetched_at)
VALUES (:url, :sha256, :status, :headers, :size, :kind, :role, :news_id, :error, :at, :at)
ON CONFLICT (url, sha256) DO UPDATE SET last_fetched_at = excluded.last_fetched_at,
                                        status = excluded.status
RETURNING *
"""


def save_fetched(db: Database, store: RawStore, fetched: Fetched) -> dict:
    """Save the body, then its index row. A re-fetch of identical bytes only moves
    `last_fetched_at` (and the status). Returns the row as stored."""
    digest = store.put(fetched.body)
    values = {
        "url": fetched.url, "sha256": digest, "status": fetched.status,
        "headers": json.dumps(fetched.headers, ensure_ascii=False, sort_keys=True),
        "size": len(fetched.body), "kind": _kind(fetched), "role": fetched.role,
        "news_id": fetched.news_id, "error": fetched.error, "at": fetched.fetched_at.isoformat(),
    }
    with db.conn:  # one statement, committed at once
        cursor = db.conn.execute(INSERT_RESPONSE, values)
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    return dict(zip(names, row))


def latest_fetch(db: Database, url: str, *, ok_only: bool = False) -> dict | None:
    """The most recent response saved for `url`; with `ok_only`, the most recent good one (an
    HTML error page served with status 200 in place of a file is not good)."""
    condition = f" AND {GOOD_RESPONSE}" if ok_only else ""
    rows = db.query(
        f"SELECT * FROM raw_responses WHERE url = ?{condition} "
        "ORDER BY last_fetched_at DESC, fetched_at DESC LIMIT 1",
        [url],
    )
    return next(iter(rows), None)


def latest_of_role(db: Database, news_id: str, role: str) -> dict | None:
    """The most recent good response of `role` (detail, api_item) saved for `news_id`."""
    rows = db.query(
        "SELECT * FROM raw_responses WHERE role = ? AND news_id = ? AND status = 200 AND error IS NULL "
        "ORDER BY last_fetched_at DESC, fetched_at DESC LIMIT 1",
        [role, news_id],
    )
    return next(iter(rows), None)


def _kind(fetched: Fetched) -> str | None:
    if fetched.role != "attachment" or fetched.error:
        return None
    return sniff(fetched.body).kind
