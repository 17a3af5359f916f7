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
import subprocess

import pytest
from sqlite_utils import Database

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
KILL_AFTER = (0.3, 2.0)  # seconds after the start, drawn at random


def kill_crawl_at_random(proxy, db, rng: random.Random) -> bool:
    """Start a crawl, SIGKILL it after a random time (its build workers too); True if it was still running."""
    process = subprocess.Popen(
        crawl_command(proxy.base_url, db),
        cwd=ROOT,
        env=crawl_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=rng.uniform(*KILL_AFTER))
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the crawl's own session: the crawl and its workers
        process.wait(timeout=30)
        return True


def test_kill_loop_loses_nothing_and_a_clean_run_completes(proxy, undisturbed, tmp_path):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    db = tmp_path / "briefings.db"
    proxy.reset()
    proxy.delay = 0.15  # slow enough that kills land mid-crawl
    try:
        held: dict = {}
        landed = 0
        for _ in range(KILLS):
            landed += kill_crawl_at_random(proxy, db, rng)
            if not db.exists():
                continue
            now = records(db)
            assert Database(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert worse(held, now) == [], f"seed {seed}: a record was lost or changed by a kill"
            assert [n for n, record in now.items() if record != undisturbed[n]] == [], f"seed {seed}: half record"
            assert duplicates(db) == 0
            held = now
    finally:
        proxy.delay = 0
    assert landed >= 1, f"seed {seed}: no kill landed mid-crawl"
    result = crawl(proxy.base_url, db)
    assert result.returncode == 0, result.stderr
    assert records(db) == undisturbed and duplicates(db) == 0
