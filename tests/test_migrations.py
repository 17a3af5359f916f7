"""The migrations carry their own SQL: none imports live code, and an archive stopped at any one
of them reaches, when next opened, the very schema a new archive has (tables, indexes, views)."""

from __future__ import annotations

import ast
import sqlite3
import sys

import pytest
from sqlite_utils import Database

from briefing_spider.archive import open_archive
from briefing_spider.archive.migrations import ORDER, migrations
from tests.conftest import ROOT

MIGRATIONS = ROOT / "briefing_spider" / "archive" / "migrations"
OWN = "briefing_spider.archive.migrations"


def schema(path) -> dict[tuple[str, str], str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        return {(kind, name): sql or "" for kind, name, sql in rows}


def test_no_migration_imports_live_code():
    for path in MIGRATIONS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                assert name.startswith(OWN) or top == "sqlite_utils" or top in sys.stdlib_module_names, (
                    f"{path.name} imports {name}"
                )


def test_every_migration_is_registered_in_order():
    assert [m.name for m in migrations.pending(Database(memory=True))] == list(ORDER)
    assert sorted(p.stem for p in MIGRATIONS.glob("m0*.py")) == sorted(ORDER)


@pytest.mark.parametrize("stop_before", ORDER[1:])
def test_an_archive_stopped_before_any_migration_ends_like_a_new_one(tmp_path, stop_before):
    fresh, older = tmp_path / "fresh.db", tmp_path / "older.db"
    open_archive(fresh).close()
    migrations.apply(Database(older), stop_before=stop_before)
    open_archive(older).close()
    assert schema(older) == schema(fresh)
