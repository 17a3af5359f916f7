"""`briefing export` and `briefing export-dataset`."""

from __future__ import annotations

import click

from briefing_spider.archive.dataset import export_dataset
from briefing_spider.archive.export import FORMATS, ExportError, export
from briefing_spider.archive.filters import FilterError
from briefing_spider.archive.query import QueryError
from briefing_spider.cli import cli, db_option

FAILURES = (ExportError, FilterError, QueryError)


@cli.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--table", help="A table or view (default: the releases view).")
@click.option("--query", "sql", help="A SELECT statement instead of a table.")
@click.option("--since", help="Only releases published on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Only releases published on or before this day (YYYY-MM-DD).")
@click.option("--ministry", help="Only releases of this ministry (any of its names).")
@click.option("--site", help="Only releases of this site (e.g. korea_kr).")
@click.option("--kind", help="Only releases of this kind, or kinds comma-separated (e.g. briefing,fact_check).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--excel", is_flag=True, help="CSV for Excel: UTF-8 with BOM, CRLF line ends.")
@db_option
def export_command(fmt, table, sql, since, until, ministry, site, kind, out, excel, db_path):
    """Write a table, view or query result to a CSV, JSON or JSON Lines file (UTF-8).

    The file appears only when complete. Filters apply to tables and views with a news_id.

    \b
    Examples:
        briefing export --out releases.csv --since 2026-01-01 --ministry 외교부 --excel
        briefing export --format jsonl --table attendee_appearances --out attendees.jsonl
        briefing export --format jsonl --table utterances --kind briefing --out utterances.jsonl
        briefing export --format json --query "SELECT news_id, title FROM briefings" --out titles.json
    """
    try:
        count = export(
            db_path,
            out,
            fmt,
            table=table,
            query=sql,
            ministry=ministry,
            since=since,
            until=until,
            excel=excel,
            site=site,
            kind=kind,
        )
    except FAILURES as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{count} rows → {out}")


@cli.command(name="export-dataset")
@click.argument("directory", type=click.Path(file_okay=False))
@db_option
def export_dataset_command(directory, db_path):
    """Write every table as CSV plus a Frictionless datapackage.json into a new DIRECTORY.

    The descriptor lists each table's fields, types, descriptions, primary and foreign keys.
    The search index is left out (it is derived from the releases).

    \b
    Example:
        briefing export-dataset exports/briefings-2026-07 --db data/briefings.db
    """
    try:
        counts = export_dataset(db_path, directory)
    except FAILURES as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{len(counts)} tables, {sum(counts.values())} rows → {directory}/datapackage.json")
