"""`briefing crawl --source api` against the local API mock: records, windows, errors, the key."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from datetime import date
from urllib.parse import quote

import pytest
from sqlite_utils import Database

from briefing_spider.crawl.feed import windows
from briefing_spider.crawl.keys import KeyMaskFilter, mask_key
from tests.api_mock import TEST_KEY, ApiMock
from tests.conftest import ROOT
from tests.crawl_helpers import CRAWL_TIMEOUT, crawl, run_cli
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 7)  # a week: three windows of at most 3 days
KEY_FORMS = (TEST_KEY, quote(TEST_KEY, safe=""), "secret")


@pytest.fixture
def releases():
    found = synthetic_releases(DAYS, per_day=4)
    found[0].title = "중소·벤처기업 공시부담 완화 & 합성"  # the API sends `&middot;` inside CDATA
    return found


def crawl_api(mock: ApiMock, db_path, *args: str, key: str | None = TEST_KEY) -> subprocess.CompletedProcess:
    """`briefing crawl --source api` in a subprocess, with `key` (or none) in BRIEFING_API_KEY."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_API_KEY"}
    if key is not None:
        env["BRIEFING_API_KEY"] = key
    command = [
        sys.executable,
        "-m",
        "briefing_spider.cli",
        "crawl",
        "--source",
        "api",
        "--api-url",
        mock.api_url,
        "--db",
        str(db_path),
        "--no-polite",
        *args,
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT)


def rows(db_path, sql, params=()):
    return list(Database(db_path).query(sql, params))


def test_windows_are_at_most_three_days_and_cover_the_range():
    spans = windows(date(2026, 7, 20), date(2026, 7, 26), 3)
    assert spans == [
        (date(2026, 7, 20), date(2026, 7, 22)),
        (date(2026, 7, 23), date(2026, 7, 25)),
        (date(2026, 7, 26), date(2026, 7, 26)),
    ]
    assert windows(date(2026, 7, 20), date(2026, 7, 20), 3) == [(date(2026, 7, 20), date(2026, 7, 20))]


def test_the_key_is_masked_in_urls_and_log_lines():
    encoded = quote(TEST_KEY, safe="")
    url = f"https://apis.data.go.kr/x?serviceKey={encoded}&startDate=20260720"
    assert mask_key(url) == "https://apis.data.go.kr/x?serviceKey=***&startDate=20260720"
    record = logging.LogRecord(
        "scrapy", logging.ERROR, __file__, 1, "Gave up retrying <GET %s>: %s", (url, f"echo {TEST_KEY}"), None
    )
    assert KeyMaskFilter(encoded).filter(record)
    assert (
        record.getMessage()
        == "Gave up retrying <GET https://apis.data.go.kr/x?serviceKey=***&startDate=20260720>: echo ***"
    )


def test_api_records_equal_the_mock_data_with_byte_identical_files(tmp_path, releases):
    db_path = tmp_path / "api.db"
    with ApiMock(releases) as mock:
        result = crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert result.returncode == 0, result.stderr
    assert f"{len(releases)} new" in result.stdout
    archived = {row["news_id"]: row for row in rows(db_path, "SELECT * FROM briefings")}
    assert set(archived) == {r.news_id for r in releases}
    for release in releases:
        row = archived[release.news_id]
        assert (row["title"], row["published_at"], row["ministry"]) == (
            release.title,
            release.published_at.isoformat(),
            release.ministry,
        )
        assert row["url"] == f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={release.news_id}"
        assert "전재하여" not in (row["body_text"] or "")
        saved = rows(db_path, "SELECT * FROM attachments WHERE news_id = ? ORDER BY position", [release.news_id])
        assert [a["name"] for a in saved] == [a.name for a in release.attachments]
        for attachment, served in zip(saved, release.attachments, strict=True):
            assert attachment["sha256"] == hashlib.sha256(served.body).hexdigest()
            assert (tmp_path / "api.raw" / attachment["sha256"][:2] / attachment["sha256"]).read_bytes() == served.body


def test_a_week_is_read_in_windows_of_at_most_three_days(tmp_path, releases):
    with ApiMock(releases) as mock:
        result = crawl_api(mock, tmp_path / "api.db", "--since", DAYS[0], "--until", DAYS[-1])
        asked = mock.list_requests()
    assert result.returncode == 0, result.stderr
    spans = sorted({(q["startDate"], q["endDate"]) for q in asked})
    assert spans == [("20260720", "20260722"), ("20260723", "20260725"), ("20260726", "20260726")]
    for start, end in spans:
        assert (
            date.fromisoformat(f"{end[:4]}-{end[4:6]}-{end[6:]}")
            - date.fromisoformat(f"{start[:4]}-{start[4:6]}-{start[6:]}")
        ).days < 3


def test_paging_reads_every_page_of_a_window(tmp_path):
    releases = synthetic_releases(days_from("2026-07-20", 1), per_day=12)
    with ApiMock(releases) as mock:
        mock.max_rows = 5  # the service serves fewer rows than asked: paging follows its numOfRows
        result = crawl_api(mock, tmp_path / "api.db", "--since", "2026-07-20", "--until", "2026-07-20")
        pages = [q["pageNo"] for q in mock.list_requests()]
    assert result.returncode == 0, result.stderr
    assert "12 new" in result.stdout and pages == ["1", "2", "3"]
    assert len(rows(tmp_path / "api.db", "SELECT news_id FROM briefings")) == 12


def test_the_api_and_the_site_give_the_same_records(tmp_path, releases):
    with ApiMock(releases) as mock:
        crawl_api(mock, tmp_path / "api.db", "--since", DAYS[0], "--until", DAYS[-1])
    with Mirror(releases) as mirror:
        crawl(mirror, tmp_path / "site.db", "--since", DAYS[0], "--until", DAYS[-1])
    # The url differs by host only: the API names www.korea.kr, the mirror its own address.
    fields = (
        "news_id, substr(url, instr(url, '/briefing/')) AS path, title, published_at, modified_at, "
        "ministry, body_text, body_source, event_at"
    )
    query = f"SELECT {fields} FROM briefings ORDER BY news_id"
    assert rows(tmp_path / "api.db", query) == rows(tmp_path / "site.db", query)


def test_reparse_rebuilds_api_records(tmp_path, releases):
    db_path = tmp_path / "api.db"
    with ApiMock(releases) as mock:
        crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    result = run_cli("reparse", "--db", str(db_path), "--workers", "0")
    assert result.returncode == 0, result.stderr
    assert f"0 new, 0 updated, {len(releases)} unchanged, 0 errors" in result.stdout


def test_the_key_is_never_stored_nor_logged(tmp_path, releases):
    db_path, log = tmp_path / "api.db", tmp_path / "crawl.log"
    with ApiMock(releases) as mock:
        mock.limit_after = 2  # an error mid-crawl is recorded with its URL
        result = crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[-1], "--log-file", str(log))
    assert result.returncode == 1 and "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR" in result.stderr
    stored = [result.stdout.encode(), result.stderr.encode()]  # and the db, its journal, raw files, the log:
    stored += [path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()]
    assert len(stored) > 10 and log.stat().st_size > 0
    for blob in stored:
        for form in KEY_FORMS:
            assert form.encode() not in blob
    urls = [row["url"] for row in rows(db_path, "SELECT url FROM raw_responses WHERE role = 'api_list'")]
    assert urls and all("serviceKey=***" in url for url in urls)
    assert "api_list_download" in {row["kind"] for row in rows(db_path, "SELECT kind FROM crawl_errors")}


def test_the_source_fetched_last_builds_the_record(tmp_path, releases):
    """Site then API into one archive: the API items are newer, so records (and reparse) use them."""
    db_path = tmp_path / "both.db"
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])
    with ApiMock(releases) as mock:
        result = crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[0])
    assert result.returncode == 0, result.stderr
    urls = {row["url"] for row in rows(db_path, "SELECT url FROM briefings")}
    assert urls and all(url.startswith("https://www.korea.kr/") for url in urls)  # the API's, not the mirror's
    reparsed = run_cli("reparse", "--db", str(db_path), "--workers", "0")
    assert f"0 new, 0 updated, {len(urls)} unchanged, 0 errors" in reparsed.stdout, reparsed.stderr


def test_a_missing_key_is_one_line_and_exit_2(tmp_path, releases):
    with ApiMock(releases) as mock:
        result = crawl_api(mock, tmp_path / "api.db", "--since", DAYS[0], "--until", DAYS[0], key=None)
        assert mock.requests == []
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --source api needs a data.go.kr service key in BRIEFING_API_KEY"
    assert not (tmp_path / "api.db").exists()


@pytest.mark.parametrize(
    "gateway, key, code, name",
    [
        (None, "wrong-key", "30", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
        (("30", 403), TEST_KEY, "30", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
        (("31", 200), TEST_KEY, "31", "DEADLINE_HAS_EXPIRED_ERROR"),
        (("31", 403), TEST_KEY, "31", "DEADLINE_HAS_EXPIRED_ERROR"),
        (("22", 200), TEST_KEY, "22", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR"),
    ],
)
def test_gateway_errors_are_one_clear_line_and_touch_nothing(tmp_path, releases, gateway, key, code, name):
    db_path = tmp_path / "api.db"
    with ApiMock(releases) as mock:
        mock.gateway = gateway
        result = crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[0], key=key)
    assert result.returncode == 1, result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: API error {code} {name}: ")
    assert not db_path.exists()  # an empty archive stays untouched


def test_a_long_window_refused_by_the_api_names_the_error(tmp_path, releases):
    with ApiMock(releases) as mock:
        mock.max_window_days = 2  # a service stricter than documented refuses our 3-day windows
        result = crawl_api(mock, tmp_path / "api.db", "--since", DAYS[0], "--until", DAYS[2])
    assert result.returncode == 1
    assert result.stderr.strip() == "error: API error 98 THREE_DAYS_OVER_ERROR: the date window is longer than 3 days"


def test_an_error_mid_crawl_keeps_what_was_archived(tmp_path, releases):
    db_path = tmp_path / "api.db"
    with ApiMock(releases) as mock:
        crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[2])
        before = rows(db_path, "SELECT news_id, content_hash FROM briefings ORDER BY news_id")
        mock.limit_after = len(mock.list_requests()) + 1
        result = crawl_api(mock, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert result.returncode == 1
    assert "22 LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR" in result.stderr
    after = {
        row["news_id"]: row["content_hash"] for row in rows(db_path, "SELECT news_id, content_hash FROM briefings")
    }
    assert all(after[row["news_id"]] == row["content_hash"] for row in before)
    (last_run,) = rows(db_path, "SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert last_run["status"] == "api_error"  # not `finished`: the next crawl does not skip these days
