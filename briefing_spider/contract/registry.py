"""The registry of the sites the archive knows.

The built-in sites (named by where their `Site` lives, so the core imports no site module),
then every entry point of the group `briefing_archive.sites` (`name = "package.module:SITE"` in a
plug-in's pyproject.toml: a third-party site plugs in by being installed, with no edit of the
core), then sites `register`ed at run time (tests do). Why a dict beside entry points: the
built-in site must work whatever the install (an editable checkout whose metadata predates a
change, scrapyd's egg) — a dict needs no install metadata.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.metadata import entry_points

from briefing_spider.contract.site import Site, UnknownSite

ENTRY_POINT_GROUP = "briefing_archive.sites"
BUILTIN = {"korea_kr": "briefing_spider.sites.korea_kr:SITE"}
DEFAULT_SITE = "korea_kr"  # what `briefing crawl` crawls without --site

_registered: dict[str, Site] = {}


def load(target: str):
    """The object a `module:attribute` string names."""
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
    for name, value in plugged_in():
        targets.setdefault(name, value)
    return targets


@cache
def plugged_in() -> tuple[tuple[str, str], ...]:
    """The (name, `module:attribute`) of each installed plug-in site, read once a process: the
    scan of every installed distribution's metadata takes milliseconds, and the crawl asks for
    its site at every release (`plugged_in.cache_clear()` after installing one at run time)."""
    return tuple((point.name, point.value) for point in entry_points(group=ENTRY_POINT_GROUP))


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
