"""`briefing history`: revisions of a release, with changed fields, titles and a body diff."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.cli import cli
from briefing_spider.ops.history import release_history
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Release
from tests.releases import make_release

SEEN = datetime(2026, 7, 20, 2, 30, tzinfo=SEOUL)
BODY = "\n".join(f"□ {n}번째 문단입니다." for n in range(1, 40))


def release(title: str, body: str) -> Release:
    return make_release("910000001", title=title, published_at=datetime(2026, 7, 19, 9, tzinfo=SEOUL), body_text=body)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "briefings.db"
    db = open_archive(path)
    save_briefing(db, release("처음 제목", BODY), seen_at=SEEN)
    save_briefing(db, release("처음 제목", BODY.replace("5번째", "다섯째")), seen_at=SEEN + timedelta(days=1))
    save_briefing(db, release("고친 제목", BODY.replace("5번째", "다섯째")), seen_at=SEEN + timedelta(days=2))
    db.close()
    return path


def run(*args):
    return CliRunner().invoke(cli, ["history", *map(str, args)], catch_exceptions=False)


def test_history_lists_each_change_oldest_first(db_path):
    found = release_history(open_archive(db_path), "910000001")
    first, second = found.changes
    assert found.first_seen_at == SEEN.isoformat() and found.title == "고친 제목"
    assert first.at == (SEEN + timedelta(days=1)).isoformat() and first.changed_fields == ("body_text",)
    assert first.title_before is None
    assert "-□ 5번째 문단입니다." in first.body_diff and "+□ 다섯째 문단입니다." in first.body_diff
    assert second.changed_fields == ("title",) and (second.title_before, second.title_after) == (
        "처음 제목",
        "고친 제목",
    )
    assert second.body_diff == ()


def test_cli_shows_titles_and_a_short_diff(db_path):
    result = run("910000001", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "news id 910000001: 고친 제목" in result.output and "3 versions" in result.output
    assert "title was: 처음 제목" in result.output and "title now: 고친 제목" in result.output
    assert "+□ 다섯째 문단입니다." in result.output
    short = run("910000001", "--db", db_path, "--diff-lines", "2")
    assert "more diff lines" in short.output


def test_cli_json(db_path):
    history = json.loads(run("910000001", "--db", db_path, "--json").output)
    assert [c["changed_fields"] for c in history["changes"]] == [["body_text"], ["title"]]


def test_an_unchanged_release_says_so(db_path):
    db = open_archive(db_path)
    save_briefing(db, dataclasses.replace(release("그대로", "본문"), news_id="910000002"), seen_at=SEEN)
    result = run("910000002", "--db", db_path)
    assert "first seen 2026-07-20T02:30:00+09:00, 1 version" in result.output
    assert "no revisions: unchanged since first seen" in result.output


def test_an_unknown_release_is_one_clear_line(db_path):
    result = run("123", "--db", db_path)
    assert result.exit_code == 1 and result.output.strip() == f"Error: news id 123: not in {db_path}"
