"""The sites the archive knows, behind one small interface the core calls.

A site is a folder (`briefing_spider/sites/<name>/`, or any importable package) that holds its
addresses, its page parsers and its spiders, and exposes one `Site` object. The core — the
archive, rebuild, crawl state, CLI, ops — only ever reaches a site through this object, found
by name in the registry (`get_site`); it imports no site module by name (tests/test_sites.py).

Registry: the built-in sites below, then every entry point of the group `briefing_archive.sites`
(`name = "package.module:SITE"`), so a third-party site plugs in by being installed, with no edit
of the core; `register` adds one at run time (tests do).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points

from briefing_spider.parse.page_model import DetailPage

ENTRY_POINT_GROUP = "briefing_archive.sites"
BUILTIN = {"korea_kr": "briefing_spider.sites.korea_kr:SITE"}
DEFAULT_SITE = "korea_kr"  # what `briefing crawl` crawls without --site


@dataclass(frozen=True, kw_only=True)
class Site:
    """What the core needs of a site. Its functions are pure (text in, dataclass out) and
    module-level, so a `Site` can be sent to a build worker process."""

    name: str  # records' `site`, e.g. korea_kr
    title: str  # for dataset and Datasette metadata
    base_url: str  # the canonical origin; records hold URLs on it; the default --base-url
    hosts: frozenset[str]  # the site's own hosts: nothing else is requested (site_hosts.py)
    kinds: tuple[str, ...]  # the sections it archives (records' `kind`), the first is the default
    # raw roles a release is built from, in order of preference when two were fetched at once
    source_roles: tuple[str, ...] = ("detail",)
    item_roles: frozenset[str] = frozenset()  # source roles that are machine items (UTF-8), not pages
    read_source: Callable[[str, str, str], DetailPage]  # (role, text, url) → page; PageParseError
    attachment_urls: Callable[[str, str, str], tuple[str, ...]]  # (role, text, url) → file URLs
    page_url: Callable[[str], str]  # news id → the canonical address of its page
    spiders: Mapping[str, str] = field(default_factory=dict)  # source ("site", "api") → "module:Class"
    spider_module: str | None = None  # for Scrapy's SPIDER_MODULES (`scrapy crawl <name>`)
    defaults: Mapping[str, str] = field(default_factory=dict)  # e.g. api_url
    # kinds `briefing parse --kind` reads beyond the crawled ones, and how: (bytes, kind, file
    # name, url or None) → a frozen record; PageParseError when a required field is missing
    parse_kinds: tuple[str, ...] = ()
    parse_page_file: Callable[..., object] | None = None

    def spider(self, source: str = "site"):
        """The spider class for `source` (imported only when asked: Scrapy loads with it)."""
        try:
            target = self.spiders[source]
        except KeyError:
            raise UnknownSite(
                f"site {self.name} has no {source!r} source (it has: {', '.join(self.spiders)})"
            ) from None
        return load(target)


class UnknownSite(LookupError):
    pass


_registered: dict[str, Site] = {}


def load(target: str):
    module, _, attribute = target.partition(":")
    return getattr(import_module(module), attribute)


def register(site: Site) -> Site:
    """Add a site at run time (a plug-in not installed with an entry point, a test)."""
    _registered[site.name] = site
    return site


def unregister(name: str) -> None:
    _registered.pop(name, None)


def site_targets() -> dict[str, str]:
    """Every known site's name and where its `Site` lives (built-ins, then entry points)."""
    targets = dict(BUILTIN)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        targets.setdefault(point.name, point.value)
    return targets


def get_site(name: str) -> Site:
    if name in _registered:
        return _registered[name]
    target = site_targets().get(name)
    if target is None:
        raise UnknownSite(f"unknown site {name!r} (known: {', '.join(site_names())})")
    site = load(target)
    if not isinstance(site, Site) or site.name != name:
        raise UnknownSite(f"{target} is not the Site named {name!r}")
    return site


def site_names() -> list[str]:
    return sorted({*site_targets(), *_registered})


def all_sites() -> list[Site]:
    return [get_site(name) for name in site_names()]


def archive_title() -> str:
    """What the archive holds, for dataset and Datasette metadata: the known sites' titles."""
    return "; ".join(site.title for site in all_sites())


def source_roles() -> tuple[str, ...]:
    """Every raw role any known site builds releases from."""
    return tuple(dict.fromkeys(role for site in all_sites() for role in site.source_roles))
