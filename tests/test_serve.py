import json
import socket
import sqlite3
from datetime import datetime

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.cli import cli
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee, Release
from tests.releases import make_release
from tests.serving import fetch, free_port, serving

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)


def release(news_id: str, title: str, body: str, attendees=()) -> Release:
    published = datetime(2024, 4, 13, 9, tzinfo=SEOUL)
    return make_release(
        news_id, title=title, published_at=published, body_text=body, ministry="외교부", attendees=tuple(attendees)
    )


@pytest.fixture
def archive_path(tmp_path):
    return tmp_path / "briefings.db"


@pytest.fixture
def served(archive_path):
    path = archive_path
    db = open_archive(path)
    vice = Attendee(organization="외교부", name="박무명", title="2차관", raw="외교부 2차관 박무명")
    for news_id, title, body in (
        ("1", "핵심광물 협력 회의", "핵심광물의 공급망을 논의했다."),
        ("2", "청년 예산 발표", "청년 일자리 예산을 늘린다."),
    ):
        save_briefing(db, release(news_id, title, body, attendees=(vice,)), seen_at=datetime(2024, 4, 14, tzinfo=SEOUL))
    db.close()
    with serving(path) as port:
        yield port


def test_serve_shows_pages_json_search_and_canned_queries(served):
    status, html = fetch(served, "/briefings/releases")
    assert status == 200 and "핵심광물 협력 회의" in html and "published_month" in html
    status, body = fetch(served, "/briefings/search.json", q="핵심광물", _shape="array")
    rows = json.loads(body)
    assert status == 200 and [r["news_id"] for r in rows] == ["1"] and "[핵심광물]" in rows[0]["snippet"]
    status, body = fetch(served, "/briefings/briefings.json", _search="예산", _shape="array", _col="title")
    assert [r["news_id"] for r in json.loads(body)] == ["2"]
    status, body = fetch(
        served, "/briefings/attendee_meetings.json", organization="외교부", title="2차관", year="2024", _shape="array"
    )
    assert sorted(r["news_id"] for r in json.loads(body)) == ["1", "2"]
    metadata = json.loads(fetch(served, "/-/metadata.json")[1])
    assert metadata["databases"]["briefings"]["tables"]["briefings"]["fts_table"] == "search_index"


def test_serve_is_read_only(served, archive_path):
    databases = json.loads(fetch(served, "/-/databases.json")[1])
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("briefings", True)]  # mode=ro, not immutable
    status, body = fetch(served, "/briefings.json", sql="DELETE FROM briefings")
    assert status == 400 and "Statement must be a SELECT" in body
    assert sorted(p.name for p in archive_path.parent.iterdir() if p.name.endswith(".lock")) == []


def test_the_served_file_refuses_writes_below_datasette(served, archive_path):
    """Past Datasette's SELECT check (a plugin, a crafted statement), the file itself is mode=ro."""
    import asyncio

    from briefing_spider.cli.serve_cmd import build_datasette

    database = build_datasette(str(archive_path), immutable=False).get_database("briefings")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(database.execute("DELETE FROM briefings"))
    assert asyncio.run(database.execute("SELECT count(*) FROM briefings")).first()[0] == 2


def test_serve_sees_rows_written_after_it_started(served, archive_path):
    def count() -> int:
        return json.loads(
            fetch(served, "/briefings.json", sql="SELECT count(*) AS n FROM briefings", _shape="array")[1]
        )[0]["n"]

    assert count() == 2
    db = open_archive(archive_path)  # a crawl writing while the archive is served
    save_briefing(
        db, release("3", "나중에 저장된 자료", "서버가 뜬 뒤에 저장했다."), seen_at=datetime(2024, 4, 15, tzinfo=SEOUL)
    )
    assert count() == 3  # read from the WAL: not yet checkpointed into the file
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert count() == 3
    status, body = fetch(served, "/briefings/briefings.json", _shape="array", _col="title", news_id="3")
    assert [r["title"] for r in json.loads(body)] == ["나중에 저장된 자료"]


def test_serve_immutable_only_when_asked_and_not_while_a_crawl_holds_the_archive(archive_path):
    from briefing_spider.clock import now
    from briefing_spider.ops.lock import crawl_lock

    open_archive(archive_path).close()
    with crawl_lock(archive_path, command="briefing crawl (test)", started_at=now()):
        result = CliRunner().invoke(
            cli, ["serve", "--db", str(archive_path), "--port", str(free_port()), "--immutable"]
        )
    assert result.exit_code == 1 and "--immutable:" in result.output and "being written to" in result.output


def test_serve_refuses_an_archive_at_an_older_schema_without_changing_it(archive_path):
    import sqlite3

    open_archive(archive_path).close()
    with sqlite3.connect(archive_path) as connection:  # as if made by an older version
        connection.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_crawl_days'")
    before = archive_path.read_bytes()
    result = CliRunner().invoke(cli, ["serve", "--db", str(archive_path), "--port", str(free_port())])
    assert result.exit_code == 1 and "older than this version's" in result.output
    assert archive_path.read_bytes() == before


def test_serve_refuses_a_missing_archive_and_a_busy_port(tmp_path):
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port())])
    assert missing.exit_code == 1 and "no archive here" in missing.output
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--port", str(port)])
    assert result.exit_code == 1 and f"--port {port}: cannot listen there" in result.output
