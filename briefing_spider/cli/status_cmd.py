"""`briefing status`: recent runs, field coverage, anomalies (exit 1), optional notification."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.cli import cli, db_option
from briefing_spider.clock import now
from briefing_spider.ops.health import HealthReport, check_health, notify
from briefing_spider.parse.site_time import SEOUL


@cli.command()
@db_option
@click.option(
    "--days",
    type=click.IntRange(min=1, max=365),
    default=7,
    show_default=True,
    help="The window: runs and records of the last N days.",
)
@click.option(
    "--notify",
    "notify_command",
    metavar="CMD",
    help="On anomalies, run CMD in a shell with the summary on stdin (mail, a chat webhook…).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="Judge the archive as it stood at the end of this day (Asia/Seoul), e.g. a past week.",
)
def status(db_path, days, notify_command, as_json, today):
    """Check the archive's health: recent crawl runs, field coverage, anomalies.

    Exits 1 when something looks wrong: a weekday without releases, over 5% errors in the last
    run, a field's coverage under half its 30-day level, block pages served as 200s, a run
    stuck `running` or not `finished`, no run for two days. Meant for cron or a systemd timer.

    \b
    Example:
        briefing status --db data/briefings.db --days 7
        briefing status --notify 'mail -s "briefing-archive" ops@example.org'
        briefing status --today 2026-04-17 --days 7
    """
    checked_at = now() if today is None else end_of_day(today, now())
    try:
        db = open_archive_read_only(db_path)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    report = check_health(db, now=checked_at, days=days, db_path=db_path)
    summary = render_report(report, db_path)
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else summary)
    if report.healthy:
        return
    if notify_command:
        code = notify(notify_command, summary)
        if code != 0:
            click.echo(f"error: --notify command exited {code}: {notify_command}", err=True)
    sys.exit(1)


def end_of_day(text: str, current: datetime) -> datetime:
    """The end of day `text` in Asia/Seoul — or `current`, if that day is today or later."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{text!r}: expected a date as YYYY-MM-DD", param_hint="--today") from None
    end = datetime.combine(day, time(23, 59, 59), tzinfo=SEOUL)
    return min(end, current)


def render_report(report: HealthReport, db_path: str) -> str:
    lines = [
        f"{db_path}: last {report.days} days, checked {report.checked_at[:16].replace('T', ' ')} (Asia/Seoul)",
        "",
        "runs:",
    ]
    lines += [f"  {run_line(run)}" for run in report.runs] or ["  (none in the window)"]
    lines += ["", f"coverage (share of records with the field; last {report.days} days vs the 30 before):"]
    lines += [
        f"  {c.field:<16} {percent(c.recent):>5} of {c.recent_records:<6} before: {percent(c.trailing):>5} "
        f"of {c.trailing_records}"
        for c in report.coverage
    ]
    lines.append("")
    if report.healthy:
        lines.append("healthy: no anomalies")
    else:
        lines.append(f"{len(report.anomalies)} anomalies:")
        lines += [f"  {a.kind}: {a.message}" for a in report.anomalies]
    return "\n".join(lines)


def run_line(run) -> str:
    took = (
        "—"
        if run.duration_seconds is None
        else f"{int(run.duration_seconds // 60)}m{int(run.duration_seconds % 60):02d}s"
    )
    return (
        f"run {run.id:<5} {run.started_at[:16].replace('T', ' ')}  {took:>8}  {run.status:<11} "
        f"{run.pages} responses, {run.new} new, {run.updated} updated, {run.unchanged} unchanged, "
        f"{run.errors} errors"
    )


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"
