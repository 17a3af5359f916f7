"""`briefing parse`: one file's normalized record as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefing_spider.cli import cli
from briefing_spider.inspect_file import InspectError, inspect_bytes
from briefing_spider.parse.korea_kr import PageParseError
from briefing_spider.records import to_jsonable
from briefing_spider.sites.korea_kr.section_parsers import PARSERS, parse_section_file
from briefing_spider.window import WindowError, parse_day


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (default: built from a news id in the file name).")
@click.option("--published", help="The release date (YYYY-MM-DD), to fill years in dates.")
@click.option("--kind", type=click.Choice(["press_release", *PARSERS]), default="press_release", show_default=True,
              help="The briefing-room section the page is from (a page or its saved page text).")
def parse(path, url, published, kind):
    """Print the normalized record of one saved file as JSON.

    PATH is a detail page (.html), an attachment (.hwpx, .hwp, .pdf: the type is read from the
    bytes) or plain text (.txt). With --kind briefing, fact_check or state_council, PATH is a
    detail page of that section or its saved page text (a URL on its first line names it).

    \b
    Examples:
        briefing parse 156754052.hwpx
        briefing parse page.html --url "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156754052"
        briefing parse policyBriefingView_156706663.txt --kind briefing
    """
    if kind != "press_release":
        try:
            record = to_jsonable(parse_section_file(Path(path).read_bytes(), kind=kind, name=Path(path).name, url=url))
        except PageParseError as error:
            raise click.ClickException(str(error)) from None
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    try:
        day = parse_day(published, option="--published") if published else None
        record = inspect_bytes(Path(path).read_bytes(), name=Path(path).name, url=url, published=day)
    except (InspectError, PageParseError, WindowError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))
