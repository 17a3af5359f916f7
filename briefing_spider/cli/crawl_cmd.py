"""`briefing crawl`."""

from __future__ import annotations

import os
import sys

import click

from briefing_spider.archive.machine import NotAnArchive, check_is_archive
from briefing_spider.cli import cli, db_option
from briefing_spider.cli.crawl_report import report
from briefing_spider.clock import now
from briefing_spider.contract import Site, Source, UnknownSite
from briefing_spider.contract.registry import DEFAULT_SITE, get_site, site_names
from briefing_spider.crawl.base_url import BaseUrlError, checked_base_url
from briefing_spider.crawl.outcome import ARCHIVE_EXIT
from briefing_spider.crawl.window import WindowError, crawl_window, parse_day
from briefing_spider.env import EnvSettingError, settings_from_env


@cli.command()
@click.option("--since", help="First day to crawl (YYYY-MM-DD). Default: continue from the archive.")
@click.option("--until", help="Last day to crawl (YYYY-MM-DD). Default: today in Asia/Seoul.")
@db_option
@click.option(
    "--site",
    "site_name",
    type=click.Choice(site_names()),
    default=DEFAULT_SITE,
    show_default=True,
    help="Which site to crawl (briefing_spider/sites).",
)
@click.option(
    "--kind",
    "kind_names",
    metavar="KIND[,KIND…]",
    help="Which of the site's kinds to crawl, comma-separated (korea_kr: press_release, briefing, "
    "fact_check, state_council). Default: every kind of the site.",
)
@click.option(
    "--base-url",
    callback=lambda ctx, param, value: base_url_option(value),
    help="The site or a mirror of it (http:// or https://). Default: the site's own address.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Crawl at most N releases.")
@click.option(
    "--polite/--no-polite",
    default=True,
    show_default=True,
    help="--no-polite drops delays and throttling: only for a mirror you run yourself.",
)
@click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse downloads larger than this (default 50 MB).")
@click.option(
    "--recheck/--no-recheck",
    default=None,
    help="Fetch every listed release's page again (edits that keep the title). "
    "Default: yes with --since, no when continuing from the archive.",
)
@click.option(
    "--backfill",
    is_flag=True,
    help="Walk a long --since/--until range, skipping days already archived whole; "
    "run it again to resume after an interruption.",
)
@click.option("--today", help="Take this day (YYYY-MM-DD) as today, e.g. to replay a missed night.")
@click.option(
    "--source",
    default="site",
    show_default=True,
    help="Where to read the site from: `site`, its pages; or another of its sources "
    "(korea_kr: `api`, the data.go.kr open API, key in BRIEFING_API_KEY).",
)
@click.option("--api-url", "source_url", help="The source's address (an open API's endpoint, or a mock of it).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write Scrapy's log (INFO) to this file.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
def crawl(
    since,
    until,
    db_path,
    site_name,
    kind_names,
    base_url,
    limit,
    polite,
    max_bytes,
    recheck,
    backfill,
    today,
    source,
    source_url,
    log_file,
    verbose,
):
    """Crawl a site's releases (list → detail → attachments) into the archive: by default
    every kind of korea.kr's briefing room — press releases, briefing transcripts, fact checks,
    cabinet meetings (--kind: some of them; --site: another registered site, see
    docs/architecture.md).

    With no dates it continues from the archive: from the newest day any finished crawl
    covered (or the newest release) minus 7 days, or the last 7 days on an empty archive, up to today in
    Asia/Seoul; then only new, retitled and incomplete releases are fetched, and a day's list is
    read until a page holds nothing new.

    \b
    Examples:
        briefing crawl
        briefing crawl --since 2026-04-13 --until 2026-04-13 --db data/briefings.db
        briefing crawl --base-url http://127.0.0.1:8000 --no-polite --limit 20
        briefing crawl --backfill --since 2024-01-01 --until 2024-12-31
        briefing crawl --kind briefing,fact_check --since 2026-04-13
        BRIEFING_API_KEY=… briefing crawl --source api --since 2026-04-06 --until 2026-04-13
    """
    from briefing_spider.crawl.runner import run_crawl  # Scrapy/Twisted load only for this command

    chosen = get_site(site_name)
    kinds = kinds_option(kind_names, chosen)
    read = source_option(chosen, source, kinds)
    if backfill and not since:
        raise click.UsageError("--backfill needs --since (and usually --until)")
    if source != "site" and (backfill or recheck):
        raise click.UsageError(f"--backfill and --recheck read the site's lists: not with --source {source}")
    try:  # the window is read from the archive: a file that is none is said before anything
        check_is_archive(db_path)
    except NotAnArchive as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ARCHIVE_EXIT)
    try:
        first = parse_day(since, option="--since") if since else None
        last = parse_day(until, option="--until") if until else None
        today = parse_day(today, option="--today") if today else now().date()
        if last is not None and last > today:  # nothing is published in the future: up to today
            click.echo(f"warning: --until {last} is after today ({today}, Asia/Seoul): crawling up to today", err=True)
            last = today
        if first is not None and first > today:
            raise WindowError(f"--since {first} is after today ({today}, Asia/Seoul): nothing to crawl yet")
        first, last = crawl_window(db_path, today=today, since=first, until=last, site=site_name)
    except WindowError as error:
        raise click.UsageError(str(error)) from None
    key = source_key(read, source)
    try:
        settings_from_env()  # a bad BRIEFING_* value stops here, before anything is fetched
    except EnvSettingError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    outcome = run_crawl(
        db_path=db_path,
        since=first.isoformat(),
        until=last.isoformat(),
        base_url=(source_url or read.url or chosen.base_url) if source != "site" else (base_url or chosen.base_url),
        limit=limit,
        polite=polite,
        max_bytes=max_bytes,
        log_level="INFO" if verbose or log_file else "CRITICAL",
        log_file=log_file,
        recheck=since is not None and not backfill if recheck is None else recheck,
        backfill=backfill,
        show_progress=not verbose,
        site=site_name,
        kinds=kinds,
        source=source,
        key=key,
    )
    sys.exit(report(outcome, db_path, first, last))


def kinds_option(value: str | None, site) -> tuple[str, ...] | None:
    """`--kind a,b` as the site's kinds (None: not given); a kind the site lacks is a usage error."""
    if value is None:
        return None
    kinds = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [kind for kind in kinds if kind not in site.kinds]
    if unknown or not kinds:
        raise click.BadParameter(
            f"{', '.join(unknown) or repr(value)}: site {site.name} has the kinds {', '.join(site.kinds)}",
            param_hint="--kind",
        )
    return kinds


def base_url_option(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return checked_base_url(value)
    except BaseUrlError as error:
        raise click.BadParameter(str(error)) from None


def source_option(site: Site, name: str, kinds: tuple[str, ...] | None) -> Source:
    """The site's source `name` (a usage error when the site has none such, or it does not give
    the kinds asked for)."""
    try:
        read = site.source(name)
    except UnknownSite as error:
        raise click.BadParameter(str(error), param_hint="--source") from None
    if kinds and read.kinds and set(kinds) - set(read.kinds):
        raise click.UsageError(f"--source {name} gives {', '.join(read.kinds)} only, not --kind {','.join(kinds)}")
    return read


def source_key(read: Source, name: str) -> str | None:
    """The key the source needs, from its environment variable (exit 2 without it)."""
    if read.key_env is None:
        return None
    key = os.environ.get(read.key_env, "").strip()
    if not key:
        click.echo(f"error: --source {name} needs {read.key_label} in {read.key_env}", err=True)
        sys.exit(2)
    return key
