"""`briefing status`: each anomaly on a synthetic archive, and the clean case."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.cli import cli
from briefing_spider.ops.health import check_health
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attachment, Attendee, Contact, Footnote, Ministry, Release
from tests.releases import make_release

NOW = datetime(2026, 7, 23, 9, 0, tzinfo=SEOUL)  # a Thursday
RUN_START = NOW - timedelta(hours=6, minutes=30)
FIRST_DAY = datetime(2026, 6, 8, tzinfo=SEOUL)


def release(news_id: str, published_at: datetime, *, contacts: bool = True) -> Release:
    return make_release(
        news_id,
        url=f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={news_id}",
        title=f"합성 보도자료 {news_id}",
        published_at=published_at,
        ministry=Ministry(name="외교부"),
        body_text="□ 합성 본문",
        body_source="hwpx",
        contacts=(Contact(department="시험과", name="홍길동", raw="시험과 홍길동"),) if contacts else (),
        footnotes=(Footnote(marker="※", text="합성 주석"),),
        attendees=(Attendee(name="홍길동", raw="홍길동"),) if int(news_id) % 2 else (),
        attachments=(Attachment(name="a.hwpx", url="https://example.test/a", kind="hwpx", text="□ 합성"),),
    )


def weekdays(first: datetime, last: datetime):
    day = first
    while day <= last:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


def fill(db, *, per_day: int = 3, skip: set[str] = frozenset(), contacts_after: datetime | None = None):
    number = 900000000
    for day in weekdays(FIRST_DAY, NOW - timedelta(days=1)):
        if day.date().isoformat() in skip:
            continue
        for i in range(per_day):
            number += 1
            published = day.replace(hour=9 + i)
            with_contacts = contacts_after is None or published < contacts_after
            save_briefing(db, release(str(number), published, contacts=with_contacts), seen_at=published)


def add_run(
    db,
    *,
    started=RUN_START,
    status="finished",
    pages=100,
    errors=1,
    new=15,
    details=20,
    detail_size=80_000,
    same_body=False,
) -> int:
    finished = None if status == "running" else (started + timedelta(minutes=18)).isoformat()
    run_id = (
        db.table("crawl_runs")
        .insert(
            {
                "started_at": started.isoformat(),
                "finished_at": finished,
                "arguments": "{}",
                "status": status,
                "pages": pages,
                "new": new,
                "updated": 0,
                "unchanged": details - new,
                "errors": errors,
                "bytes": 1,
            }
        )
        .last_pk
    )
    at = (started + timedelta(minutes=5)).isoformat()
    db.table("raw_responses").insert_all(
        {
            "url": f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={run_id}{i:04d}",
            "sha256": "same" if same_body else f"{run_id}-{i:064d}",
            "status": 200,
            "size": detail_size,
            "role": "detail",
            "fetched_at": at,
            "last_fetched_at": at,
        }
        for i in range(details)
    )
    return run_id


@pytest.fixture
def db(tmp_path):
    return open_archive(tmp_path / "briefings.db")


def kinds(db, now=NOW):
    return [a.kind for a in check_health(db, now=now, days=7).anomalies]


def test_a_healthy_archive_has_no_anomalies(db):
    fill(db)
    add_run(db)
    report = check_health(db, now=NOW, days=7)
    assert report.healthy, report.anomalies
    assert [r.status for r in report.runs] == ["finished"] and report.runs[0].duration_seconds == 18 * 60
    coverage = {c.field: c for c in report.coverage}
    assert coverage["body_text"].recent == 1.0 and coverage["contacts"].recent_records == 15
    assert 0.4 < coverage["attendees"].recent < 0.6


def test_a_weekday_without_releases_is_an_anomaly_and_a_weekend_is_not(db):
    fill(db, skip={"2026-07-21"})
    add_run(db)
    report = check_health(db, now=NOW, days=7)
    assert [a.kind for a in report.anomalies] == ["no_releases"]
    assert "2026-07-21 (Tuesday)" in report.anomalies[0].message


def test_days_before_the_archive_began_are_not_silent(db):
    save_briefing(db, release("900000001", NOW - timedelta(days=1)), seen_at=NOW)
    add_run(db)
    assert "no_releases" not in kinds(db)


def test_error_rate_over_five_percent_in_the_last_run(db):
    fill(db)
    add_run(db, started=RUN_START - timedelta(days=1), errors=50)  # only the last run counts
    add_run(db, errors=5)
    assert kinds(db) == []
    add_run(db, started=RUN_START + timedelta(hours=1), errors=6)
    report = check_health(db, now=NOW, days=7)
    assert [a.kind for a in report.anomalies] == ["error_rate"]
    assert "6 errors in 100 responses (6%" in report.anomalies[0].message


def test_coverage_well_below_its_trailing_level(db):
    fill(db, contacts_after=NOW - timedelta(days=7))
    add_run(db)
    report = check_health(db, now=NOW, days=7)
    assert [a.kind for a in report.anomalies] == ["coverage_drop"]
    assert report.anomalies[0].message.startswith("contacts: 0% of 15 recent records, down from 100%")


@pytest.mark.parametrize("signal", ["untitled", "identical", "tiny"])
def test_block_pages_served_as_200s(db, signal):
    fill(db)
    run_id = add_run(db, same_body=signal == "identical", detail_size=900 if signal == "tiny" else 80_000)
    if signal == "untitled":
        db.table("crawl_errors").insert_all(
            {
                "run_id": run_id,
                "url": f"https://www.korea.kr/x?newsId={i}",
                "kind": "parse",
                "reason": "ValueError: no title on the detail page",
                "at": NOW.isoformat(),
            }
            for i in range(5)
        )
    report = check_health(db, now=NOW, days=7)
    assert [a.kind for a in report.anomalies] == ["block_pages"]
    expected = {
        "untitled": "5 detail pages without a title",
        "identical": "20 of 20 detail pages byte-identical",
        "tiny": "20 of 20 detail pages under 2048 bytes",
    }[signal]
    assert expected in report.anomalies[0].message


def test_a_few_odd_pages_are_not_block_pages(db):
    fill(db)
    run_id = add_run(db)
    db.table("crawl_errors").insert(
        {"run_id": run_id, "url": "u", "kind": "parse", "reason": "ValueError: no title", "at": NOW.isoformat()}
    )
    assert kinds(db) == []


@pytest.mark.parametrize(
    "status, started, expected",
    [
        ("running", NOW - timedelta(hours=5), ["stuck_run"]),
        ("running", NOW - timedelta(minutes=20), []),
        ("interrupted", RUN_START, ["unfinished_run"]),
    ],
)
def test_the_last_run_must_finish(db, status, started, expected):
    fill(db)
    add_run(db, status=status, started=started)
    assert kinds(db) == expected


def test_no_run_for_two_days_means_the_timer_is_not_firing(db):
    fill(db)
    add_run(db, started=NOW - timedelta(days=3))
    assert kinds(db) == ["no_recent_run"]


def test_an_archive_without_runs(db):
    assert kinds(db) == ["no_runs"]


def invoke(db_path, *args, monkeypatch):
    monkeypatch.setattr("briefing_spider.cli.status_cmd.now", lambda: NOW)
    return CliRunner().invoke(cli, ["status", "--db", str(db_path), *args], catch_exceptions=False)


def test_cli_prints_runs_and_coverage_and_exits_zero_when_healthy(db, monkeypatch):
    fill(db)
    add_run(db)
    result = invoke(db.conn.execute("PRAGMA database_list").fetchone()[2], monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    assert "2026-07-23 02:30" in result.output and "finished" in result.output and "18m00s" in result.output
    assert "body_text" in result.output and "healthy: no anomalies" in result.output


def test_cli_exits_one_on_anomalies_notifies_and_speaks_json(db, monkeypatch, tmp_path):
    fill(db)
    add_run(db, errors=30)
    db_path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    sent = tmp_path / "sent.txt"
    result = invoke(db_path, "--notify", f"cat > {sent}", monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert "error_rate: run 1: 30 errors" in result.output and sent.read_text() == result.output.rstrip("\n")
    as_json = json.loads(invoke(db_path, "--json", monkeypatch=monkeypatch).output)
    assert as_json["healthy"] is False and as_json["anomalies"][0]["kind"] == "error_rate"


def test_cli_on_a_healthy_archive_does_not_notify(db, monkeypatch, tmp_path):
    fill(db)
    add_run(db)
    sent = tmp_path / "sent.txt"
    result = invoke(
        db.conn.execute("PRAGMA database_list").fetchone()[2], "--notify", f"cat > {sent}", monkeypatch=monkeypatch
    )
    assert result.exit_code == 0 and not sent.exists()


def test_cli_names_a_missing_archive(tmp_path, monkeypatch):
    result = invoke(tmp_path / "none.db", monkeypatch=monkeypatch)
    assert result.exit_code == 1 and "none.db: no archive here" in result.output


def test_a_day_the_archive_holds_fewer_releases_than_the_site_lists(db):
    fill(db)
    run_id = add_run(db)
    day = (NOW - timedelta(days=3)).date().isoformat()
    db.table("crawl_days").insert_all(
        [
            {"run_id": run_id, "day": day, "site_total": 5, "archived": 3},
            {"run_id": run_id, "day": (NOW - timedelta(days=2)).date().isoformat(), "site_total": 3, "archived": 3},
        ]
    )
    (anomaly,) = [a for a in check_health(db, now=NOW, days=7).anomalies if a.kind == "missing_releases"]
    assert day in anomaly.message and "lists 5" in anomaly.message and "holds 3" in anomaly.message
    later = add_run(db, started=RUN_START + timedelta(minutes=30))
    db.table("crawl_days").insert({"run_id": later, "day": day, "site_total": 5, "archived": 5})
    assert "missing_releases" not in kinds(db)  # the latest check found the day whole


def test_cli_today_judges_a_past_week_as_it_stood(db, monkeypatch):
    fill(db)
    past = NOW - timedelta(days=14)
    add_run(db, started=past - timedelta(hours=6, minutes=30))
    later = add_run(db, status="failed")
    db.table("crawl_days").insert(
        {"run_id": later, "day": (past + timedelta(days=7)).date().isoformat(), "site_total": 9, "archived": 3}
    )
    db_path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    now_result = invoke(db_path, monkeypatch=monkeypatch)
    assert now_result.exit_code == 1 and "unfinished_run" in now_result.output
    assert "missing_releases" in now_result.output
    then = invoke(db_path, "--today", past.date().isoformat(), monkeypatch=monkeypatch)
    assert then.exit_code == 0, then.output
    assert "checked 2026-07-09 23:59" in then.output and "healthy: no anomalies" in then.output
    assert f"run {later}" not in then.output  # a run started after that day is not looked at


def test_cli_today_must_be_a_date(db, monkeypatch):
    result = invoke(
        db.conn.execute("PRAGMA database_list").fetchone()[2], "--today", "last week", monkeypatch=monkeypatch
    )
    assert result.exit_code == 2 and "--today" in result.output and "YYYY-MM-DD" in result.output


def parse_errors(db, run_id: int, kind: str, count: int) -> None:
    db.table("crawl_errors").insert_all(
        {
            "run_id": run_id,
            "url": f"https://www.korea.kr/briefing/x.do?newsId={run_id}{i}",
            "kind": "parse",
            "reason": "PageParseError: body: no text",
            "at": NOW.isoformat(),
            "release_kind": kind,
        }
        for i in range(count)
    )


def test_a_kind_whose_parse_errors_rise_is_flagged(db):
    fill(db)
    earlier = add_run(db, started=NOW - timedelta(days=12))
    parse_errors(db, earlier, "briefing", 1)  # one a run before: the usual
    parse_errors(db, earlier, "press_release", 4)
    run_id = add_run(db)
    parse_errors(db, run_id, "briefing", 4)  # four in the window's one run
    parse_errors(db, run_id, "press_release", 4)  # as many as before: no rise
    parse_errors(db, run_id, "fact_check", 2)  # a rise, but too few to page anyone
    (anomaly,) = [a for a in check_health(db, now=NOW, days=7).anomalies if a.kind == "parse_errors"]
    assert anomaly.message.startswith("briefing: 4 parse errors in 1 runs of the window (4.0 a run, up from 1.0")


def test_a_day_short_of_one_kind_names_the_kind(db):
    fill(db)
    run_id = add_run(db)
    day = (NOW - timedelta(days=3)).date().isoformat()
    db.table("crawl_days").insert_all(
        [
            {"run_id": run_id, "site": "korea_kr", "kind": "press_release", "day": day, "site_total": 3, "archived": 3},
            {"run_id": run_id, "site": "korea_kr", "kind": "fact_check", "day": day, "site_total": 2, "archived": 1},
        ]
    )
    (anomaly,) = [a for a in check_health(db, now=NOW, days=7).anomalies if a.kind == "missing_releases"]
    assert anomaly.message == f"{day}: the site lists 2 releases of kind fact_check, the archive holds 1"
