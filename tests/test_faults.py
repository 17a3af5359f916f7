"""The crawl through injected faults (tests/fault_proxy.py in front of the mirror).

For each kind of fault: a clean archive of the first day, then a crawl of both days through the
fault; the archive must never be worse than before (no record lost or changed, no half record,
no duplicate), every URL that never got a good answer must be counted in crawl_runs and
crawl_errors, the exit code must say whether the run failed, and one clean re-run must restore
exactly what an undisturbed crawl builds.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from briefing_spider.parse.site_time import SEOUL
from tests.conftest import ROOT
from tests.fault_proxy import FaultProxy
from tests.fault_suite import (
    BEFORE_ARGS,
    OtherHost,
    copy_archive,
    crawl,
    crawl_command,
    crawl_env,
    duplicates,
    faults,
    half_records,
    last_run,
    mirror_releases,
    records,
    uncounted,
    worse,
)
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

RELEASES = mirror_releases()
FAULTS = faults(RELEASES)


@pytest.fixture(scope="module")
def proxy():
    with Mirror(mirror_releases()) as mirror, OtherHost(mirror) as other:
        with FaultProxy(mirror, other_base=other.other_base) as proxy:
            yield proxy


@pytest.fixture(scope="module")
def undisturbed(proxy, tmp_path_factory) -> dict:
    """The records an undisturbed crawl of both days builds."""
    db = tmp_path_factory.mktemp("undisturbed") / "briefings.db"
    result = crawl(proxy.base_url, db)
    assert result.returncode == 0, result.stderr
    built = records(db)
    assert len(built) == len(RELEASES) and not half_records(db, RELEASES)
    return built


@pytest.fixture(scope="module")
def before(proxy, tmp_path_factory):
    """A clean archive of the first day, to be copied by each test."""
    db = tmp_path_factory.mktemp("before") / "briefings.db"
    result = crawl(proxy.base_url, db, *BEFORE_ARGS)
    assert result.returncode == 0, result.stderr
    return db


def honours_retry_after(proxy, fault) -> None:
    """The retry of a 503 with `Retry-After: N` came N seconds or more after the 503."""
    (rule,) = fault.rules
    spoilt = next(served for served in proxy.log if served.fault)
    retry = next(served for served in proxy.log if served.target == spoilt.target and served.at > spoilt.at)
    assert retry.at - spoilt.at >= rule.retry_after


CHECKS = {"honours_retry_after": honours_retry_after}


@pytest.mark.parametrize("fault", [pytest.param(f, id=f.name) for f in FAULTS])
def test_the_archive_survives_the_fault_and_a_clean_run_restores_it(fault, proxy, undisturbed, before, tmp_path):
    db = copy_archive(before, tmp_path / "archive")
    held = records(db)
    proxy.reset(fault.rules)
    result = crawl(proxy.base_url, db)
    unused, spoilt = proxy.unused_rules(), proxy.spoilt_for_good()
    for check in fault.checks:
        CHECKS[check](proxy, fault)
    proxy.reset()
    assert unused == [], "a fault was never injected"
    after = records(db)
    assert worse(held, after) == [], "a record held before was lost or replaced"
    assert half_records(db, RELEASES) == [] and duplicates(db) == 0
    run, errors = last_run(db)
    texts = [e["reason"] for e in errors] + [a["error"] or "" for r in after.values() for a in r["attachments"]]
    assert [text for text in texts if "<twisted" in text or "Failure" in text] == [], "an error text is a repr"
    if fault.harmless:
        assert after == undisturbed
    if fault.counted:
        assert spoilt and uncounted(spoilt, errors) == set(), errors
        assert run["errors"] >= len(spoilt)
    assert (result.returncode == 0) == fault.exit_ok, (result.returncode, result.stdout, result.stderr)
    again = crawl(proxy.base_url, db)
    assert again.returncode == 0, again.stderr
    assert records(db) == undisturbed


KILLS = 3
KILL_SEED = int(os.environ.get("BRIEFING_KILL_SEED", "20261203"))  # fixed: a failure names the seed to replay
WRITTEN_BEFORE_KILL = (1, 2)  # records a crawl writes before it is killed, drawn at random (8 in all, 3 kills)


def written_since(db: Path, started: str) -> int:
    """Records written since `started`, read without writing; 0 before the archive has any."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5) as connection:
            query = "SELECT count(*) FROM briefings WHERE updated_at >= ?"
            return connection.execute(query, [started]).fetchone()[0]
    except sqlite3.OperationalError:  # no table yet: the first migration still running
        return 0


def kill_crawl_while_it_writes(proxy, db: Path, rng: random.Random) -> int:
    """Start a crawl, SIGKILL it (its build workers too) as soon as it has written a random number
    of records — surely mid-crawl, surely writing; return how many it had written."""
    wanted = rng.randint(*WRITTEN_BEFORE_KILL)
    started = datetime.now(SEOUL).isoformat()
    process = subprocess.Popen(
        crawl_command(proxy.base_url, db),
        cwd=ROOT,
        env=crawl_env(workers=2),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    try:
        while (written := written_since(db, started)) < wanted:
            assert process.poll() is None, f"the crawl ended after {written} records, before the kill"
            assert time.monotonic() < deadline, f"the crawl wrote {written} records in 120 s"
            time.sleep(0.01)
        return written
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the crawl's own session: the crawl and its workers
        process.wait(timeout=30)


def test_kill_loop_loses_nothing_and_a_clean_run_completes(proxy, undisturbed, tmp_path):
    rng = random.Random(KILL_SEED)
    db = tmp_path / "briefings.db"
    proxy.reset()
    proxy.delay = 0.15  # slow enough that every kill lands mid-crawl
    try:
        held: dict = {}
        for kill in range(KILLS):
            written = kill_crawl_while_it_writes(proxy, db, rng)
            where = f"seed {KILL_SEED}, kill {kill + 1} after {written} records"
            assert Database(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok", where
            now = records(db)
            assert worse(held, now) == [], f"{where}: a record was lost or changed by a kill"
            assert [n for n, record in now.items() if record != undisturbed[n]] == [], f"{where}: half record"
            assert duplicates(db) == 0, where
            assert len(now) > len(held), f"{where}: the kill was not mid-crawl"
            held = now
    finally:
        proxy.delay = 0
    result = crawl(proxy.base_url, db)
    assert result.returncode == 0, result.stderr
    assert records(db) == undisturbed and duplicates(db) == 0
