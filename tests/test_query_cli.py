import csv
import io
import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.cli import cli
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee
from tests.releases import make_release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)


def release(news_id, title, ministry, *, day=13, attendees=()):
    return make_release(
        news_id,
        title=title,
        published_at=datetime(2026, 4, day, 9, tzinfo=SEOUL),
        attendees=attendees,
        ministry=ministry,
        body_text=f"{title} 예산 본문",
    )


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "briefings.db"
    db = open_archive(path)
    vice = Attendee(organization="외교부", name="박무명", title="2차관", raw="외교부 2차관 박무명")
    save_briefing(db, release("1", '외교 회의, "따옴표"', "외교부", attendees=(vice,)), seen_at=SEEN)
    save_briefing(db, release("2", "복지 예산", "보건복지부", day=14), seen_at=SEEN)
    db.close()
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_query_prints_csv_json_jsonl_and_table(archive):
    sql = "SELECT news_id, title FROM releases ORDER BY news_id"
    rows = list(csv.DictReader(io.StringIO(run("query", sql, "--csv", "--db", archive).output)))
    assert [r["title"] for r in rows] == ['외교 회의, "따옴표"', "복지 예산"]
    assert json.loads(run("query", sql, "--json", "--db", archive).output)[1] == {"news_id": "2", "title": "복지 예산"}
    lines = run("query", sql, "--jsonl", "--db", archive).output.splitlines()
    assert [json.loads(line)["news_id"] for line in lines] == ["1", "2"]
    table = run("query", sql, "--db", archive).output
    assert table.splitlines()[0].split() == ["news_id", "title"] and "복지 예산" in table


def test_the_attendee_question_is_one_query(archive):
    sql = (
        "SELECT news_id, release_title FROM attendee_appearances "
        "WHERE organization = '외교부' AND title = '2차관' AND published_date LIKE '2026-%'"
    )
    assert json.loads(run("query", sql, "--json", "--db", archive).output) == [
        {"news_id": "1", "release_title": '외교 회의, "따옴표"'}
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM briefings",
        "UPDATE briefings SET title = 'x'",
        "DROP TABLE footnotes",
        "INSERT INTO ministries (lineage, name) VALUES ('x', 'y')",
        "CREATE TABLE t (a)",
        "PRAGMA user_version = 7",
        "VACUUM",
    ],
)
def test_writes_fail_with_one_line_and_change_nothing(archive, sql):
    before = run("query", "SELECT * FROM briefings", "--json", "--db", archive).output
    result = run("query", sql, "--db", archive)
    assert result.exit_code != 0
    assert result.output.strip().startswith("Error: read-only") and len(result.output.strip().splitlines()) == 1
    assert run("query", "SELECT * FROM briefings", "--json", "--db", archive).output == before


def test_attach_cannot_write_elsewhere(archive, tmp_path):
    other = tmp_path / "other.db"
    result = run("query", f"ATTACH '{other}' AS other", "--db", archive)
    assert result.exit_code == 1 and "read-only" in result.output and not other.exists()


@pytest.mark.parametrize(
    "sql, message",
    [
        ("SELEC * FROM briefings", 'near "SELEC": syntax error'),
        ("SELECT * FROM nope", "no such table: nope"),
        ("SELECT nope FROM briefings", "no such column: nope"),
        ("SELECT 1; SELECT 2", "one statement at a time"),
        ("   ", "empty statement"),
    ],
)
def test_bad_sql_gets_one_clear_line(archive, sql, message):
    result = run("query", sql, "--db", archive)
    assert result.exit_code == 1 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_archive_is_named(tmp_path):
    result = run("query", "SELECT 1", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "none.db: no archive here" in result.output
    assert not (tmp_path / "none.db").exists()


def test_search_command_prints_ranked_hits_and_rejects_bad_input(archive):
    result = run("search", "예산", "--db", archive)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "1. 복지 예산" and lines[1].split(" · ") == ["   2026-04-14", "보건복지부", "2"]
    assert "[예산]" in lines[2] and "2. 외교 회의" in result.output
    welfare = run("search", "예산", "--ministry", "복지부", "--db", archive).output
    assert "보건복지부" in welfare and "외교부" not in welfare
    bad_date = run("search", "예산", "--since", "yesterday", "--db", archive)
    assert bad_date.exit_code == 1 and "--since 'yesterday'" in bad_date.output
    none = run("search", "없는말", "--db", archive)
    assert none.exit_code == 1 and "no release matches" in none.output


@pytest.mark.parametrize("command", ["query", "search", "export", "export-dataset"])
def test_help_has_an_example(command):
    assert "Example" in run(command, "--help").output
