"""`briefing search`: Korean full-text search over titles, bodies and footnotes."""

from __future__ import annotations

import sys

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.archive.filters import FilterError
from briefing_spider.archive.search import SearchError, search
from briefing_spider.cli import cli, db_option

HIGHLIGHT = ("\x1b[1;33m", "\x1b[0m")


@cli.command(name="search")
@click.argument("query")
@click.option("--ministry", help="Only releases of this ministry (any of its names, e.g. 기재부).")
@click.option("--since", help="First publication day (YYYY-MM-DD).")
@click.option("--until", help="Last publication day (YYYY-MM-DD).")
@click.option("--site", help="Only releases of this site (e.g. korea_kr).")
@click.option(
    "--kind",
    help="Only releases of this kind, or kinds comma-separated (press_release, briefing, fact_check, state_council).",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Show at most N hits.")
@db_option
def search_command(query, ministry, since, until, site, kind, limit, db_path):
    """Search release titles, bodies and footnotes; best hits first.

    Every word must occur, anywhere inside a word: 핵심광물 finds 핵심광물의, 예산 finds
    예산안. A one-syllable word matches as a prefix. How it works: docs/search.md.

    \b
    Examples:
        briefing search 핵심광물
        briefing search "청년 일자리" --ministry 고용노동부 --since 2026-01-01 --limit 5
        briefing search 법률안 --kind state_council
    """
    mark = HIGHLIGHT if sys.stdout.isatty() else ("[", "]")
    try:
        db = open_archive_read_only(db_path)
        hits = search(
            db, query, ministry=ministry, since=since, until=until, limit=limit, mark=mark, site=site, kind=kind
        )
    except (ArchiveError, FilterError, SearchError) as error:
        raise click.ClickException(str(error)) from None
    if not hits:
        click.echo(f"no release matches {query!r}", err=True)
        sys.exit(1)
    for number, hit in enumerate(hits, start=1):
        click.echo(f"{number}. {hit.title}")
        click.echo(f"   {hit.published_at[:10]} · {hit.ministry or '—'} · {hit.news_id}")
        click.echo(f"   {hit.snippet}")
