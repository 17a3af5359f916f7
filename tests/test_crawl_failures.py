"""A crawl that went wrong never says `finished` with exit 0: a `--base-url` without a scheme,
list pages that all fail, detail pages that all fail, an unreachable host — for `briefing
crawl` and `scrapy crawl` alike."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlite_utils import Database

from tests.conftest import ROOT
from tests.crawl_helpers import crawl, run_cli
from tests.local_server import NOT_FOUND
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 2)


class BrokenMirror(Mirror):
    """The mirror, but every URL whose path contains `broken` answers `status`."""

    def __init__(self, releases, *, broken: str, status: int = 404):
        super().__init__(releases)
        self.broken, self.status = broken, status

    def respond(self, target: str):
        if self.broken in target:
            return (self.status, *NOT_FOUND[1:])
        return super().respond(target)


def scrapy_crawl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "korea_kr_press",
            *args,
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_ENABLED=0",
            "-s",
            "RETRY_BACKOFF_BASE=0.05",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_base_url_without_a_scheme_is_a_usage_error_and_creates_nothing(tmp_path):
    db_path = tmp_path / "briefings.db"
    result = run_cli("crawl", "--base-url", "127.0.0.1:8000", "--db", str(db_path), "--since", DAYS[0])
    assert result.returncode == 2
    assert "--base-url" in result.stderr and "'127.0.0.1:8000': expected an http:// or https:// URL" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_list_pages_that_all_fail_end_the_run_as_failed(tmp_path):
    db_path = tmp_path / "briefings.db"
    with BrokenMirror(synthetic_releases(DAYS, per_day=2), broken="pressReleaseList") as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: kind failed: press_release — HTTP 404 on its lists (e.g. http://127.0.0.1:")
    db = Database(db_path)
    assert [r["status"] for r in db.query("SELECT status FROM crawl_runs")] == ["failed"]
    kinds = [r["kind"] for r in db.query("SELECT kind FROM crawl_errors ORDER BY id")]
    assert kinds == ["list_download", "list_download", "run_failed"]


def test_a_failed_run_does_not_move_the_nightly_window(tmp_path):
    from datetime import date

    from briefing_spider.crawl.window import crawl_window

    db_path = tmp_path / "briefings.db"
    with BrokenMirror(synthetic_releases(DAYS, per_day=2), broken="pressReleaseList") as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    today = date.fromisoformat(DAYS[-1])
    assert crawl_window(db_path, today=today) == (date(2026, 7, 15), today)  # as on an empty archive


def test_some_list_pages_failing_is_errors_in_a_finished_run(tmp_path):
    db_path = tmp_path / "briefings.db"
    with BrokenMirror(
        synthetic_releases(DAYS, per_day=2, error_page_every=None), broken=f"pressReleaseList.do?startDate={DAYS[0]}"
    ) as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert result.returncode == 0, result.stderr
    assert "2 new" in result.stdout and "1 errors" in result.stdout
    assert [r["status"] for r in Database(db_path).query("SELECT status FROM crawl_runs")] == ["finished"]


def test_detail_pages_that_all_fail_end_the_run_as_failed(tmp_path):
    db_path = tmp_path / "briefings.db"
    with BrokenMirror(synthetic_releases(DAYS[:1], per_day=2), broken="pressReleaseView", status=500) as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1].startswith("error: all 2 detail pages failed — HTTP 500 (e.g. http://")
    )
    assert [r["status"] for r in Database(db_path).query("SELECT status FROM crawl_runs")] == ["failed"]


def test_scrapy_crawl_of_an_unreachable_host_exits_non_zero(tmp_path):
    db_path = tmp_path / "briefings.db"
    result = scrapy_crawl(
        "-a",
        "base_url=http://127.0.0.1:1",
        "-a",
        f"since={DAYS[0]}",
        "-a",
        f"until={DAYS[0]}",
        "-s",
        f"BRIEFING_DB={db_path}",
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1].startswith("error: cannot reach 127.0.0.1:1")
    assert not db_path.exists()


def test_scrapy_crawl_whose_list_pages_all_fail_exits_non_zero(tmp_path):
    db_path = tmp_path / "briefings.db"
    with BrokenMirror(synthetic_releases(DAYS[:1], per_day=2), broken="pressReleaseList") as mirror:
        result = scrapy_crawl(
            "-a",
            f"base_url={mirror.base_url}",
            "-a",
            f"since={DAYS[0]}",
            "-a",
            f"until={DAYS[0]}",
            "-s",
            f"BRIEFING_DB={db_path}",
        )
    assert result.returncode == 1, result.stderr[-2000:]
    assert (
        result.stderr.strip().splitlines()[-1].startswith("error: kind failed: press_release — HTTP 404 on its lists")
    )
    assert [r["status"] for r in Database(db_path).query("SELECT status FROM crawl_runs")] == ["failed"]


def test_scrapy_crawl_with_a_base_url_without_a_scheme_exits_non_zero(tmp_path):
    result = scrapy_crawl("-a", "base_url=127.0.0.1:8000", "-s", f"BRIEFING_DB={tmp_path / 'briefings.db'}")
    assert result.returncode != 0
    assert "'127.0.0.1:8000': expected an http:// or https:// URL" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_limited_crawl_does_not_report_its_limit_as_missing_releases(tmp_path):
    db_path = tmp_path / "briefings.db"
    with Mirror(synthetic_releases(DAYS[:1], per_day=12, error_page_every=None)) as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0], "--limit", "4")
    assert result.returncode == 0, result.stderr
    assert "4 new" in result.stdout and "0 errors" in result.stdout
    db = Database(db_path)
    assert list(db.query("SELECT kind FROM crawl_errors")) == []
    assert db.execute("SELECT count(*) FROM crawl_days").fetchone()[0] == 0  # the day was not checked whole
    status = run_cli("status", "--db", str(db_path), "--today", DAYS[0])
    assert "missing_releases" not in status.stdout and "error_rate" not in status.stdout, status.stdout


def test_a_crawl_under_its_limit_still_checks_the_day_counts(tmp_path):
    db_path = tmp_path / "briefings.db"
    with Mirror(synthetic_releases(DAYS[:1], per_day=3)) as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0], "--limit", "10")
    assert result.returncode == 0, result.stderr
    rows = list(
        Database(db_path).query("SELECT day, site_total, archived FROM crawl_days WHERE kind = 'press_release'")
    )
    assert rows == [{"day": DAYS[0], "site_total": 3, "archived": 3}]
