"""`crawl_runs` and `crawl_errors`: what each crawl did, counted as it goes.

The run's row is written on its first stored item, not at start: a crawl that reaches nothing
(no network, wrong host) leaves the archive untouched.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

COUNTERS = ("pages", "new", "updated", "unchanged", "errors", "bytes")


@dataclass
class CrawlRun:
    started_at: datetime
    arguments: dict
    counts: Counter = field(default_factory=Counter)
    run_id: int | None = None

    def ensure_row(self, db: Database) -> int:
        if self.run_id is None:
            row = {
                "started_at": self.started_at.isoformat(),
                "status": "running",
                "arguments": json.dumps(self.arguments, ensure_ascii=False, default=str),
                **{name: 0 for name in COUNTERS},
            }
            self.run_id = int(db.table("crawl_runs").insert(row).last_pk or 0)
        return self.run_id

    def count(self, name: str, amount: int = 1) -> None:
        self.counts[name] += amount

    def record_error(
        self, db: Database, *, url: str, kind: str, reason: str, at: datetime, release_kind: str | None = None
    ) -> None:
        """`kind`: what went wrong (parse, detail_download…); `release_kind`: the kind of release
        the page is of, when known (a briefing's page that does not parse)."""
        self.count("errors")
        run_id = self.ensure_row(db)
        db.table("crawl_errors").insert(
            {
                "run_id": run_id,
                "url": url,
                "kind": kind,
                "reason": reason,
                "at": at.isoformat(),
                "release_kind": release_kind,
            }
        )

    def flush(self, db: Database) -> None:
        if self.run_id is not None:
            assignments = ", ".join(f"[{name}] = :{name}" for name in COUNTERS)
            with db.conn:
                db.conn.execute(
                    f"UPDATE crawl_runs SET {assignments} WHERE id = :id",
                    {**{name: self.counts[name] for name in COUNTERS}, "id": self.run_id},
                )

    def fail_for(self, db: Database, *, cause: str, reason: str, url: str, at: datetime) -> None:
        """End the run `failed` for a cause of the machine's (a full disk): its status, counts and the
        error in one small transaction — on a full disk the likeliest write to get through; if
        even that does not, the status alone (and else the next crawl closes the run)."""
        if self.run_id is None:
            return
        self.count("errors")
        counts = {name: self.counts[name] for name in COUNTERS}
        assignments = ", ".join(f"[{name}] = :{name}" for name in COUNTERS)
        try:
            with db.conn:
                db.conn.execute(
                    f"UPDATE crawl_runs SET status = 'failed', finished_at = :at, {assignments} WHERE id = :id",
                    {**counts, "at": at.isoformat(), "id": self.run_id},
                )
                db.conn.execute(
                    "INSERT INTO crawl_errors (run_id, url, kind, reason, at) VALUES (?, ?, ?, ?, ?)",
                    [self.run_id, url, cause, reason, at.isoformat()],
                )
        except Exception:
            with db.conn:
                db.conn.execute(
                    "UPDATE crawl_runs SET status = 'failed', finished_at = ? WHERE id = ?",
                    [at.isoformat(), self.run_id],
                )

    def finish(self, db: Database, *, status: str, at: datetime) -> None:
        if self.run_id is None:
            return
        self.flush(db)
        db.table("crawl_runs").update(self.run_id, {"status": status, "finished_at": at.isoformat()})


STALE_REASON = "the crawl ended without recording its end (its process is gone: killed, or the machine stopped)"


def close_stale_runs(db: Database, *, at: datetime) -> list[int]:
    """Runs still `running` when a command takes the archive's lock: their process is gone (no
    two hold the lock), so they end as `interrupted`, with a crawl error saying so. Their ids."""
    stale = [row[0] for row in db.execute("SELECT id FROM crawl_runs WHERE status = 'running'").fetchall()]
    with db.conn:
        for run_id in stale:
            db.conn.execute(
                "UPDATE crawl_runs SET status = 'interrupted', finished_at = ? WHERE id = ?", [at.isoformat(), run_id]
            )
            db.conn.execute(
                "INSERT INTO crawl_errors (run_id, url, kind, reason, at) VALUES (?, '', 'interrupted', ?, ?)",
                [run_id, STALE_REASON, at.isoformat()],
            )
    return stale


def record_day_counts(
    db: Database, run_id: int, site_totals: dict[tuple[str, str], int | None], *, site: str
) -> list[dict]:
    """Store each listed (kind, day)'s site total beside the archive's count of `site`'s releases
    of that kind published that day; returns the rows where they differ."""
    rows = []
    for (kind, day), total in sorted(site_totals.items()):
        archived = db.execute(
            "SELECT count(*) FROM briefings WHERE site = ? AND kind = ? AND substr(published_at, 1, 10) = ?",
            [site, kind, day],
        ).fetchone()[0]
        rows.append(
            {"run_id": run_id, "site": site, "kind": kind, "day": day, "site_total": total, "archived": archived}
        )
    if rows:
        db.table("crawl_days").upsert_all(rows, pk=("run_id", "site", "kind", "day"))
    return [row for row in rows if row["site_total"] is not None and row["site_total"] != row["archived"]]
