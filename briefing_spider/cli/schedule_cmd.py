"""`briefing schedule install|status`: nightly crawls with a systemd user timer (or cron)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.cli import cli, db_option
from briefing_spider.ops.health import last_run
from briefing_spider.ops.lock import is_held, read_holder
from briefing_spider.ops.schedule import (
    UNIT_NAME,
    ScheduleError,
    briefing_command,
    crontab_line,
    default_cron_log,
    default_unit_dir,
    enable_command,
    make_job,
    service_unit,
    timer_unit,
    unit_paths,
)

SYSTEMCTL_TIMEOUT = 10
unit_dir_option = click.option(
    "--unit-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the units go. Default: ~/.config/systemd/user.",
)


@cli.group()
def schedule():
    """Run the crawl every night: a systemd user timer (or a crontab line), and its status.

    \b
    Example:
        briefing schedule install --at 02:30 --db data/briefings.db
        briefing schedule status
    """


@schedule.command()
@click.option(
    "--at",
    default="02:30",
    show_default=True,
    metavar="HH:MM",
    help="Time of day (this machine's time zone); systemd adds up to 15 min of random delay.",
)
@db_option
@click.option("--cron", is_flag=True, help="Print a crontab line instead of writing systemd units.")
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --cron: append the crawl's output here. Default: beside the archive, NAME.crawl.log.",
)
@unit_dir_option
@click.option("--enable", is_flag=True, help="Also run the systemctl commands (daemon-reload, enable --now).")
def install(at, db_path, cron, log_file, unit_dir, enable):
    """Write a systemd user service and timer that run `briefing crawl --db PATH` nightly.

    The units call this install's `briefing` by absolute path, from the current directory; the
    crawl holds the archive's lock, so an overlapping run exits instead of competing.

    \b
    Example:
        briefing schedule install --at 02:30 --db data/briefings.db
        briefing schedule install --cron >> my.crontab
    """
    try:
        job = make_job(db_path=db_path, at=at, working_dir=Path.cwd(), command=briefing_command())
    except ScheduleError as error:
        raise click.UsageError(str(error)) from None
    if cron:
        click.echo(crontab_line(job, (log_file or default_cron_log(job.db_path)).absolute()))
        return
    unit_dir = unit_dir or default_unit_dir()
    service_path, timer_path = unit_paths(unit_dir)
    try:
        unit_dir.mkdir(parents=True, exist_ok=True)
        service_path.write_text(service_unit(job), encoding="utf-8")
        timer_path.write_text(timer_unit(job), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"{unit_dir}: cannot write the units ({error.strerror})") from None
    click.echo(f"wrote {service_path}\nwrote {timer_path}")
    if enable:
        result = subprocess.run(enable_command(), shell=True)
        if result.returncode != 0:
            raise click.ClickException(f"systemctl failed (exit {result.returncode}): {enable_command()}")
        click.echo(f"enabled {UNIT_NAME}.timer")
    else:
        click.echo(f"to start it:\n  {enable_command()}")
    click.echo("to run while you are logged out:\n  loginctl enable-linger $USER")


@schedule.command(name="status")
@db_option
@unit_dir_option
def schedule_status(db_path, unit_dir):
    """Show whether the units exist, the timer's next run, a crawl holding the lock, and the last run.

    \b
    Example:
        briefing schedule status --db data/briefings.db
    """
    for path in unit_paths(unit_dir or default_unit_dir()):
        click.echo(f"{path.name}: {'installed' if path.exists() else 'not installed'} ({path})")
    click.echo(f"timer: {timer_state()}")
    holder = read_holder(db_path) if is_held(db_path) else None
    click.echo(f"lock: {'held by ' + holder.describe() if holder else 'free'}")
    click.echo(f"last run: {last_run_line(db_path)}")


def timer_state() -> str:
    if not shutil.which("systemctl"):
        return "systemctl not found"
    try:
        result = subprocess.run(
            [
                "systemctl",
                "--user",
                "show",
                f"{UNIT_NAME}.timer",
                "--property=ActiveState,NextElapseUSecRealtime,LastTriggerUSec",
            ],
            capture_output=True,
            text=True,
            timeout=SYSTEMCTL_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"systemctl did not answer ({error})"
    if result.returncode != 0:
        return f"systemctl did not answer ({(result.stderr.strip().splitlines() or ['exit ' + str(result.returncode)])[-1]})"
    fields = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return (
        f"{fields.get('ActiveState') or 'unknown'}, next run {fields.get('NextElapseUSecRealtime') or 'n/a'}, "
        f"last triggered {fields.get('LastTriggerUSec') or 'n/a'}"
    )


def last_run_line(db_path: str) -> str:
    if not Path(db_path).exists():
        return f"no archive at {db_path}"
    try:
        run = last_run(open_archive_read_only(db_path))
    except ArchiveError as error:
        return str(error)
    if run is None:
        return "none recorded"
    took = "" if run.duration_seconds is None else f", took {int(run.duration_seconds // 60)} min"
    return (
        f"run {run.id} started {run.started_at}, {run.status}{took}: {run.new} new, "
        f"{run.updated} updated, {run.errors} errors"
    )
