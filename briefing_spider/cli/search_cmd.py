"""`briefing search`: Korean full-text search over titles, bodies and footnotes."""

from __future__ import annotations

import csv
import io
import json
import sys

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.archive.filters import FilterError
from briefing_spider.archive.search import Hit, SearchError, search
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
@click.option("--json", "as_json", is_flag=True, help="The hits as a JSON list (each with its URL), for scripts.")
@click.option("--csv", "as_csv", is_flag=True, help="The hits as CSV with a header row (each with its URL).")
@db_option
def search_command(query, ministry, since, until, site, kind, limit, as_json, as_csv, db_path):
    """Search release titles, bodies and footnotes; best hits first.

    Every word must occur, anywhere inside a word: 핵심광물 finds 핵심광물의, 예산 finds
    예산안. A one-syllable word matches as a prefix. How it works: docs/search.md.

    \b
    Examples:
        briefing search 핵심광물
        briefing search "청년 일자리" --ministry 고용노동부 --since 2026-01-01 --limit 5
        briefing search 법률안 --kind state_council
        briefing search 추경 --since 2026-04-01 --json
        briefing search 추경 --csv > hits.csv

    With --json or --csv, snippets mark the query words with [ ]; no hit prints an empty list
    (or the header row alone) and exits 1.
    """
    if as_json and as_csv:
        raise click.UsageError("--json and --csv: choose one")
    machine = as_json or as_csv
    mark = HIGHLIGHT if sys.stdout.isatty() and not machine else ("[", "]")
    try:
        db = open_archive_read_only(db_path)
        hits = search(
            db, query, ministry=ministry, since=since, until=until, limit=limit, mark=mark, site=site, kind=kind
        )
    except (ArchiveError, FilterError, SearchError) as error:
        raise click.ClickException(str(error)) from None
    if machine:
        click.echo(hits_json(hits) if as_json else hits_csv(hits), nl=as_json)
        if not hits:
            click.echo(f"no release matches {query!r}", err=True)
            sys.exit(1)
        return
    if not hits:
        click.echo(f"no release matches {query!r}", err=True)
        sys.exit(1)
    for number, hit in enumerate(hits, start=1):
        click.echo(f"{number}. {hit.title}")
        click.echo(f"   {hit.published_at[:10]} · {hit.ministry or '—'} · {hit.news_id}")
        click.echo(f"   {hit.snippet}")


HIT_FIELDS = (
    "rank",
    "site",
    "news_id",
    "kind",
    "published_at",
    "ministry",
    "title",
    "url",
    "matched_in",
    "snippet",
    "score",
)


def hit_rows(hits: list[Hit]) -> list[dict]:
    return [{"rank": rank, **{name: getattr(hit, name) for name in HIT_FIELDS[1:]}} for rank, hit in enumerate(hits, 1)]


def hits_json(hits: list[Hit]) -> str:
    return json.dumps(hit_rows(hits), ensure_ascii=False, indent=2)


def hits_csv(hits: list[Hit]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HIT_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(hit_rows(hits))
    return out.getvalue()
