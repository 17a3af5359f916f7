"""The nightly window continues from the newest day any finished crawl covered."""

from __future__ import annotations

import json
from datetime import date

from briefing_spider.archive import open_archive
from briefing_spider.crawl.window import crawl_window

TODAY = date(2026, 7, 22)


def archive_with_runs(path, runs: list[tuple[str, str, str]]):
    """crawl_runs rows (status, since, until), in the order they ran."""
    db = open_archive(path)
    for number, (status, since, until) in enumerate(runs):
        db.table("crawl_runs").insert(
            {
                "started_at": f"2026-07-{10 + number}T02:30:00+09:00",
                "status": status,
                "arguments": json.dumps({"since": since, "until": until}),
            }
        )
    db.close()
    return path


def test_a_finished_backfill_of_an_old_range_does_not_move_the_window_back(tmp_path):
    db = archive_with_runs(
        tmp_path / "a.db", [("finished", "2026-07-13", "2026-07-20"), ("finished", "2020-01-01", "2020-01-31")]
    )
    assert crawl_window(db, today=TODAY) == (date(2026, 7, 13), TODAY)


def test_the_window_follows_the_newest_finished_coverage_not_failed_or_interrupted_runs(tmp_path):
    db = archive_with_runs(
        tmp_path / "a.db",
        [
            ("finished", "2026-07-10", "2026-07-18"),
            ("finished", "2026-07-19", "2026-07-21"),
            ("failed", "2026-07-21", "2026-07-22"),
            ("interrupted", "2026-07-21", "2026-07-22"),
            ("finished", "2025-03-01", "2025-03-02"),
        ],
    )
    assert crawl_window(db, today=TODAY) == (date(2026, 7, 14), TODAY)


def test_replaying_a_past_night_ignores_coverage_after_it(tmp_path):
    db = archive_with_runs(
        tmp_path / "a.db", [("finished", "2026-07-01", "2026-07-05"), ("finished", "2026-07-15", "2026-07-21")]
    )
    assert crawl_window(db, today=date(2026, 7, 8)) == (date(2026, 6, 28), date(2026, 7, 8))


def test_an_empty_archive_gives_the_last_week(tmp_path):
    assert crawl_window(tmp_path / "none.db", today=TODAY) == (date(2026, 7, 16), TODAY)
