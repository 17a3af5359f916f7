"""What `briefing crawl` prints when it ends: the run's counts, what looks like a changed site,
its first errors, and the one line that says why a run did not end well."""

from __future__ import annotations

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only

SHOWN_ERRORS = 5
ADVICE = {  # what to do, after the one line naming the path and the cause
    "disk_full": " — free some space and run the crawl again: what was archived is kept, and it goes on from there",
    "not_writable": " — let this user write there, or pass another --db",
}


def report(outcome, db_path: str, first, last) -> int:
    """Print how the crawl went; the exit code."""
    if outcome.locked_out:
        click.echo(f"error: {outcome.locked_out}", err=True)
    elif outcome.machine:
        summary = run_summary(db_path, outcome.run_id, first, last) if outcome.run_id else None
        if summary:
            click.echo(summary)
        click.echo(f"error: {outcome.machine}{ADVICE.get(outcome.machine_cause, '')}", err=True)
    elif outcome.unreachable:
        click.echo(f"error: {outcome.unreachable.rstrip('.')} (the archive was not changed)", err=True)
    else:
        click.echo(run_summary(db_path, outcome.run_id, first, last))
        if outcome.why:  # what was fetched before the error is kept
            click.echo(f"error: {outcome.why}", err=True)
    return outcome.exit_code()


def run_summary(db_path: str, run_id: int | None, first, last) -> str:
    if run_id is None:
        return f"{first} to {last}: nothing fetched; {db_path} unchanged"
    try:
        db = open_archive_read_only(db_path)
    except ArchiveError as error:
        return f"run {run_id}: {error}"
    run = db.table("crawl_runs").get(run_id)
    lines = [
        f"run {run_id} ({first} to {last}, {run['status']}): {run['pages']} responses, "
        f"{run['new']} new, {run['updated']} updated, {run['unchanged']} unchanged, "
        f"{run['errors']} errors → {db_path}"
    ]
    changed = db.table("crawl_errors").rows_where("run_id = ? AND kind = 'site_changed'", [run_id])
    lines += [f"  {e['reason']}" for e in changed]  # first: the site changed its pages
    where = "run_id = ? AND kind != 'site_changed'"
    errors = list(db.table("crawl_errors").rows_where(where, [run_id], limit=SHOWN_ERRORS + 1))
    lines += [f"  {e['kind']}: {e['url']}: {e['reason']}" for e in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(f'  … all errors: sqlite-utils {db_path} "SELECT * FROM crawl_errors WHERE run_id = {run_id}"')
    return "\n".join(lines)
