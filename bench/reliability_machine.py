"""The reliability tally's machine part: crawls whose own side fails — a file that is no archive, a
directory no one may write, a disk that fills mid-crawl (tests/test_faults_machine.py builds them;
tests/machine_fs.py says how each is made where `mount` is not allowed). For each: the exit must
be 74 with a last line naming the cause, no run left `running`, nothing archived lost or changed,
no half record, and once the machine is mended the next crawl must complete the archive."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.fault_suite import BEFORE_ARGS, half_records, records, worse
from tests.machine_fs import can_mount, data_directory, read_only, small_disk, writable
from tests.mirror_data import synthetic_releases
from tests.site import Mirror
from tests.test_faults_machine import ARCHIVE_EXIT, DAYS, DISK_KB, big_releases, crawl

CAUSE_WORDS = {"not_an_archive": "not an SQLite database", "not_writable": "write", "disk_full": "the disk is full"}


def left_running(db: Path) -> int:
    if not db.exists() or db.read_bytes()[:6] != b"SQLite":
        return 0
    return Database(db).execute("SELECT count(*) FROM crawl_runs WHERE status = 'running'").fetchone()[0]


def judge(name: str, result, db: Path, held: dict, releases, mended) -> dict[str, int]:
    """The counts that must be 0 for one machine fault."""
    last = (result.stderr.strip().splitlines() or [""])[-1]
    after = records(db) if held else {}
    again = mended()
    return {
        "crawls": 1,
        "bad_exits": int(result.returncode != ARCHIVE_EXIT) + int(again.returncode != 0),
        "unnamed": int(CAUSE_WORDS[name] not in last),
        "running": left_running(db),
        "worse": len(worse(held, after)) if held else 0,
        "halves": len(half_records(db, releases)) if held else 0,
    }


def not_an_archive(workdir: Path) -> dict[str, int]:
    db = workdir / "briefings.db"
    db.write_bytes(b"these bytes are not an SQLite database " * 20)
    releases = synthetic_releases(DAYS, per_day=2)
    with Mirror(releases) as mirror:
        result = crawl(mirror, db)

        def mended():
            db.unlink()
            return crawl(mirror, db)

        return judge("not_an_archive", result, db, {}, releases, mended)


def not_writable(workdir: Path) -> dict[str, int]:
    releases = synthetic_releases(DAYS, per_day=2)
    with Mirror(releases) as mirror, data_directory(workdir / "data") as data:
        db = data / "briefings.db"
        crawl(mirror, db, *BEFORE_ARGS)
        held = records(db)
        read_only(data)
        result = crawl(mirror, db)

        def mended():
            writable(data)
            return crawl(mirror, db)

        return judge("not_writable", result, db, held, releases, mended)


def disk_full(workdir: Path) -> dict[str, int]:
    releases = big_releases()
    with Mirror(releases) as mirror:
        how = "tmpfs" if can_mount() else "file size limit"
        with small_disk(workdir / "data", size_kb=DISK_KB[how], how=how) as disk:
            db = disk.path / "briefings.db"
            crawl(mirror, db, *BEFORE_ARGS, disk=disk)
            held = records(db)
            result = crawl(mirror, db, disk=disk)

            def mended():  # the archive moved to a bigger disk
                shutil.copytree(disk.path, workdir / "moved")
                return crawl(mirror, workdir / "moved" / "briefings.db")

            return judge("disk_full", result, db, held, releases, mended)


MACHINE_FAULTS: dict[str, Callable[[Path], dict[str, int]]] = {
    "not_an_archive": not_an_archive,
    "not_writable": not_writable,
    "disk_full": disk_full,
}


def run_machine_fault(name: str, workdir: Path) -> dict[str, int] | str:
    """The counts of one machine fault, or why this machine cannot make it."""
    workdir.mkdir(parents=True)
    try:
        return MACHINE_FAULTS[name](workdir)
    except pytest.skip.Exception as skipped:
        return str(skipped)
