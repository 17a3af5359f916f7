"""`briefing query`: read-only SQL over the archive."""

from __future__ import annotations

import sys

import click
from tabulate import tabulate

from briefing_spider.archive.export import write_rows
from briefing_spider.archive.query import QueryError, connect_readonly, run_query
from briefing_spider.cli import cli, db_option

TABLE_CELL_CHARS = 60


def _cell(value) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= TABLE_CELL_CHARS else text[: TABLE_CELL_CHARS - 1] + "…"


@cli.command()
@click.argument("sql")
@click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
@click.option("--json", "fmt", flag_value="json", help="A JSON array of objects.")
@click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per line.")
@click.option(
    "--table",
    "fmt",
    flag_value="table",
    default=True,
    help=f"An aligned table, cells cut at {TABLE_CELL_CHARS} characters (default).",
)
@db_option
def query(sql, fmt, db_path):
    """Run one read-only SQL statement on the archive and print the rows.

    The archive is opened read-only: INSERT, UPDATE, DELETE, CREATE… fail and change nothing.
    Tables, views and columns: docs/schema.md; examples: docs/querying.md.

    \b
    Examples:
        briefing query "SELECT ministry, count(*) AS n FROM releases GROUP BY ministry ORDER BY n DESC"
        briefing query --csv "SELECT * FROM attendee_appearances WHERE organization = '외교부' AND title = '2차관'"
    """
    try:
        connection = connect_readonly(db_path)
        columns, rows = run_query(connection, sql)
        if fmt == "table":
            click.echo(tabulate([[_cell(v) for v in row] for row in rows], headers=columns, tablefmt="simple"))
        else:
            write_rows(sys.stdout, fmt, columns, rows)
    except QueryError as error:
        raise click.ClickException(str(error)) from None
