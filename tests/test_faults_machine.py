"""The fault suite's machine part: the crawl's own side fails — a file that is no archive, a
directory no one may write, a disk that fills mid-crawl. Each ends non-zero with one last line
naming the cause, no run is left `running`, nothing archived is lost or changed, `briefing status`
names the disk, and once the machine is mended the next crawl completes the archive. (Dropped
downloads, a fault of the site's side: tests/test_faults.py.)"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import string
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import ROOT
from tests.fault_suite import BEFORE_ARGS, CRAWL_ARGS, crawl_command, crawl_env, half_records, records, worse
from tests.fixtures.documents import make_hwpx
from tests.machine_fs import data_directory, read_only, small_disk, writable
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror, MirrorAttachment

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 2)
ARCHIVE_EXIT = 74
# The day-one archive (about 0.5 MB of database and 0.2 MB of files, and its WAL while it is
# written) fits; day two's (3.8 MB of database, files of 0.3 MB) does not.
DISK_KB = {"tmpfs": 3000, "file size limit": 1500}


def big_releases() -> list:
    """Two days of releases whose files do not compress — 20 KB on the first day, 400 KB on the
    second: a small disk holds the first day and fills on the second."""
    rng = random.Random(7)
    releases = synthetic_releases(DAYS, per_day=4, error_page_every=None)
    return [
        replace(r, attachments=[MirrorAttachment(file_id=f"{r.news_id}9", name=f"{r.news_id} 보도자료.hwpx",
                body=make_hwpx(["".join(rng.choices(string.ascii_letters, k=20_000 if r.published_at.day == 20 else 400_000))]))])
        for r in releases
    ]  # fmt: skip


def crawl(mirror, db: Path, *args: str, disk=None) -> subprocess.CompletedProcess:
    env = {**crawl_env(workers=0), "BRIEFING_MIN_FREE_MB": "0"}
    return subprocess.run(crawl_command(mirror.base_url, db, *(args or CRAWL_ARGS)), cwd=ROOT, env=env,
                          preexec_fn=disk.preexec if disk else None, capture_output=True, text=True, timeout=300)  # fmt: skip


def files_of(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}  # fmt: skip


def status_of(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing_spider.cli", "status", "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_a_file_that_is_no_archive_stops_the_crawl_before_it_fetches(tmp_path):
    db = tmp_path / "briefings.db"
    db.write_bytes(b"these bytes are not an SQLite database " * 20)
    before = files_of(tmp_path)
    with Mirror(synthetic_releases(DAYS, per_day=2)) as mirror:
        result = crawl(mirror, db)
        asked = [path for path in mirror.requests if path != "/robots.txt"]
    assert result.returncode == ARCHIVE_EXIT
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {db}: not an SQLite database (it begins b'these bytes '); move it aside or pass another --db"
    )
    assert asked == [] and files_of(tmp_path) == before


def test_a_directory_no_one_may_write_stops_the_crawl_and_changes_nothing(tmp_path):
    with Mirror(synthetic_releases(DAYS, per_day=2)) as mirror, data_directory(tmp_path / "data") as data:
        db = data / "briefings.db"
        assert crawl(mirror, db, *BEFORE_ARGS).returncode == 0
        held, before = records(db), files_of(data)
        read_only(data)
        asked = len(mirror.requests)
        result = crawl(mirror, db)
        assert len(mirror.requests) == asked  # nothing fetched
        assert files_of(data) == before and records(db) == held
        writable(data)
    last = result.stderr.strip().splitlines()[-1]
    assert result.returncode == ARCHIVE_EXIT
    assert last.startswith(f"error: {data}") and ("Read-only file system" in last or "Permission denied" in last)
    assert last.endswith("— let this user write there, or pass another --db")


@pytest.mark.parametrize("how", ["tmpfs", "file size limit"])
def test_a_disk_that_fills_mid_crawl_fails_the_run_and_loses_nothing(tmp_path, how):
    releases = big_releases()
    moved = tmp_path / "moved"
    with Mirror(releases) as mirror:
        with small_disk(tmp_path / "data", size_kb=DISK_KB[how], how=how) as disk:
            data, db = disk.path, disk.path / "briefings.db"
            first = crawl(mirror, db, *BEFORE_ARGS, disk=disk)  # the first day fits
            assert first.returncode == 0, first.stderr
            held = records(db)
            result = crawl(mirror, db, disk=disk)  # the second day's files do not
            after, halves = records(db), half_records(db, releases)
            (run,) = Database(db).query("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1")
            causes = [
                row["kind"] for row in Database(db).query("SELECT kind FROM crawl_errors WHERE kind = 'disk_full'")
            ]
            status = status_of(db)
            shutil.copytree(data, moved)  # the disk mended: the archive moved to a bigger one
        again = crawl(mirror, moved / "briefings.db")
    assert result.returncode == ARCHIVE_EXIT, result.stdout + result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {db}: the disk is full (") and "free some space and run the crawl again" in last
    assert run["status"] == "failed" and causes == ["disk_full"]  # never left `running`
    assert worse(held, after) == [] and halves == []  # nothing archived lost or changed, no half record
    assert (
        status.returncode == 1 and "disk_full: run " in status.stdout and "the machine, not the site" in status.stdout
    )
    assert again.returncode == 0, again.stderr
    assert len(records(moved / "briefings.db")) == len(releases)


def test_a_future_until_is_today_with_a_warning(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing_spider.cli", "crawl", "--db", str(tmp_path / "b.db"), "--until", "2999-01-01",
         "--base-url", "http://127.0.0.1:9", "--no-polite"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env={**os.environ},
    )  # fmt: skip
    assert result.stderr.splitlines()[0].startswith("warning: --until 2999-01-01 is after today (")
    assert result.returncode == 2 and "cannot reach 127.0.0.1:9" in result.stderr
