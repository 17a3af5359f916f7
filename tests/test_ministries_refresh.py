"""The `ministries` table follows parse/ministries.csv: an archive opened for writing (a crawl,
`briefing reparse`) gets the registry this version ships, not the one its first migration saw."""

from __future__ import annotations

from click.testing import CliRunner

from briefing_spider.archive import open_archive, open_archive_read_only
from briefing_spider.archive.ministries_table import ministry_table_rows, refresh_ministries
from briefing_spider.cli import cli


def table(db) -> list[dict]:
    return list(db.query("SELECT * FROM ministries ORDER BY id"))


def as_an_older_registry_left_it(path) -> None:
    db = open_archive(path)
    with db.atomic():
        db.execute("DELETE FROM ministries WHERE id = (SELECT max(id) FROM ministries)")
        db.execute("UPDATE ministries SET name_en = 'Old English name' WHERE id = 1")
    db.close()


def test_a_writing_open_brings_the_table_in_line_with_the_csv(tmp_path):
    path = tmp_path / "briefings.db"
    as_an_older_registry_left_it(path)
    db = open_archive(path)
    assert table(db) == ministry_table_rows()
    assert refresh_ministries(db) is False  # in line: nothing is written again


def test_reparse_refreshes_it_and_search_does_not_write(tmp_path):
    path = tmp_path / "briefings.db"
    as_an_older_registry_left_it(path)
    CliRunner().invoke(cli, ["search", "예산", "--db", str(path)])
    assert table(open_archive_read_only(path)) != ministry_table_rows()
    result = CliRunner().invoke(cli, ["reparse", "--db", str(path), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert table(open_archive_read_only(path)) == ministry_table_rows()
