"""`briefing reparse`: rebuild every record from the raw store with the current parsers."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from briefing_spider.archive import ArchiveError, open_archive, raw_dir_for
from briefing_spider.archive.machine import machine_cause, one_line
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.rebuild import archived_release_ids, build_pool, rebuild_many
from briefing_spider.archive.runs import close_stale_runs
from briefing_spider.archive.save import WORSE, Worse
from briefing_spider.cli import cli, db_option
from briefing_spider.clock import now
from briefing_spider.contract.registry import DEFAULT_SITE, site_names
from briefing_spider.crawl.outcome import ARCHIVE_EXIT, LOCKED_EXIT
from briefing_spider.ops.lock import ArchiveLocked, crawl_lock


def reparse_releases(db, store: RawStore, news_ids, workers: int | None, *, site: str | None = None) -> dict[str, int]:
    """Rebuild and save; errors are reported per release and counted, never stop the rest.
    `news_ids` are `site`'s (default: the default site's); none: every release (of `site`)."""
    counts: dict[str, int] = {}
    pool = build_pool(workers)
    keys = [(site or DEFAULT_SITE, news_id) for news_id in news_ids or ()] or archived_release_ids(db, site=site)
    try:
        for (_site, news_id), outcome in rebuild_many(db, store, keys, seen_at=now(), pool=pool):
            if isinstance(outcome, Exception) and machine_cause(outcome):  # the disk, not the release: stop
                raise outcome
            if isinstance(outcome, Exception):
                click.echo(f"news id {news_id}: {type(outcome).__name__}: {outcome}", err=True)
                outcome = "errors"
            elif isinstance(outcome, Worse):
                click.echo(f"news id {news_id}: kept the stored record, the rebuilt one has {outcome.reason}", err=True)
            counts[outcome] = counts.get(outcome, 0) + 1
    finally:
        if pool is not None:
            pool.shutdown()
    return counts


@cli.command()
@db_option
@click.option(
    "--site",
    "site",
    type=click.Choice(site_names()),
    help="Only this site's releases (and the site of --news-id). Default: every site.",
)
@click.option("--news-id", "news_ids", multiple=True, help="Only this release (repeatable).")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    envvar="BRIEFING_BUILD_WORKERS",
    show_envvar=True,
    help="Build in N processes (0: in this one). Default: cores, at most 4.",
)
def reparse(db_path, site, news_ids, workers):
    """Rebuild records from the raw store with the current parsers (after a parser fix).

    \b
    Example:
        briefing reparse --db data/briefings.db
    """
    try:
        if not Path(db_path).is_file():  # before the lock: a wrong --db leaves no lock file behind
            raise ArchiveError(f"{db_path}: no archive here (run `briefing crawl --db {db_path}` first)")
        # The lock first: a migration is a write, and a crawl may be writing.
        with crawl_lock(db_path, command="briefing reparse", started_at=now()):
            db = open_archive(db_path, create=False)
            close_stale_runs(db, at=now())  # we hold the lock: a run still `running` has no process
            counts = reparse_releases(db, RawStore(raw_dir_for(db_path)), news_ids, workers, site=site)
    except ArchiveLocked as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(LOCKED_EXIT)
    except (ArchiveError, OSError, sqlite3.DatabaseError) as error:
        cause = machine_cause(error)
        click.echo(f"error: {one_line(db_path, error)}", err=True)
        sys.exit(ARCHIVE_EXIT if cause else 1)
    summary = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("new", "updated", "unchanged", "errors"))
    kept = f", {counts[WORSE]} kept (the rebuilt copy was worse)" if counts.get(WORSE) else ""
    click.echo(summary + kept)
    if counts.get("errors") or counts.get(WORSE):
        sys.exit(1)
