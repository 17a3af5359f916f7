"""The archive lock: one run at a time, the second names the holder, stale locks are taken over."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
from datetime import datetime

import pytest

from briefing_spider.ops.lock import ArchiveLocked, LockHolder, crawl_lock, is_held, lock_path_for, read_holder
from briefing_spider.parse.site_time import SEOUL
from tests.conftest import ROOT

STARTED = datetime(2026, 7, 20, 2, 30, tzinfo=SEOUL)

HOLD_THE_LOCK = """
import sys, time
from datetime import datetime
from briefing_spider.ops.lock import crawl_lock
with crawl_lock(sys.argv[1], command="briefing crawl --db " + sys.argv[1], started_at=datetime.now().astimezone()):
    print("locked", flush=True)
    time.sleep(60)
"""


def hold_in_another_process(db_path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked", holder.stderr.read()
    return holder


def dead_pid() -> int:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    return finished.pid


def test_the_lock_file_names_its_holder_and_is_removed_after(tmp_path):
    db_path = tmp_path / "data" / "briefings.db"
    with crawl_lock(db_path, command="briefing crawl", started_at=STARTED) as me:
        assert lock_path_for(db_path) == tmp_path / "data" / "briefings.db.lock"
        assert (
            read_holder(db_path)
            == me
            == LockHolder(
                pid=os.getpid(), host=socket.gethostname(), started_at=STARTED.isoformat(), command="briefing crawl"
            )
        )
        assert is_held(db_path)
    assert not lock_path_for(db_path).exists() and not is_held(db_path)


def test_a_second_run_in_the_same_process_is_refused(tmp_path):
    db_path = tmp_path / "briefings.db"
    with crawl_lock(db_path, command="briefing crawl", started_at=STARTED):
        with pytest.raises(ArchiveLocked, match=f"in use by pid {os.getpid()} on"):
            with crawl_lock(db_path, command="briefing crawl", started_at=STARTED):
                pass
    with crawl_lock(db_path, command="briefing crawl", started_at=STARTED):  # free again
        pass


def test_two_processes_never_overlap_and_a_killed_holder_frees_the_lock(tmp_path):
    db_path = tmp_path / "briefings.db"
    holder = hold_in_another_process(db_path)
    try:
        with pytest.raises(ArchiveLocked) as refused:
            with crawl_lock(db_path, command="briefing crawl", started_at=STARTED):
                pass
        assert refused.value.holder.pid == holder.pid
        assert f"pid {holder.pid} on {socket.gethostname()}" in str(refused.value)
        assert f"briefing crawl --db {db_path}" in str(refused.value)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    warnings = []
    with crawl_lock(db_path, command="briefing crawl", started_at=STARTED, warn=warnings.append) as me:
        assert read_holder(db_path) == me
    assert len(warnings) == 1 and f"pid {holder.pid}" in warnings[0] and "stale" in warnings[0]


@pytest.mark.crawl
def test_a_second_process_is_refused_with_the_holder_named_and_exits_non_zero(tmp_path):
    db_path = tmp_path / "briefings.db"
    holder = hold_in_another_process(db_path)
    try:
        second = subprocess.run(
            [sys.executable, "-c", HOLD_THE_LOCK, str(db_path)], cwd=ROOT, capture_output=True, text=True, timeout=30
        )
    finally:
        holder.terminate()
        holder.wait()
    assert second.returncode != 0 and "locked" not in second.stdout
    assert f"ArchiveLocked: {db_path}.lock: the archive is in use by pid {holder.pid}" in second.stderr


def test_a_lock_held_by_an_orphan_of_a_dead_holder_is_taken_over(tmp_path):
    db_path = tmp_path / "briefings.db"
    path = lock_path_for(db_path)
    orphan = os.open(path, os.O_RDWR | os.O_CREAT)  # another open file: flock conflicts like another process
    fcntl.flock(orphan, fcntl.LOCK_EX)
    os.write(
        orphan,
        json.dumps(
            {
                "pid": dead_pid(),
                "host": socket.gethostname(),
                "started_at": STARTED.isoformat(),
                "command": "briefing crawl",
            }
        ).encode(),
    )
    try:
        warnings = []
        with crawl_lock(db_path, command="briefing crawl", started_at=STARTED, warn=warnings.append) as me:
            assert read_holder(db_path) == me and is_held(db_path)
        assert len(warnings) == 1 and "leftover child" in warnings[0]
    finally:
        os.close(orphan)


def test_a_live_holder_on_another_host_is_never_taken_over(tmp_path):
    db_path = tmp_path / "briefings.db"
    other = os.open(lock_path_for(db_path), os.O_RDWR | os.O_CREAT)
    fcntl.flock(other, fcntl.LOCK_EX)
    os.write(other, json.dumps({"pid": dead_pid(), "host": "elsewhere", "started_at": "x", "command": "c"}).encode())
    try:
        with pytest.raises(ArchiveLocked, match="on elsewhere"):
            with crawl_lock(db_path, command="briefing crawl", started_at=STARTED):
                pass
    finally:
        os.close(other)


def test_a_holder_that_has_not_written_yet_is_reported_as_such(tmp_path):
    db_path = tmp_path / "briefings.db"
    other = os.open(lock_path_for(db_path), os.O_RDWR | os.O_CREAT)
    fcntl.flock(other, fcntl.LOCK_EX)
    try:
        with pytest.raises(ArchiveLocked, match="not written its name yet"):
            with crawl_lock(db_path, command="briefing crawl", started_at=STARTED):
                pass
    finally:
        os.close(other)
