"""The layers, as imports: the core knows no site, and each room imports only the rooms below it.

    cli ─→ ops, crawl ─→ archive ─→ parse ─→ contract, records
                                          ↑          ↑
                                    sites/<name>: declarations and pure parsers
                                    (the crawl kit makes their spiders; the registry
                                    finds a site by name, with no import)

Scanned with `ast` over every module of the package (an import inside a function counts too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "briefing_spider"
SITES = PACKAGE / "sites"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def room_of(path: Path) -> str:
    """`crawl`, `archive`, `parse`, `contract`, `sites`, … (a root module: its name)."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def imports_room(name: str, room: str) -> bool:
    return name == f"briefing_spider.{room}" or name.startswith(f"briefing_spider.{room}.")


FORBIDDEN = {  # room → the rooms it must not import
    "contract": ("parse", "archive", "crawl", "ops", "cli", "sites"),
    "parse": ("archive", "crawl", "ops", "cli", "sites"),
    "archive": ("crawl", "ops", "cli", "sites"),
    "crawl": ("cli", "sites"),
    "ops": ("cli", "sites"),
    "cli": ("sites",),
    "sites": ("archive", "crawl", "ops", "cli"),  # a site is declarations and pure parsers
}


def offenders(room: str) -> dict[str, list[str]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if room_of(path) != room:
            continue
        bad = sorted(n for n in imported_modules(path) if any(imports_room(n, r) for r in FORBIDDEN[room]))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_each_room_imports_only_the_rooms_below_it(room):
    assert any(room_of(path) == room for path in PACKAGE.rglob("*.py")), f"no module in {room}"
    assert offenders(room) == {}


def test_the_scan_finds_a_forbidden_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "from briefing_spider.sites.korea_kr.detail import parse_detail\n"
        "def f():\n    from briefing_spider.crawl import stats\n",
        encoding="utf-8",
    )
    names = imported_modules(module)
    assert any(imports_room(n, "sites") for n in names) and any(imports_room(n, "crawl") for n in names)
    assert imported_modules(PACKAGE / "archive" / "rebuild.py") >= {"briefing_spider.parse.assemble"}  # it bites
