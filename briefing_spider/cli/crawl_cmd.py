"""`briefing crawl` and `briefing reparse`."""

from __future__ import annotations

import os
import sys

import click

from briefing_spider.archive import ArchiveError, open_archive, raw_dir_for
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.rebuild import archived_release_ids, build_pool, rebuild_many
from briefing_spider.cli import cli, db_option
from briefing_spider.ops.lock import ArchiveLocked, crawl_lock
from briefing_spider.clock import now
from briefing_spider.parse.korea_kr import SITE
from briefing_spider.parse.korea_kr_api import API_URL
from briefing_spider.window import WindowError, crawl_window, parse_day


SHOWN_ERRORS = 5
LOCKED_EXIT = 75  # EX_TEMPFAIL: try again later
API_KEY_ENV = "BRIEFING_API_KEY"
API_ERROR_EXIT = 1


@cli.command()
@click.option("--since", help="First day to crawl (YYYY-MM-DD). Default: continue from the archive.")
@click.option("--until", help="Last day to crawl (YYYY-MM-DD). Default: today in Asia/Seoul.")
@db_option
@click.option("--base-url", default=SITE, show_default=True, help="The site or a mirror of it.")
@click.option("--limit", type=click.IntRange(min=1), help="Crawl at most N releases.")
@click.option("--polite/--no-polite", default=True, show_default=True,
              help="--no-polite drops delays and throttling: only for a mirror you run yourself.")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse downloads larger than this (default 50 MB).")
@click.option("--recheck/--no-recheck", default=None,
              help="Fetch every listed release's page again (edits that keep the title). "
                   "Default: yes with --since, no when continuing from the archive.")
@click.option("--backfill", is_flag=True,
              help="Walk a long --since/--until range, skipping days already archived whole; "
                   "run it again to resume after an interruption.")
@click.option("--today", help="Take this day (YYYY-MM-DD) as today, e.g. to replay a missed night.")
@click.option("--source", type=click.Choice(["site", "api"]), default="site", show_default=True,
              help=f"site: the korea.kr pages; api: the data.go.kr open API (key in {API_KEY_ENV}).")
@click.option("--api-url", default=API_URL, show_default=True, help="The open API's list endpoint (or a mock).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write Scrapy's log (INFO) to this file.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
def crawl(since, until, db_path, base_url, limit, polite, max_bytes, recheck, backfill, today, source,
          api_url, log_file, verbose):
    """Crawl korea.kr press releases (list → detail → attachments) into the archive.

    With no dates it continues from the archive: from the end of the last finished crawl (or
    the newest release) minus 7 days, or the last 7 days on an empty archive, up to today in
    Asia/Seoul; then only new, retitled and incomplete releases are fetched, and a day's list is
    read until a page holds nothing new.

    \b
    Examples:
        briefing crawl
        briefing crawl --since 2026-04-13 --until 2026-04-13 --db data/briefings.db
        briefing crawl --base-url http://127.0.0.1:8000 --no-polite --limit 20
        briefing crawl --backfill --since 2024-01-01 --until 2024-12-31
        BRIEFING_API_KEY=… briefing crawl --source api --since 2026-04-06 --until 2026-04-13
    """
    from briefing_spider.crawl import run_crawl  # Scrapy/Twisted load only for this command

    if backfill and not since:
        raise click.UsageError("--backfill needs --since (and usually --until)")
    try:
        first = parse_day(since, option="--since") if since else None
        last = parse_day(until, option="--until") if until else None
        today = parse_day(today, option="--today") if today else now().date()
        first, last = crawl_window(db_path, today=today, since=first, until=last)
    except WindowError as error:
        raise click.UsageError(str(error)) from None
    api = api_source(source, api_url)
    outcome = run_crawl(db_path=db_path, since=first.isoformat(), until=last.isoformat(),
                        base_url=base_url, limit=limit, polite=polite, max_bytes=max_bytes,
                        log_level="INFO" if verbose or log_file else "CRITICAL", log_file=log_file,
                        recheck=since is not None and not backfill if recheck is None else recheck,
                        api=api, backfill=backfill, show_progress=not verbose)
    if outcome.locked_out:
        click.echo(f"error: {outcome.locked_out}", err=True)
        sys.exit(LOCKED_EXIT)
    if outcome.unreachable:
        click.echo(f"error: {outcome.unreachable.rstrip('.')} (the archive was not changed)", err=True)
        sys.exit(2)
    if outcome.api_error:  # what was fetched before the error is kept
        if outcome.run_id is not None:
            click.echo(run_summary(db_path, outcome.run_id, first, last))
        click.echo(f"error: {outcome.api_error}", err=True)
        sys.exit(API_ERROR_EXIT)
    click.echo(run_summary(db_path, outcome.run_id, first, last))
    if outcome.finish_reason == "shutdown":
        sys.exit(130)


def api_source(source: str, api_url: str) -> dict | None:
    """The open API's settings for `--source api` (exit 2 without a key), else None."""
    if source != "api":
        return None
    key = os.environ.get(API_KEY_ENV, "").strip()
    if not key:
        click.echo(f"error: --source api needs a data.go.kr service key in {API_KEY_ENV}", err=True)
        sys.exit(2)
    return {"api_url": api_url, "api_key": key}


def run_summary(db_path: str, run_id: int | None, first, last) -> str:
    if run_id is None:
        return f"{first} to {last}: nothing fetched; {db_path} unchanged"
    db = open_archive(db_path, create=False)
    run = db.table("crawl_runs").get(run_id)
    lines = [f"run {run_id} ({first} to {last}, {run['status']}): {run['pages']} responses, "
             f"{run['new']} new, {run['updated']} updated, {run['unchanged']} unchanged, "
             f"{run['errors']} errors → {db_path}"]
    errors = list(db.table("crawl_errors").rows_where("run_id = ?", [run_id], limit=SHOWN_ERRORS + 1))
    lines += [f"  {e['kind']}: {e['url']}: {e['reason']}" for e in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(f"  … all errors: sqlite-utils {db_path} \"SELECT * FROM crawl_errors WHERE run_id = {run_id}\"")
    return "\n".join(lines)


def reparse_releases(db, store: RawStore, news_ids, workers: int | None) -> dict[str, int]:
    """Rebuild and save; errors are reported per release and counted, never stop the rest."""
    counts: dict[str, int] = {}
    pool = build_pool(workers)
    try:
        for news_id, outcome in rebuild_many(db, store, news_ids or archived_release_ids(db),
                                             seen_at=now(), pool=pool):
            if isinstance(outcome, Exception):
                click.echo(f"news id {news_id}: {type(outcome).__name__}: {outcome}", err=True)
                outcome = "errors"
            counts[outcome] = counts.get(outcome, 0) + 1
    finally:
        if pool is not None:
            pool.shutdown()
    return counts


@cli.command()
@db_option
@click.option("--news-id", "news_ids", multiple=True, help="Only this release (repeatable).")
@click.option("--workers", type=click.IntRange(min=0), help="Build in N processes (0: in this one). Default: cores, at most 4.")
def reparse(db_path, news_ids, workers):
    """Rebuild records from the raw store with the current parsers (after a parser fix).

    \b
    Example:
        briefing reparse --db data/briefings.db
    """
    try:
        db = open_archive(db_path, create=False)
        with crawl_lock(db_path, command="briefing reparse", started_at=now()):
            counts = reparse_releases(db, RawStore(raw_dir_for(db_path)), news_ids, workers)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    except ArchiveLocked as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(LOCKED_EXIT)
    click.echo(", ".join(f"{counts.get(k, 0)} {k}" for k in ("new", "updated", "unchanged", "errors")))
    if counts.get("errors"):
        sys.exit(1)
