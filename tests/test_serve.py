import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.cli import cli
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee, Ministry, Release

STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str, **params) -> tuple[int, str]:
    url = f"http://127.0.0.1:{port}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def served(tmp_path):
    path = tmp_path / "briefings.db"
    db = open_archive(path)
    vice = Attendee(organization="외교부", name="박무명", title="2차관", raw="외교부 2차관 박무명")
    for news_id, title, body in (("1", "핵심광물 협력 회의", "핵심광물의 공급망을 논의했다."),
                                 ("2", "청년 예산 발표", "청년 일자리 예산을 늘린다.")):
        save_briefing(db, Release(news_id=news_id, kind="press_release", url=f"https://example.test/{news_id}",
                                  title=title, published_at=datetime(2024, 4, 13, 9, tzinfo=SEOUL), body_text=body,
                                  ministry=Ministry(name="외교부", canonical="외교부"), attendees=(vice,)),
                      seen_at=datetime(2024, 4, 14, tzinfo=SEOUL))
    db.close()
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "briefing_spider.cli", "serve", "--db", str(path),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                fetch(port, "/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"briefing serve did not start: {process.communicate(timeout=5)[1].decode()[-500:]}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_shows_pages_json_search_and_canned_queries(served):
    status, html = fetch(served, "/briefings/releases")
    assert status == 200 and "핵심광물 협력 회의" in html and "published_month" in html
    status, body = fetch(served, "/briefings/search.json", q="핵심광물", _shape="array")
    rows = json.loads(body)
    assert status == 200 and [r["news_id"] for r in rows] == ["1"] and "[핵심광물]" in rows[0]["snippet"]
    status, body = fetch(served, "/briefings/briefings.json", _search="예산", _shape="array", _col="title")
    assert [r["news_id"] for r in json.loads(body)] == ["2"]
    status, body = fetch(served, "/briefings/attendee_meetings.json", organization="외교부", title="2차관",
                         year="2024", _shape="array")
    assert sorted(r["news_id"] for r in json.loads(body)) == ["1", "2"]
    metadata = json.loads(fetch(served, "/-/metadata.json")[1])
    assert metadata["databases"]["briefings"]["tables"]["briefings"]["fts_table"] == "search_index"


def test_serve_is_read_only(served):
    databases = json.loads(fetch(served, "/-/databases.json")[1])
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("briefings", False)]
    status, body = fetch(served, "/briefings.json", sql="DELETE FROM briefings")
    assert status == 400 and "Statement must be a SELECT" in body


def test_serve_refuses_a_missing_archive_and_a_busy_port(tmp_path):
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port())])
    assert missing.exit_code == 1 and "no archive here" in missing.output
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--port", str(port)])
    assert result.exit_code == 1 and f"--port {port}: cannot listen there" in result.output
