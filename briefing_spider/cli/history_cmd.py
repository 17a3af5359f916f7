"""`briefing history NEWS_ID`: how a release changed over time."""

from __future__ import annotations

import json

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.cli import cli, db_option
from briefing_spider.contract.registry import DEFAULT_SITE, site_names
from briefing_spider.ops.history import release_history, render_history


@cli.command()
@click.argument("news_id")
@db_option
@click.option(
    "--site",
    type=click.Choice(site_names()),
    default=DEFAULT_SITE,
    show_default=True,
    help="The site the news id is of.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.option(
    "--diff-lines",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Show at most N lines of each body diff.",
)
def history(news_id, db_path, site, as_json, diff_lines):
    """Show how a release changed: when each revision was seen, which fields changed, old vs new
    title, and a short diff of the body text.

    \b
    Example:
        briefing history 156712345 --db data/briefings.db
    """
    try:
        db = open_archive_read_only(db_path)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    found = release_history(db, news_id, site=site, max_diff_lines=diff_lines)
    if found is None:
        raise click.ClickException(f"news id {news_id}: not in {db_path}")
    click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) if as_json else render_history(found))
