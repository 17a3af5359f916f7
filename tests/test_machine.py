"""The archive's own machine: what a refused write means, the check before a crawl fetches
anything, runs whose process is gone, and every command's one line on a corrupt or unwritable
archive (crawls of a full or read-only disk: tests/test_faults_machine.py)."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from datetime import datetime

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from briefing_spider.archive import ArchiveError, open_archive, raw_dir_for
from briefing_spider.archive.machine import (
    DISK_FULL,
    NOT_WRITABLE,
    MachineError,
    NotAnArchive,
    check_writable,
    machine_cause,
)
from briefing_spider.archive.runs import CrawlRun, close_stale_runs
from briefing_spider.cli import cli
from briefing_spider.ops.health import check_health
from briefing_spider.parse.site_time import SEOUL
from tests.machine_fs import data_directory, read_only

AT = datetime(2026, 12, 3, 2, 30, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "error, cause",
    [
        (OSError(errno.ENOSPC, "No space left on device"), DISK_FULL),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), DISK_FULL),
        (sqlite3.OperationalError("database or disk is full"), DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), NOT_WRITABLE),
        (PermissionError(errno.EACCES, "Permission denied"), NOT_WRITABLE),
        (sqlite3.OperationalError("attempt to write a readonly database"), NOT_WRITABLE),
        (ValueError("no title"), None),
        (sqlite3.OperationalError("no such table: x"), None),
    ],
)
def test_what_a_refused_write_means(error, cause):
    assert machine_cause(error) == cause


def test_a_wrapped_error_keeps_its_cause():
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise ArchiveError("x.db: cannot open the archive") from inner
    except ArchiveError as error:
        assert machine_cause(error) == DISK_FULL


def test_a_file_that_is_no_archive_is_named(tmp_path):
    path = tmp_path / "b.db"
    path.write_bytes(b"not a database at all" * 10)
    with pytest.raises(NotAnArchive, match=r"b\.db: not an SQLite database \(it begins b'not a databa'\)"):
        check_writable(path, raw_dir_for(path))


def test_too_little_room_is_a_full_disk(tmp_path):
    with pytest.raises(MachineError) as full:
        check_writable(tmp_path / "b.db", tmp_path / "b.raw", min_free_mb=10**12)
    assert full.value.cause == DISK_FULL and "the disk is full" in str(full.value)


def test_a_new_archive_in_a_new_directory_is_fine(tmp_path):
    check_writable(tmp_path / "new" / "deeper" / "b.db", tmp_path / "new" / "deeper" / "b.raw", min_free_mb=0)
    assert not (tmp_path / "new").exists()  # the check leaves nothing behind


def test_a_directory_no_one_may_write(tmp_path):
    with data_directory(tmp_path / "ro") as where:
        open_archive(where / "b.db").close()
        read_only(where)
        with pytest.raises(MachineError) as refused:
            check_writable(where / "b.db", where / "b.raw", min_free_mb=0)
        assert refused.value.cause == NOT_WRITABLE
        assert "Read-only file system" in str(refused.value) or "Permission denied" in str(refused.value)


def test_runs_whose_process_is_gone_are_closed_as_interrupted(tmp_path):
    db = open_archive(tmp_path / "b.db")
    stale = CrawlRun(started_at=AT, arguments={}).ensure_row(db)
    assert close_stale_runs(db, at=AT) == [stale]
    assert db.execute("SELECT status, finished_at FROM crawl_runs").fetchone() == ("interrupted", AT.isoformat())
    (kind, reason) = db.execute("SELECT kind, reason FROM crawl_errors").fetchone()
    assert kind == "interrupted" and "its process is gone" in reason
    assert close_stale_runs(db, at=AT) == []


def test_a_run_that_could_not_write_fails_with_its_cause_and_status_names_the_disk(tmp_path):
    path = tmp_path / "b.db"
    db = open_archive(path)
    run = CrawlRun(started_at=AT, arguments={})
    run.ensure_row(db)
    run.record_error(db, url="u", kind="parse", reason="PageParseError: no title", at=AT)  # looks like the site…
    run.fail_for(db, cause=DISK_FULL, reason="No space left on device", url=str(path), at=AT)
    assert db.execute("SELECT status FROM crawl_runs").fetchone() == ("failed",)
    report = check_health(db, now=AT, db_path=str(path))
    assert report.anomalies[0].kind == DISK_FULL and "the machine, not the site" in report.anomalies[0].message
    assert not {"parse_errors", "block_pages", "coverage_drop", "site_changed"} & {a.kind for a in report.anomalies}


def test_reparse_on_a_file_that_is_no_archive_is_one_line(tmp_path):
    path = tmp_path / "b.db"
    path.write_bytes(b"garbage" * 50)
    result = CliRunner().invoke(cli, ["reparse", "--db", str(path), "--workers", "0"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {path}: cannot open the archive for writing (file is not a database)"
    ]


@pytest.mark.parametrize("dates", [[], ["--since", "2026-07-20", "--until", "2026-07-20"]])
def test_a_crawl_with_or_without_dates_on_a_file_that_is_no_archive_is_one_line(tmp_path, dates):
    path = tmp_path / "b.db"
    path.write_bytes(b"garbage" * 50)
    before = path.read_bytes()
    # with no dates the window is read from the archive first: the same one line, before that
    result = CliRunner().invoke(
        cli, ["crawl", "--db", str(path), "--base-url", "http://127.0.0.1:9", "--no-polite", *dates]
    )
    assert result.exit_code == 74, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"error: {path}: not an SQLite database (it begins b'garbagegarba'); move it aside or pass another --db"
    )
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["b.db"]


def test_eval_names_a_golden_file_that_is_not_json(tmp_path):
    (tmp_path / "1.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"error: {tmp_path / '1.json'}: not a golden record (not JSON:")


@pytest.mark.parametrize("command", [["search", "예산"], ["export", "--table", "briefings", "--out", "x.csv"]])
def test_an_unknown_kind_is_named(tmp_path, command):
    path = tmp_path / "b.db"
    open_archive(path).close()
    result = CliRunner().invoke(cli, [*command, "--kind", "bogus", "--db", str(path)])
    assert result.exit_code != 0
    assert "--kind bogus: no such kind (there are: briefing, fact_check, press_release, state_council" in result.output


def test_a_writing_pragma_gets_the_read_only_answer(tmp_path):
    path = tmp_path / "b.db"
    open_archive(path).close()
    result = CliRunner().invoke(cli, ["query", "PRAGMA journal_mode = DELETE", "--db", str(path)])
    assert result.exit_code == 1 and "read-only: queries can't change the archive" in result.output
    assert Database(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert CliRunner().invoke(cli, ["query", "PRAGMA table_info(briefings)", "--db", str(path)]).exit_code == 0


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600)])
def test_exports_take_the_users_umask_and_datasets_make_their_parents(tmp_path, mask, mode):
    path = tmp_path / "b.db"
    open_archive(path).close()
    old = os.umask(mask)
    try:
        out = tmp_path / "releases.csv"
        assert (
            CliRunner().invoke(cli, ["export", "--table", "briefings", "--out", str(out), "--db", str(path)]).exit_code
            == 0
        )
        dataset = tmp_path / "new" / "parents" / "dataset"
        result = CliRunner().invoke(cli, ["export-dataset", str(dataset), "--db", str(path)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE(dataset.stat().st_mode) == mode | 0o111 & ~mask  # a directory: searchable where readable
    assert stat.S_IMODE((dataset / "datapackage.json").stat().st_mode) == mode
