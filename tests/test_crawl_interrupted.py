"""A crawl killed or interrupted mid-way leaves whole records; the next run completes the set."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from sqlite_utils import Database

from tests.conftest import ROOT
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror
from tests.test_crawl import crawl

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 2)
WAIT_SECONDS = 60
STOP_SECONDS = 20  # far less than the held answers' 60 s: a crawl that waited for them fails


def start_crawl(mirror, db_path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing_spider.cli",
            "crawl",
            "--base-url",
            mirror.base_url,
            "--db",
            str(db_path),
            "--no-polite",
            "--since",
            DAYS[0],
            "--until",
            DAYS[-1],
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def hold_half(mirror, releases) -> None:
    """Every other release's detail page is held back until `mirror.release()`."""
    held = {f"newsId={r.news_id}" for r in releases[1::2]}
    mirror.hold = lambda target: "pressReleaseView" in target and target.rsplit("&", 1)[0].split("?", 1)[-1] in held


def wait_for_records(db_path, at_least: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if db_path.exists():
            try:
                if Database(db_path).execute("SELECT count(*) FROM briefings").fetchone()[0] >= at_least:
                    return
            except Exception:  # the crawl may still be creating the schema
                pass
        time.sleep(0.05)
    raise AssertionError(f"no {at_least} records in {WAIT_SECONDS}s")


def assert_records_whole(db_path, releases) -> None:
    db = Database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    expected = {r.news_id: len(r.attachments) for r in releases}
    for row in db.query(
        "SELECT b.news_id, count(a.position) AS n FROM briefings b "
        "LEFT JOIN attachments a USING (news_id) GROUP BY b.news_id"
    ):
        assert row["n"] == expected[row["news_id"]], row


def test_killed_crawl_keeps_whole_records_and_the_next_run_completes(tmp_path):
    releases = synthetic_releases(DAYS, per_day=12)
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        hold_half(mirror, releases)  # the kill lands mid-crawl however fast the machine
        process = start_crawl(mirror, db_path)
        wait_for_records(db_path, at_least=4)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        mirror.release()
        kept = Database(db_path).execute("SELECT count(*) FROM briefings").fetchone()[0]
        assert 4 <= kept <= len(releases) // 2
        assert_records_whole(db_path, releases)
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert result.returncode == 0, result.stderr
    assert f"{len(releases) - kept} new" in result.stdout
    assert Database(db_path).execute("SELECT count(*) FROM briefings").fetchone()[0] == len(releases)
    assert_records_whole(db_path, releases)


def test_ctrl_c_stops_gracefully_and_marks_the_run_interrupted(tmp_path):
    releases = synthetic_releases(DAYS, per_day=12)
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        hold_half(mirror, releases)  # Ctrl-C lands mid-crawl however fast the machine
        process = start_crawl(mirror, db_path)
        wait_for_records(db_path, at_least=2)
        process.send_signal(signal.SIGINT)
        # Half the detail pages are still held by the site: the crawl must not wait for them.
        _, stderr = process.communicate(timeout=STOP_SECONDS)
        mirror.release()
    assert process.returncode == 130
    assert "stopping… (again to quit now)" in stderr
    (run,) = Database(db_path).query("SELECT status, finished_at FROM crawl_runs")
    assert run["status"] == "interrupted" and run["finished_at"]
    assert_records_whole(db_path, releases)
