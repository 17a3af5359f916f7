import csv
import json
import os
from datetime import datetime

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.export import ExportError, export
from briefing_spider.archive.save import save_briefing
from briefing_spider.cli import cli
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attachment, Footnote
from tests.releases import make_release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)


def release(news_id, ministry, day):
    return make_release(
        news_id,
        title=f'제목 {news_id}, "인용"\n둘째 줄',
        published_at=datetime(2026, 4, day, 9, tzinfo=SEOUL),
        ministry=ministry,
        body_text="본문",
        footnotes=(Footnote(marker="※", text="주석"),),
        attachments=(Attachment(name="a.pdf", url="https://example.test/a.pdf", kind="pdf", size=3),),
    )


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "briefings.db"
    db = open_archive(path)
    for news_id, ministry, day in (("1", "외교부", 10), ("2", "보건복지부", 12), ("3", "외교부", 14)):
        save_briefing(db, release(news_id, ministry, day), seen_at=SEEN)
    db.close()
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_csv_export_of_the_releases_view_with_filters(archive, tmp_path):
    out = tmp_path / "out.csv"
    result = run("export", "--out", out, "--ministry", "외교부", "--since", "2026-04-11", "--db", archive)
    assert result.exit_code == 0 and result.output.strip() == f"1 rows → {out}"
    (row,) = csv.DictReader(out.open(encoding="utf-8", newline=""))
    assert row["news_id"] == "3" and row["title"] == '제목 3, "인용"\n둘째 줄' and row["attachment_count"] == "1"


def test_excel_csv_has_a_bom_and_crlf(archive, tmp_path):
    out = tmp_path / "excel.csv"
    assert run("export", "--out", out, "--excel", "--table", "footnotes", "--db", archive).exit_code == 0
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and data.count(b"\r\n") == 4 and b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8-sig").startswith("site,news_id,position,marker,text,raw,attachment_position\r\n")


def test_json_and_jsonl_exports(archive, tmp_path):
    run(
        "export",
        "--format",
        "json",
        "--table",
        "briefings",
        "--until",
        "2026-04-12",
        "--out",
        tmp_path / "b.json",
        "--db",
        archive,
    )
    assert [r["news_id"] for r in json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))] == ["1", "2"]
    run(
        "export",
        "--format",
        "jsonl",
        "--query",
        "SELECT news_id, title FROM briefings ORDER BY news_id DESC",
        "--out",
        tmp_path / "b.jsonl",
        "--db",
        archive,
    )
    lines = (tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["news_id"] for line in lines] == ["3", "2", "1"]


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(archive, tmp_path):
    out = tmp_path / "keep.csv"
    out.write_text("old", encoding="utf-8")
    result = run(
        "export",
        "--query",
        "SELECT news_id, abs(-9223372036854775807 - news_id) FROM briefings",
        "--out",
        out,
        "--db",
        archive,
    )
    assert result.exit_code == 1 and "integer overflow" in result.output
    assert out.read_text(encoding="utf-8") == "old"
    assert [name for name in os.listdir(tmp_path) if name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--table", "nope"], "--table 'nope': no such table or view"),
        (["--table", "ministries", "--since", "2026-01-01"], "--table 'ministries': has no news_id"),
        (["--query", "SELECT 1", "--ministry", "외교부"], "--query can't be combined"),
        (["--query", "DELETE FROM briefings"], "read-only"),
        (["--format", "json", "--excel"], "--excel applies to --format csv only"),
        (["--until", "2026-13-01"], "--until '2026-13-01': not a date"),
    ],
)
def test_bad_options_get_one_line_naming_them(archive, tmp_path, args, message):
    result = run("export", "--out", tmp_path / "x.csv", *args, "--db", archive)
    assert result.exit_code == 1 and message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()


def test_unwritable_path_is_one_line(archive, tmp_path):
    result = run("export", "--out", tmp_path / "no" / "dir" / "x.csv", "--db", archive)
    assert result.exit_code == 1 and "cannot write there" in result.output
    with pytest.raises(ExportError, match="cannot write"):
        export(archive, tmp_path / "missing" / "x.csv", "csv")


def test_export_dataset_is_a_valid_frictionless_package(archive, tmp_path):
    frictionless = pytest.importorskip("frictionless", reason="frictionless is in the test extra")
    target = tmp_path / "dataset"
    result = run("export-dataset", target, "--db", archive)
    assert result.exit_code == 0, result.output
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert {"briefings", "footnotes", "attachments", "ministries"} <= names and "search_index" not in names
    footnotes = next(r for r in package["resources"] if r["name"] == "footnotes")
    assert footnotes["schema"]["primaryKey"] == ["site", "news_id", "position"]
    assert footnotes["schema"]["foreignKeys"] == [
        {"fields": ["site", "news_id"], "reference": {"resource": "briefings", "fields": ["site", "news_id"]}}
    ]
    assert all(f["description"] for r in package["resources"] for f in r["schema"]["fields"])
    report = frictionless.validate(str(target / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    with (target / "briefings.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 3


def test_export_dataset_refuses_a_non_empty_directory(archive, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "mine.txt").write_text("keep", encoding="utf-8")
    result = run("export-dataset", tmp_path / "full", "--db", archive)
    assert result.exit_code == 1 and "exists and is not an empty directory" in result.output
    assert os.listdir(tmp_path / "full") == ["mine.txt"]
