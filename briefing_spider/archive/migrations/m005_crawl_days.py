"""Each crawl's count per day."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Each crawl's count per day: the site's own `총 N 건` against what the archive holds."""
    db.table("crawl_days").create(
        {"run_id": int, "day": str, "site_total": int, "archived": int},
        pk=("run_id", "day"),
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )
