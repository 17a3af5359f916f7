"""`briefing status` names the archive's own machine when it is the cause: the last crawl could not
write its archive (a full disk, no rights: crawl_errors `disk_full`, `not_writable`), or the disk
where the archive lives is nearly full now. Then the anomalies that suspect the site (block
pages, a field's coverage, parse errors, a changed site) are not judged on that run."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlite_utils import Database

from briefing_spider.archive.machine import DISK_FULL, MIN_FREE_MB, NOT_WRITABLE

SITE_SUSPECTS = ("block_pages", "coverage_drop", "parse_errors", "site_changed")


def machine_messages(db: Database, *, last_run_id: int | None, db_path: str | Path | None) -> list[tuple[str, str]]:
    """(kind, message): why the archive's machine, not the site, is the trouble."""
    found = []
    if last_run_id is not None:
        rows = db.execute(
            "SELECT kind, reason FROM crawl_errors WHERE run_id = ? AND kind IN (?, ?) ORDER BY id LIMIT 1",
            [last_run_id, DISK_FULL, NOT_WRITABLE],
        ).fetchall()
        found += [
            (kind, f"run {last_run_id} could not write the archive ({reason}): the machine, not the site")
            for kind, reason in rows
        ]
    if db_path is not None and Path(db_path).exists():
        free = shutil.disk_usage(Path(db_path).resolve().parent).free
        if free < MIN_FREE_MB * 2**20:
            found.append((DISK_FULL, f"{free / 2**20:.1f} MB free where {db_path} lives (a crawl needs {MIN_FREE_MB})"))
    return found
