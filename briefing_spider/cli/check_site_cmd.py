"""`briefing check-site`."""

from __future__ import annotations

import sys
import urllib.error

import click

from briefing_spider.cli import cli
from briefing_spider.cli.crawl_cmd import base_url_option, kinds_option
from briefing_spider.contract.registry import DEFAULT_SITE, get_site, site_names
from briefing_spider.crawl.site_hosts import site_hosts
from briefing_spider.ops.polite_fetch import PoliteFetcher
from briefing_spider.ops.site_check import KindCheck, check_site

CHANGED_EXIT, UNREACHABLE_EXIT = 1, 2


@cli.command("check-site")
@click.option("--site", "site_name", type=click.Choice(site_names()), default=DEFAULT_SITE, show_default=True)
@click.option("--kind", "kind_names", metavar="KIND[,KIND…]", help="Which kinds to check. Default: every kind.")
@click.option(
    "--base-url",
    callback=lambda ctx, param, value: base_url_option(value),
    help="The site or a mirror of it. Default: the site's own address.",
)
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between requests.")
def check_site_command(site_name, kind_names, base_url, delay):
    """Fetch the first list page and the newest detail page of each kind, read them with the
    site's parsers, and say which fields were found. Exits 1 when a required field is missing
    (the site changed its pages), 2 when the site cannot be reached. Archives nothing.

    \b
    Examples:
        briefing check-site
        briefing check-site --kind fact_check --base-url http://127.0.0.1:8000 --delay 0
    """
    from briefing_spider.crawl.settings import USER_AGENT

    site = get_site(site_name)
    kinds = kinds_option(kind_names, site) or site.kinds
    base_url = base_url or site.base_url
    fetch = PoliteFetcher(user_agent=USER_AGENT, delay=delay, hosts=site_hosts(site.hosts, base_url))
    try:
        checks = check_site(site, kinds=kinds, base_url=base_url, fetch=fetch)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        click.echo(f"error: cannot reach {base_url}: {reason}", err=True)
        sys.exit(UNREACHABLE_EXIT)
    for check in checks:
        click.echo(describe(check))
    broken = [check for check in checks if check.missing or check.error]
    if broken:
        click.echo("error: " + "; ".join(problem(check) for check in broken), err=True)
        sys.exit(CHANGED_EXIT)


def describe(check: KindCheck) -> str:
    lines = [f"{check.kind}: {check.detail_url or check.list_url}"]
    for found in check.found:
        mark = "ok " if found.value is not None else ("MISSING" if found.required else "—  ")
        lines.append(f"  {mark:7} {found.field:14} {found.value or ''}")
    return "\n".join(lines)


def problem(check: KindCheck) -> str:
    what = check.error or f"no {', '.join(check.missing)}"
    return f"{check.kind}: {what} ({check.detail_url or check.list_url})"
