"""Nightly crawls: a systemd user timer and service, or a crontab line. Text only — writing the
files and asking systemctl is the CLI's job.

The crawl takes the archive's lock itself (`ops/lock.py`), so neither needs `flock`: a run that
finds the previous one still going says so and exits non-zero.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

UNIT_NAME = "briefing-archive"
RANDOMIZED_DELAY = "15min"
CRAWL_TIMEOUT = "6h"


class ScheduleError(ValueError):
    """Bad scheduling input; the message names the option."""


@dataclass(frozen=True)
class Job:
    """What the schedule runs: `briefing crawl --db DB`, from `working_dir`, at hour:minute."""

    command: tuple[str, ...]  # the briefing executable (or python -m briefing_spider.cli)
    db_path: Path
    working_dir: Path
    hour: int
    minute: int

    @property
    def crawl(self) -> tuple[str, ...]:
        return (*self.command, "crawl", "--db", str(self.db_path))


def parse_time_of_day(text: str) -> tuple[int, int]:
    """ "02:30" → (2, 30)."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ScheduleError(f"--at {text}: expected a time of day as HH:MM, e.g. 02:30")
    return int(match[1]), int(match[2])


def briefing_command(python: str = sys.executable) -> tuple[str, ...]:
    """The absolute path of this install's `briefing` (beside its Python), or `python -m`."""
    beside = Path(python).absolute().parent / "briefing"
    if beside.is_file() and os.access(beside, os.X_OK):
        return (str(beside),)
    return (str(Path(python).absolute()), "-m", "briefing_spider.cli")


def make_job(*, db_path: str | Path, at: str, working_dir: Path, command: tuple[str, ...]) -> Job:
    hour, minute = parse_time_of_day(at)
    db = Path(db_path)
    return Job(
        command=command,
        db_path=db if db.is_absolute() else working_dir / db,
        working_dir=working_dir,
        hour=hour,
        minute=minute,
    )


def default_unit_dir(environ=os.environ) -> Path:
    config = environ.get("XDG_CONFIG_HOME") or str(Path(environ.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "systemd" / "user"


def unit_paths(unit_dir: Path) -> tuple[Path, Path]:
    return unit_dir / f"{UNIT_NAME}.service", unit_dir / f"{UNIT_NAME}.timer"


def service_unit(job: Job) -> str:
    return f"""\
[Unit]
Description=briefing-archive: crawl the korea.kr briefing room (every kind) into {escape_specifiers(str(job.db_path))}
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={escape_specifiers(str(job.working_dir))}
ExecStart={" ".join(systemd_quote(part) for part in job.crawl)}
# Ctrl-C semantics on stop: the crawl marks its run `interrupted` and exits; nothing is lost.
KillSignal=SIGINT
TimeoutStartSec={CRAWL_TIMEOUT}
Nice=10
"""


def timer_unit(job: Job) -> str:
    return f"""\
[Unit]
Description=Nightly briefing-archive crawl at {job.hour:02d}:{job.minute:02d}

[Timer]
OnCalendar=*-*-* {job.hour:02d}:{job.minute:02d}:00
# A night missed while the machine was off runs at the next boot.
Persistent=true
RandomizedDelaySec={RANDOMIZED_DELAY}
Unit={UNIT_NAME}.service

[Install]
WantedBy=timers.target
"""


def enable_command() -> str:
    return f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT_NAME}.timer"


def default_cron_log(db_path: Path) -> Path:
    """`/srv/data/briefings.db` → `/srv/data/briefings.crawl.log`."""
    return db_path.with_suffix(".crawl.log")


def crontab_line(job: Job, log_file: Path) -> str:
    """One crontab line: the crawl at hour:minute, its output appended to `log_file`."""
    command = f"cd {shlex.quote(str(job.working_dir))} && {shlex.join(job.crawl)} >> {shlex.quote(str(log_file))} 2>&1"
    return f"{job.minute} {job.hour} * * * {command.replace('%', chr(92) + '%')}"


def systemd_quote(word: str) -> str:
    """A word for ExecStart=/WorkingDirectory=: quoted if needed, `%` escaped."""
    word = escape_specifiers(word)
    if word and not re.search(r'[\s"\'\\;]', word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def escape_specifiers(text: str) -> str:
    return text.replace("%", "%%")
