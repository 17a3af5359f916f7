"""The CLI: every command documents itself with an example; parse and reparse work on files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from briefing_spider.cli import cli
from tests.conftest import FIXTURES
from tests.crawl_helpers import crawl, run_cli
from tests.fixtures.documents import ERROR_PAGE, make_hwpx
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror


def command_names():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"briefing {name}" in result.output


def test_commands_that_touch_the_archive_take_db():
    for name in ("crawl", "reparse"):
        assert "--db PATH" in CliRunner().invoke(cli, [name, "--help"]).output


def test_parse_prints_a_detail_page_record_as_utf8_json():
    result = CliRunner().invoke(cli, ["parse", str(FIXTURES / "korea_kr" / "900000001.html")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["news_id"] == "900000001" and record["title"] == "시험용 보도자료 제목 하나"
    assert record["published_at"] == "2026-07-22T20:53:46+09:00" and record["body_source"] == "page"
    assert "시험용" in result.output  # not ASCII-escaped
    assert [a["name"] for a in record["attachments"]][0] == "260722 시험용 보도자료(시험과).hwpx"


def test_parse_reads_an_attachment_by_its_bytes_not_its_name(tmp_path):
    misnamed = tmp_path / "release.pdf"
    misnamed.write_bytes(make_hwpx(["□ 합성 문단입니다.", "※ 합성 주석"]))
    record = json.loads(CliRunner().invoke(cli, ["parse", str(misnamed)]).output)
    assert record["source"] == "hwpx" and "합성 문단입니다." in record["body_text"]
    assert [f["text"] for f in record["footnotes"]] == ["합성 주석"]


def test_parse_explains_an_error_page(tmp_path):
    page = tmp_path / "download.hwpx"
    page.write_bytes(ERROR_PAGE)
    result = CliRunner().invoke(cli, ["parse", str(page)])
    assert result.exit_code == 1  # a file that yields no text: a script can tell
    assert (
        result.output.startswith("Error: download.hwpx: no text (not_a_document:")
        and "정책브리핑 - Error" in result.output
    )


def test_parse_without_news_id_asks_for_url(tmp_path):
    page = tmp_path / "page.html"
    page.write_text((FIXTURES / "korea_kr" / "900000001.html").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(page)])
    assert result.exit_code == 1 and "--url" in result.output


@pytest.mark.crawl
def test_reparse_rebuilds_every_record_from_the_raw_store(tmp_path):
    db_path = tmp_path / "briefings.db"
    days = days_from("2026-07-20", 1)
    with Mirror(synthetic_releases(days, per_day=6)) as mirror:
        crawl(mirror, db_path, "--since", days[0], "--until", days[0])
    db = Database(db_path)
    footnotes = db.table("footnotes").count
    db.execute("UPDATE briefings SET content_hash = 'stale', title = 'broken'")
    db.execute("DELETE FROM footnotes")
    db.conn.commit()
    result = run_cli("reparse", "--db", str(db_path), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 new, 6 updated, 0 unchanged, 0 errors"
    assert {row["title"] for row in Database(db_path).query("SELECT title FROM briefings")} != {"broken"}
    assert footnotes > 0 and Database(db_path).table("footnotes").count == footnotes
    again = run_cli("reparse", "--db", str(db_path), "--workers", "0")
    assert again.stdout.strip() == "0 new, 0 updated, 6 unchanged, 0 errors"


def test_reparse_of_a_missing_archive_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(cli, ["reparse", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no archive here" in result.output
    assert not (tmp_path / "none.db").exists()


def test_bad_dates_are_usage_errors(tmp_path):
    result = CliRunner().invoke(cli, ["crawl", "--since", "2026-13-01", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "--since '2026-13-01'" in result.output
    result = CliRunner().invoke(
        cli, ["crawl", "--since", "2026-07-02", "--until", "2026-07-01", "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 2 and "after --until" in result.output


def test_site_only_options_are_refused_with_the_api_source(tmp_path):
    for option in ("--backfill", "--recheck"):
        result = CliRunner().invoke(
            cli, ["crawl", "--source", "api", option, "--since", "2026-07-01", "--db", str(tmp_path / "x.db")]
        )
        assert result.exit_code == 2 and "not with --source api" in result.output
