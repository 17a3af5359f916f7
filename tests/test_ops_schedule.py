"""`briefing schedule`: the systemd units and crontab line it writes, and what status shows."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.cli import cli
from briefing_spider.ops.lock import crawl_lock
from briefing_spider.ops.schedule import (
    Job,
    briefing_command,
    crontab_line,
    default_unit_dir,
    service_unit,
    systemd_quote,
)
from briefing_spider.parse.site_time import SEOUL


def run(*args, env=None):
    return CliRunner().invoke(cli, ["schedule", *map(str, args)], catch_exceptions=False, env=env)


def test_install_writes_a_service_and_a_persistent_randomized_timer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("install", "--at", "03:15", "--db", "archive/briefings.db", "--unit-dir", tmp_path / "units")
    assert result.exit_code == 0, result.output
    service = (tmp_path / "units" / "briefing-archive.service").read_text()
    timer = (tmp_path / "units" / "briefing-archive.timer").read_text()
    executable = Path(sys.executable).absolute().parent / "briefing"
    assert f"ExecStart={executable} crawl --db {tmp_path}/archive/briefings.db\n" in service
    assert f"WorkingDirectory={tmp_path}\n" in service and "Type=oneshot" in service
    assert "KillSignal=SIGINT" in service
    assert "OnCalendar=*-*-* 03:15:00\n" in timer and "Persistent=true" in timer
    assert "RandomizedDelaySec=" in timer and "Unit=briefing-archive.service" in timer
    assert "WantedBy=timers.target" in timer
    assert "systemctl --user daemon-reload && systemctl --user enable --now briefing-archive.timer" in result.output


def test_install_defaults_to_the_user_unit_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("install", env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.exit_code == 0, result.output
    service = tmp_path / "config" / "systemd" / "user" / "briefing-archive.service"
    assert f"--db {tmp_path}/data/briefings.db" in service.read_text()
    assert "OnCalendar=*-*-* 02:30:00" in service.with_suffix(".timer").read_text()
    assert default_unit_dir({"HOME": "/home/u"}) == Path("/home/u/.config/systemd/user")


def test_cron_prints_a_line_that_logs_to_a_file_and_writes_no_units(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("install", "--cron", "--at", "2:05", "--unit-dir", tmp_path / "units")
    assert result.exit_code == 0, result.output
    line = result.output.strip()
    assert line.startswith(f"5 2 * * * cd {tmp_path} && ") and "flock" not in line
    assert f"briefing crawl --db {tmp_path}/data/briefings.db >> {tmp_path}/data/briefings.crawl.log 2>&1" in line
    assert not (tmp_path / "units").exists()


@pytest.mark.parametrize("at", ["25:00", "2:60", "noon", "0230"])
def test_a_bad_time_names_the_option(at, tmp_path):
    result = run("install", "--at", at, "--unit-dir", tmp_path)
    assert result.exit_code == 2 and f"--at {at}: expected a time of day as HH:MM" in result.output
    assert not list(tmp_path.iterdir())


def test_paths_with_spaces_and_percent_signs_are_quoted():
    job = Job(
        command=("/opt/my tools/briefing",),
        db_path=Path("/srv/100% data/b.db"),
        working_dir=Path("/srv/x"),
        hour=2,
        minute=30,
    )
    assert 'ExecStart="/opt/my tools/briefing" crawl --db "/srv/100%% data/b.db"' in service_unit(job)
    assert crontab_line(job, Path("/srv/log")).endswith("'/srv/100\\% data/b.db' >> /srv/log 2>&1")
    assert systemd_quote('a"b') == '"a\\"b"'


def test_without_a_briefing_script_the_units_run_the_module(tmp_path):
    assert briefing_command(str(tmp_path / "python")) == (str(tmp_path / "python"), "-m", "briefing_spider.cli")


def test_status_shows_units_timer_lock_and_last_run(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "systemctl"
    fake.write_text("#!/bin/sh\necho ActiveState=active\necho 'NextElapseUSecRealtime=Fri 2026-07-24 02:41:07 KST'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    db_path = tmp_path / "briefings.db"
    db = open_archive(db_path)
    db.table("crawl_runs").insert(
        {
            "started_at": "2026-07-23T02:31:00+09:00",
            "finished_at": "2026-07-23T02:49:00+09:00",
            "arguments": "{}",
            "status": "finished",
            "pages": 10,
            "new": 4,
            "updated": 1,
            "unchanged": 5,
            "errors": 0,
            "bytes": 1,
        }
    )
    run("install", "--db", db_path, "--unit-dir", tmp_path / "units")
    with crawl_lock(db_path, command="briefing crawl", started_at=datetime(2026, 7, 24, 2, 41, tzinfo=SEOUL)):
        result = run("status", "--db", db_path, "--unit-dir", tmp_path / "units")
    assert result.exit_code == 0, result.output
    assert "briefing-archive.timer: installed" in result.output
    assert "timer: active, next run Fri 2026-07-24 02:41:07 KST" in result.output
    assert f"lock: held by pid {os.getpid()}" in result.output
    assert "last run: run 1 started 2026-07-23T02:31:00+09:00, finished, took 18 min: 4 new" in result.output


def test_status_without_units_or_archive(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no systemctl
    result = run("status", "--db", tmp_path / "none.db", "--unit-dir", tmp_path)
    assert "briefing-archive.service: not installed" in result.output
    assert "timer: systemctl not found" in result.output and "lock: free" in result.output
    assert f"last run: no archive at {tmp_path}/none.db" in result.output
