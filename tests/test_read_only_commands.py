"""Commands that only read never write: `search`, `status`, `history` open the archive with
mode=ro and never migrate it; `reparse` (which writes) takes the lock before it migrates."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.cli import cli
from briefing_spider.clock import now
from briefing_spider.ops.lock import crawl_lock


def digest(path) -> tuple:
    """The archive's file, its WAL (what a writer added but did not checkpoint) and its schema."""
    wal = path.with_name(path.name + "-wal")
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        schema = connection.execute(
            "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
            "UNION ALL SELECT name FROM _sqlite_migrations ORDER BY 1)"
        ).fetchone()
    connection.close()
    return (hashlib.sha256(path.read_bytes()).hexdigest(), wal.read_bytes() if wal.exists() else b"", schema)


@pytest.fixture
def older_archive(tmp_path):
    """An archive as an older version left it: its last migration not applied yet."""
    path = tmp_path / "briefings.db"
    open_archive(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE crawl_days")
        connection.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_crawl_days'")
    connection.close()
    return path


@pytest.mark.parametrize("command", [["status"], ["search", "예산"], ["history", "1"]])
def test_reading_commands_say_the_schema_is_older_and_change_nothing(older_archive, command):
    before = digest(older_archive)
    result = CliRunner().invoke(cli, [*command, "--db", str(older_archive)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {older_archive}: the archive's schema is older than this version's (1 migration(s) pending, "
        f"first m005_crawl_days); run `briefing reparse --db {older_archive}` or a crawl to upgrade it "
        f"(reading never changes it)"
    ]
    assert digest(older_archive) == before


def test_status_reads_a_current_archive_without_writing(tmp_path):
    path = tmp_path / "briefings.db"
    open_archive(path).close()
    before = digest(path)
    result = CliRunner().invoke(cli, ["status", "--db", str(path)])
    assert "no_runs" in result.output
    assert digest(path) == before


def test_reparse_takes_the_lock_before_it_migrates(older_archive):
    before = digest(older_archive)
    with crawl_lock(older_archive, command="briefing crawl (test)", started_at=now()):
        held = CliRunner().invoke(cli, ["reparse", "--db", str(older_archive), "--workers", "0"])
        assert held.exit_code == 75 and "in use by pid" in held.output
        assert digest(older_archive) == before  # not migrated under a running crawl
    done = CliRunner().invoke(cli, ["reparse", "--db", str(older_archive), "--workers", "0"])
    assert done.exit_code == 0, done.output
    assert (
        "crawl_days"
        in sqlite3.connect(older_archive)
        .execute("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")
        .fetchone()[0]
    )


def test_reparse_of_a_missing_archive_leaves_no_lock_file(tmp_path):
    result = CliRunner().invoke(cli, ["reparse", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no archive here" in result.output
    assert list(tmp_path.iterdir()) == []


def test_reparse_takes_its_workers_from_the_environment(tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr("briefing_spider.cli.reparse_cmd.build_pool", lambda workers: asked.append(workers))
    path = tmp_path / "briefings.db"
    open_archive(path).close()
    result = CliRunner().invoke(cli, ["reparse", "--db", str(path)], env={"BRIEFING_BUILD_WORKERS": "0"})
    assert result.exit_code == 0, result.output
    assert asked == [0]
