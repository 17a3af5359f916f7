"""`briefing parse`: one file's normalized record as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefing_spider.cli import cli
from briefing_spider.inspect_file import InspectError, inspect_bytes
from briefing_spider.sites import DEFAULT_SITE, site_names
from briefing_spider.parse.page_error import PageParseError
from briefing_spider.window import WindowError, parse_day


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (default: built from a news id in the file name).")
@click.option("--published", help="The release date (YYYY-MM-DD), to fill years in dates.")
@click.option("--site", type=click.Choice(site_names()), default=DEFAULT_SITE, show_default=True,
              help="Whose page it is (a page is read by its site's parser).")
def parse(path, url, published, site):
    """Print the normalized record of one saved file as JSON.

    PATH is a detail page (.html), an attachment (.hwpx, .hwp, .pdf: the type is read from the
    bytes) or plain text (.txt).

    \b
    Examples:
        briefing parse 156754052.hwpx
        briefing parse page.html --url "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156754052"
    """
    try:
        day = parse_day(published, option="--published") if published else None
        record = inspect_bytes(Path(path).read_bytes(), name=Path(path).name, url=url, published=day, site=site)
    except (InspectError, PageParseError, WindowError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))
