"""A crawl killed with SIGKILL leaves no process behind: its build workers end with it, and
so does multiprocessing's resource tracker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror

DAYS = days_from("2026-07-20", 3)
WAIT_SECONDS = 60
pytestmark = [
    pytest.mark.crawl,  # subprocesses against the local test site (CONTRIBUTING.md)
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc"),
]


def process_table() -> dict[int, int]:
    """{pid: ppid} of every live process (from /proc; zombies have ended: left out)."""
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError, ValueError):
            continue
        if state != "Z":
            table[int(stat.parent.name)] = int(ppid)
    return table


def descendants_of(pid: int) -> set[int]:
    table = process_table()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in table.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    return pids & set(process_table())


def test_build_workers_end_when_the_crawl_is_killed(tmp_path):
    releases = synthetic_releases(DAYS, per_day=20)
    with Mirror(releases) as mirror:
        last = f"newsId={releases[-1].news_id}"  # held back: the crawl is still going when it is killed
        mirror.hold = lambda target: "pressReleaseView" in target and target.endswith(last)
        crawl = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "briefing_spider.cli",
                "crawl",
                "--base-url",
                mirror.base_url,
                "--db",
                str(tmp_path / "briefings.db"),
                "--no-polite",
                "--since",
                DAYS[0],
                "--until",
                DAYS[-1],
            ],
            cwd=ROOT,
            env={**os.environ, "BRIEFING_BUILD_WORKERS": "2"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + WAIT_SECONDS
            started = set()
            while time.monotonic() < deadline and crawl.poll() is None and len(started) < 3:
                started = descendants_of(crawl.pid)  # two workers and the resource tracker
                time.sleep(0.05)
            assert len(started) >= 3, f"the crawl did not start its build workers ({started})"
            crawl.send_signal(signal.SIGKILL)
            crawl.wait(timeout=10)
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline and alive(started):
                time.sleep(0.1)
            left = alive(started)
        finally:
            if crawl.poll() is None:
                crawl.kill()
            mirror.release()
    for pid in left:  # don't leave them to the next test either
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes outlived the killed crawl: {left}"
