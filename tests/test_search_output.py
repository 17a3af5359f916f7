"""`briefing search --json` / `--csv` for scripts (each hit with its URL), and a hit on the title
alone shows the title highlighted instead of a snippet of a body that lacks the words."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.archive.search import hit_snippet, search
from briefing_spider.cli import cli
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Release
from tests.releases import make_release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)


def release(news_id: str, title: str, body: str) -> Release:
    url = f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={news_id}"
    return make_release(news_id, url=url, title=title, ministry="가나부", body_text=body)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "briefings.db"
    db = open_archive(path)
    save_briefing(db, release("100", "핵심광물 공급망 점검", "정부는 오늘 회의를 열었다."), seen_at=SEEN)
    save_briefing(db, release("200", "예산 발표", "핵심광물 비축 예산을 늘린다."), seen_at=SEEN)
    db.conn.close()
    return path


def test_a_hit_on_the_title_alone_shows_the_title_highlighted(db_path):
    hits = {hit.news_id: hit for hit in search(open_archive(db_path), "핵심광물")}
    assert hits["100"].snippet == "[핵심광물] 공급망 점검" and hits["100"].matched_in == "title"
    assert "[핵심광물]" in hits["200"].snippet and hits["200"].matched_in == "body"


def test_hit_snippet_prefers_the_body_when_it_holds_a_word():
    assert hit_snippet("가나 다라", "본문에 다라가 있다", ["다라"]) == ("본문에 [다라]가 있다", "body")
    assert hit_snippet("가나 다라", "", ["다라"]) == ("가나 [다라]", "title")


def test_search_json_lists_each_hit_with_its_url(db_path):
    result = CliRunner().invoke(cli, ["search", "핵심광물", "--json", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert {hit["news_id"] for hit in hits} == {"100", "200"}
    assert [hit["rank"] for hit in hits] == [1, 2]
    by_id = {hit["news_id"]: hit for hit in hits}
    assert by_id["100"]["url"] == "https://www.korea.kr/briefing/pressReleaseView.do?newsId=100"
    assert by_id["100"]["snippet"] == "[핵심광물] 공급망 점검" and by_id["100"]["ministry"] == "가나부"


def test_search_csv_has_a_header_and_one_row_a_hit(db_path):
    result = CliRunner().invoke(cli, ["search", "핵심광물", "--csv", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [row["news_id"] for row in rows] == [
        h["news_id"]
        for h in json.loads(CliRunner().invoke(cli, ["search", "핵심광물", "--json", "--db", str(db_path)]).output)
    ]
    assert all(row["url"].endswith(f"newsId={row['news_id']}") for row in rows)


def test_no_hit_is_an_empty_list_and_exit_1(db_path):
    result = CliRunner().invoke(cli, ["search", "없는말", "--json", "--db", str(db_path)])
    assert result.exit_code == 1 and json.loads(result.stdout) == []


def test_json_and_csv_together_are_a_usage_error(db_path):
    result = CliRunner().invoke(cli, ["search", "예산", "--json", "--csv", "--db", str(db_path)])
    assert result.exit_code == 2
