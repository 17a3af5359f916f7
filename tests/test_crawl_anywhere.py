"""`briefing crawl` takes its settings from the package, whatever the working directory: the
archive pipeline, the lock, robots.txt and the rest — not Scrapy's defaults, which a crawl run
outside the checkout used to get (no `scrapy.cfg` there) while reporting "nothing fetched"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import ROOT
from tests.crawl_helpers import run_cli
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 2)


def briefing_executable() -> list[str]:
    """This environment's `briefing` script (as a user runs it), else `python -m`."""
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "briefing_spider.cli"]


def test_crawl_from_another_directory_uses_the_package_settings(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    state = tmp_path / "state"
    env = {**os.environ, "XDG_STATE_HOME": str(state), "HOME": str(tmp_path / "home")}
    releases = synthetic_releases(DAYS, per_day=3)
    with Mirror(releases) as mirror:
        result = subprocess.run(
            [
                *briefing_executable(),
                "crawl",
                "--base-url",
                mirror.base_url,
                "--db",
                "briefings.db",
                "--no-polite",
                "--since",
                DAYS[0],
                "--until",
                DAYS[-1],
            ],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        requested = list(mirror.requests)
    assert result.returncode == 0, result.stderr
    assert "6 new" in result.stdout
    db = Database(elsewhere / "briefings.db")  # --db relative to the working directory
    assert db.execute("SELECT count(*) FROM briefings").fetchone()[0] == 6
    assert [run["status"] for run in db.query("SELECT status FROM crawl_runs")] == ["finished"]
    assert "/robots.txt" in requested  # ROBOTSTXT_OBEY came from the project's settings
    # only the archive, its raw store and nothing else (no .scrapy/, no lock left, no job files)
    left = {p.name for p in elsewhere.iterdir()} - {"briefings.db-wal", "briefings.db-shm"}
    assert left == {"briefings.db", "briefings.raw"}
    assert not state.exists()  # Scrapy's remote control writes its token file there when enabled


def test_scrapy_crawl_from_the_checkout_still_reads_scrapy_cfg(tmp_path):
    db_path = tmp_path / "briefings.db"
    releases = synthetic_releases(DAYS[:1], per_day=2)
    with Mirror(releases) as mirror:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "korea_kr_press",
                "-a",
                f"base_url={mirror.base_url}",
                "-a",
                f"since={DAYS[0]}",
                "-a",
                f"until={DAYS[0]}",
                "-s",
                f"BRIEFING_DB={db_path}",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_ENABLED=0",
                "-s",
                "LOG_LEVEL=WARNING",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    assert Database(db_path).execute("SELECT count(*) FROM briefings").fetchone()[0] == 2


def test_build_workers_from_the_environment(tmp_path):
    """BRIEFING_BUILD_WORKERS=0 builds in the crawl's own process (the log says how it builds);
    a value that is not a number stops the crawl before it starts, naming the variable."""
    releases = synthetic_releases(DAYS[:1], per_day=2)
    log = tmp_path / "crawl.log"
    with Mirror(releases) as mirror:
        args = ("crawl", "--base-url", mirror.base_url, "--no-polite", "--since", DAYS[0], "--until", DAYS[0])
        inline = run_cli(
            *args,
            "--db",
            str(tmp_path / "a.db"),
            "--log-file",
            str(log),
            env={**os.environ, "BRIEFING_BUILD_WORKERS": "0"},
        )
        wrong = run_cli(*args, "--db", str(tmp_path / "b.db"), env={**os.environ, "BRIEFING_BUILD_WORKERS": "many"})
    assert inline.returncode == 0, inline.stderr
    assert "building releases in the crawl process" in log.read_text(encoding="utf-8")
    assert wrong.returncode == 2
    assert wrong.stderr.strip().splitlines()[-1] == "error: BRIEFING_BUILD_WORKERS='many': expected a whole number"
    assert not (tmp_path / "b.db").exists()


def test_scrapy_feed_export_of_the_items(tmp_path):
    """`scrapy crawl korea_kr_press -O items.jsonl` writes every item; a body is shown by its
    sha256 (its file in the raw store) and size."""
    import hashlib
    import json

    releases = synthetic_releases(DAYS[:1], per_day=2)
    feed = tmp_path / "items.jsonl"
    with Mirror(releases) as mirror:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "korea_kr_press",
                "-O",
                str(feed),
                "-a",
                f"base_url={mirror.base_url}",
                "-a",
                f"since={DAYS[0]}",
                "-a",
                f"until={DAYS[0]}",
                "-s",
                f"BRIEFING_DB={tmp_path / 'briefings.db'}",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_ENABLED=0",
                "-s",
                "LOG_LEVEL=WARNING",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    fetched = [item for item in items if "body" in item]
    served = {a.body for r in releases for a in r.attachments}
    attachments = [item for item in fetched if item["role"] == "attachment" and item["status"] == 200]
    assert attachments and all(set(item["body"]) == {"sha256", "size"} for item in fetched)
    digests = {hashlib.sha256(body).hexdigest(): len(body) for body in served}
    matched = [item for item in attachments if item["body"]["sha256"] in digests]  # the files, byte for byte
    assert matched and all(digests[item["body"]["sha256"]] == item["body"]["size"] for item in matched)
    assert sorted(item["news_id"] for item in items if set(item) == {"news_id", "url", "kind"}) == sorted(
        r.news_id for r in releases
    )
    # one day count a kind whose list is dated (press releases, fact checks: every kind is crawled)
    assert sorted((item["kind"], item["day"]) for item in items if "total" in item) == [
        ("fact_check", DAYS[0]),
        ("press_release", DAYS[0]),
    ]


def test_the_unit_schedule_install_writes_crawls_from_its_own_directory(tmp_path):
    """The service's ExecStart, run from its WorkingDirectory (outside the checkout), archives:
    the absolute `briefing`, the absolute `--db`, the package's settings."""
    import shlex

    srv, units = tmp_path / "srv", tmp_path / "units"
    srv.mkdir()
    installed = subprocess.run(
        [*briefing_executable(), "schedule", "install", "--db", "data/briefings.db", "--unit-dir", str(units)],
        cwd=srv,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert installed.returncode == 0, installed.stderr
    service = dict(
        line.split("=", 1)
        for line in (units / "briefing-archive.service").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    command = shlex.split(service["ExecStart"])
    assert Path(command[0]).is_absolute() and command[-2:] == ["--db", str(srv / "data" / "briefings.db")]
    with Mirror(synthetic_releases(DAYS[:1], per_day=2)) as mirror:
        result = subprocess.run(
            [*command, "--base-url", mirror.base_url, "--no-polite", "--since", DAYS[0], "--until", DAYS[0]],
            cwd=service["WorkingDirectory"],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    assert Database(srv / "data" / "briefings.db").execute("SELECT count(*) FROM briefings").fetchone()[0] == 2


def test_the_package_alone_crawls_without_the_checkout(tmp_path):
    """The package laid out as a wheel installs it (its files only: no scrapy.cfg, no tests, no
    checkout around it), imported from there and run from elsewhere, archives like the checkout.
    A real `pip install .` into a fresh venv needs the package index, so it is not a test; this
    is the part of it that runs offline."""
    import shutil

    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "briefing_spider", site / "briefing_spider", ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_STATE_HOME": str(tmp_path / "state")}
    where = subprocess.run(
        [sys.executable, "-c", "import briefing_spider; print(briefing_spider.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert where.stdout.strip() == str(site / "briefing_spider" / "__init__.py")
    with Mirror(synthetic_releases(DAYS[:1], per_day=2)) as mirror:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "briefing_spider.cli",
                "crawl",
                "--base-url",
                mirror.base_url,
                "--no-polite",
                "--since",
                DAYS[0],
                "--until",
                DAYS[0],
                "--db",
                "b.db",
            ],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert "/robots.txt" in mirror.requests
    assert result.returncode == 0, result.stderr
    assert "2 new" in result.stdout
