"""`briefing parse`: one file's normalized record as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefing_spider.cli import cli
from briefing_spider.contract import PageParseError, UnknownKind
from briefing_spider.contract.registry import DEFAULT_SITE, get_site, site_names
from briefing_spider.crawl.window import WindowError, parse_day
from briefing_spider.inspect_file import InspectError, inspect_bytes
from briefing_spider.inspect_markdown import markdown_bytes


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (default: built from a news id in the file name).")
@click.option("--published", help="The release date (YYYY-MM-DD), to fill years in dates.")
@click.option(
    "--site",
    type=click.Choice(site_names()),
    default=DEFAULT_SITE,
    show_default=True,
    help="Whose page it is (a page is read by its site's parser).",
)
@click.option(
    "--kind",
    help="The section the page is from, when not the site's first kind: e.g. briefing, "
    "fact_check, state_council on korea_kr (a page or its saved page text).",
)
@click.option(
    "--markdown",
    is_flag=True,
    help="Print the release as Markdown instead: headings, lists, tables (HTML where cells are "
    "merged), notes and the contact block (a page: its body, under the page's title).",
)
def parse(path, url, published, site, kind, markdown):
    """Print the normalized record of one saved file as JSON (or, with --markdown, as Markdown).

    PATH is a detail page (.html), an attachment (.hwpx, .hwp, .pdf: the type is read from the
    bytes) or plain text (.txt). With --kind briefing, fact_check or state_council, PATH is a
    detail page of that section or its saved page text (a URL on its first line names it).
    A file with no text is an error (exit 1).

    \b
    Examples:
        briefing parse 156754052.hwpx
        briefing parse 156754052.hwpx --markdown
        briefing parse page.html --url "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156754052"
        briefing parse policyBriefingView_156706663.txt --kind briefing
    """
    of = get_site(site)
    try:
        section = of.section(kind) if kind else None
    except UnknownKind as error:
        raise click.BadParameter(str(error), param_hint="--kind") from None
    if markdown:
        try:
            text = markdown_bytes(Path(path).read_bytes(), name=Path(path).name, url=url, site=of, section=section)
        except (InspectError, PageParseError) as error:
            raise click.ClickException(str(error)) from None
        click.echo(text, nl=False)
        return
    try:
        day = parse_day(published, option="--published") if published else None
        record = inspect_bytes(
            Path(path).read_bytes(), name=Path(path).name, url=url, published=day, site=of, section=section
        )
    except (InspectError, PageParseError, WindowError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))
