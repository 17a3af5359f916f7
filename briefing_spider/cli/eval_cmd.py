"""`briefing eval`: score the structured extractor against golden annotations."""

from __future__ import annotations

import json
import sys

import click

from briefing_spider.cli import cli


@cli.command("eval")
@click.argument("golden_dir", type=click.Path(file_okay=False))
@click.option(
    "--documents",
    "documents_dir",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Directory searched (recursively) for <news_id>.* documents; default: the corpus layout "
    "GOLDEN_DIR/../korea_kr/*/{hwpx,hwp,pdf}/.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores and diffs as JSON.")
def eval_command(golden_dir: str, documents_dir: str | None, as_json: bool) -> None:
    """Score contacts, footnotes, attendees, participants and ministry names against GOLDEN_DIR.

    Prints precision / recall / F1 per field, then what each document missed (-) or added (+).
    Strings are compared with all whitespace removed.

    \b
    Example:
        briefing eval ../shared/corpus/golden
        briefing eval ../shared/corpus/golden --documents /data/attachments --json
    """
    from briefing_spider.evaluate import GoldenDirError, evaluate

    try:
        report = evaluate(golden_dir, documents_dir=documents_dir)
    except GoldenDirError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(report.format_table())
    click.echo()
    click.echo(report.format_diffs())
