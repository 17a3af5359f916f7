"""`briefing who`: where a person or an organisation appears, and whom they met."""

from __future__ import annotations

import dataclasses
import json
import sys

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.archive.filters import FilterError
from briefing_spider.archive.who import SOURCES, UnknownWho, WhoAnswer, who
from briefing_spider.cli import cli, db_option


@cli.command(name="who")
@click.argument("name_or_organisation", metavar="NAME-OR-ORGANISATION")
@click.option("--since", help="First publication day (YYYY-MM-DD).")
@click.option("--until", help="Last publication day (YYYY-MM-DD).")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Show at most N people and N organisations met.",
)
@click.option(
    "--as",
    "as_sources",
    default=",".join(SOURCES),
    show_default=True,
    help="Appearances of these kinds only, comma-separated: attendee (an attendee list), "
    "participant (named in the text taking part), contact (a contact block).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@db_option
def who_command(name_or_organisation, since, until, limit, as_sources, as_json, db_path):
    """Every release a person or an organisation appears in (date, title, release), then the
    people and organisations met most often (listed in the same attendee lists).

    A name finds every person of that name, each within their own organisation; an
    organisation is found by any of its names (산업부 finds 산업통상자원부 too). Events (attendee
    lists, participants named in the text) come before contacts. Rules: docs/extraction.md,
    "People and organisations".

    \b
    Examples:
        briefing who 강인선
        briefing who 산업부 --as attendee,participant --since 2026-01-01 --json
    """
    sources = tuple(dict.fromkeys(s.strip() for s in as_sources.split(",") if s.strip()))
    unknown = [s for s in sources if s not in SOURCES]
    if unknown or not sources:
        raise click.UsageError(f"--as takes {', '.join(SOURCES)} (got {as_sources!r})")
    try:
        db = open_archive_read_only(db_path)
        answer = who(db, name_or_organisation, since=since, until=until, limit=limit, sources=sources)
    except (ArchiveError, FilterError) as error:
        raise click.ClickException(str(error)) from None
    except UnknownWho as error:
        click.echo(f"not found: {error}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(answer), ensure_ascii=False, indent=1))
        return
    _print(answer)


def _print(answer: WhoAnswer) -> None:
    heading = answer.query + (f" (organisation: {answer.organization})" if answer.organization else "")
    click.echo(f"{heading}: {len(answer.appearances)} appearance(s)")
    for a in answer.appearances:
        person = a.name or (f"[{a.title}]" if a.title else "—")
        title = f" {a.title}" if a.name and a.title else ""
        role = f" {a.role}" if a.role else ""
        click.echo(
            f"  {a.published_date}  {a.organization or '—'} {person}{title}{role}"
            f"  ({a.source})  {a.release_title}  [{a.news_id}]"
        )
    for heading, met in (
        ("people met most often", answer.people_met),
        ("organisations met most often", answer.organizations_met),
    ):
        if met:
            click.echo(f"{heading}:")
            for m in met:
                click.echo(f"  {m.releases}×  {m.label}  ({m.first_date}…{m.last_date})")
