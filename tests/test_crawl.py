"""The real spider and pipelines, run as `briefing crawl`, against the local mirror."""

from __future__ import annotations

import hashlib

import pytest
from sqlite_utils import Database

from tests.crawl_helpers import crawl
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 3)


@pytest.fixture
def releases():
    return synthetic_releases(DAYS, per_day=12)


def rows(db_path, sql, params=()):
    return list(Database(db_path).query(sql, params))


def test_crawl_archives_every_release_with_byte_identical_attachments(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert result.returncode == 0, result.stderr
    assert "36 new" in result.stdout
    archived = {row["news_id"]: row for row in rows(db_path, "SELECT * FROM briefings")}
    assert set(archived) == {r.news_id for r in releases}
    for release in releases:
        row = archived[release.news_id]
        assert row["title"] == release.title
        assert row["published_at"] == release.published_at.isoformat()
        assert row["ministry"] == release.ministry and row["ministry_code"] == release.rep_code
        assert row["url"].endswith(f"/briefing/pressReleaseView.do?newsId={release.news_id}")
        saved = rows(db_path, "SELECT * FROM attachments WHERE news_id = ? ORDER BY position", [release.news_id])
        assert [a["name"] for a in saved] == [a.name for a in release.attachments]
        for attachment, served in zip(saved, release.attachments, strict=True):
            assert attachment["sha256"] == hashlib.sha256(served.body).hexdigest()
            assert (
                tmp_path / "briefings.raw" / attachment["sha256"][:2] / attachment["sha256"]
            ).read_bytes() == served.body
    body_sources = {row["body_source"] for row in archived.values()}
    assert body_sources == {"page", "hwpx"}
    failed_pdfs = rows(db_path, "SELECT kind, error FROM attachments WHERE name LIKE '%.pdf'")
    assert failed_pdfs and all(a["kind"] == "html" and "Error" in a["error"] for a in failed_pdfs)
    (run,) = rows(db_path, "SELECT * FROM crawl_runs")
    assert (run["status"], run["new"], run["errors"]) == ("finished", 36, len(failed_pdfs))
    errors = rows(db_path, "SELECT kind, url FROM crawl_errors")
    assert {e["kind"] for e in errors} == {"attachment_not_a_file"}
    assert sorted(e["url"].split("/", 3)[3] for e in errors) == sorted(
        a["url"].split("/", 3)[3] for a in rows(db_path, "SELECT url FROM attachments WHERE name LIKE '%.pdf'")
    )


def test_second_identical_crawl_changes_nothing(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    failed_files = [a for r in releases for a in r.attachments if a.name.endswith(".pdf")]  # error pages
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
        before = rows(db_path, "SELECT news_id, content_hash, updated_at FROM briefings ORDER BY news_id")
        mirror.requests.clear()
        second = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
        downloads = [p for p in mirror.requests if "download.do" in p]
    assert second.returncode == 0, second.stderr
    # only the error pages are fetched again (never good bytes), and each is an error again
    assert f"0 new, 0 updated, 36 unchanged, {len(failed_files)} errors" in second.stdout
    assert rows(db_path, "SELECT news_id, content_hash, updated_at FROM briefings ORDER BY news_id") == before
    assert rows(db_path, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0
    assert len(downloads) == len(failed_files)  # files already saved are never fetched again


def test_nightly_run_with_nothing_new_reads_one_list_page_a_day(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    incomplete = [r for r in releases if any(a.name.endswith(".pdf") for a in r.attachments)]
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
        mirror.requests.clear()
        nightly = crawl(mirror, db_path, "--today", DAYS[-1])
        requests = list(mirror.requests)
    assert nightly.returncode == 0, nightly.stderr
    # the error pages are fetched again (never good bytes), each an error again
    assert f"0 new, 0 updated, {len(incomplete)} unchanged, {len(incomplete)} errors" in nightly.stdout
    window = days_from("2026-07-15", 8)  # the last run's end (07-22) minus the 7-day trailing window
    lists = [p for p in requests if "pressReleaseList" in p]
    assert sorted(p.split("startDate=")[1][:10] for p in lists) == window  # one page a day
    # only the releases whose file failed are fetched again, with the failed file only
    assert sorted(p.split("newsId=")[1] for p in requests if "pressReleaseView" in p) == sorted(
        r.news_id for r in incomplete
    )
    assert len([p for p in requests if "download.do" in p]) == len(incomplete)
    (days,) = [
        rows(
            db_path,
            "SELECT count(*) AS n FROM crawl_days WHERE run_id = 2 AND kind = 'press_release' AND site_total = archived",
        )
    ]
    assert days[0]["n"] == len(window)


def test_an_edited_page_updates_the_record_and_keeps_the_old_one(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
        releases[0].title = "고쳐 쓴 제목"
        mirror.releases[releases[0].news_id].title = "고쳐 쓴 제목"
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert "0 new, 1 updated, 35 unchanged" in result.stdout  # an explicit range is re-checked whole
    (revision,) = rows(db_path, "SELECT * FROM revisions")
    assert revision["news_id"] == releases[0].news_id and "합성 보도자료" in revision["record"]
    assert (
        rows(db_path, "SELECT title FROM briefings WHERE news_id = ?", [releases[0].news_id])[0]["title"]
        == "고쳐 쓴 제목"
    )


def test_bad_page_and_failed_attachment_are_counted_and_the_crawl_goes_on(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    broken, flaky = releases[1], releases[2]
    with Mirror(releases) as mirror:
        mirror.garbage_details.add(broken.news_id)
        attachment_path = f"/common/download.do?fileId={flaky.attachments[0].file_id}&tblKey=GMN"
        mirror.fail[attachment_path] = [503] * 10  # more than the retries
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
        assert result.returncode == 0, result.stderr
        assert "35 new" in result.stdout
        errors = rows(db_path, "SELECT url, kind, reason FROM crawl_errors")
        assert any(broken.news_id in e["url"] and e["kind"] == "parse" and "title" in e["reason"] for e in errors)
        assert any(e["url"].endswith(attachment_path) and "503" in e["reason"] for e in errors)
        day = broken.published_at.date().isoformat()  # the site lists 12 that day, the archive has 11
        assert any(
            e["kind"] == "count_mismatch"
            and e["url"] == f"day:{day}"
            and "lists 12" in e["reason"]
            and "holds 11" in e["reason"]
            for e in errors
        )
        (attachment,) = rows(db_path, "SELECT * FROM attachments WHERE news_id = ?", [flaky.news_id])
        assert attachment["sha256"] is None and "download failed" in attachment["error"]
        # the next run, with the site healthy again, completes the record
        mirror.garbage_details.clear()
        mirror.fail.clear()
        again = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
    assert "1 new, 1 updated" in again.stdout
    (attachment,) = rows(db_path, "SELECT * FROM attachments WHERE news_id = ?", [flaky.news_id])
    assert attachment["error"] is None and attachment["sha256"]


def test_retries_ride_out_a_transient_server_error(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases[:5]) as mirror:
        detail = f"/briefing/pressReleaseView.do?newsId={releases[0].news_id}"
        mirror.fail[detail] = [500, 502]
        result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])
        assert mirror.requests.count(detail) == 3
    error_pages = sum(a.name.endswith(".pdf") for r in releases[:5] for a in r.attachments)
    assert "5 new" in result.stdout and f", {error_pages} errors" in result.stdout  # the retried page is none


def test_limit_and_window_bound_the_requests(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        result = crawl(mirror, db_path, "--since", DAYS[1], "--until", DAYS[1], "--limit", "4")
        assert "4 new" in result.stdout
        details = [p for p in mirror.requests if "pressReleaseView" in p]
        assert len(details) == 4
        assert all(f"startDate={DAYS[1]}&endDate={DAYS[1]}" in p for p in mirror.requests if "pressReleaseList" in p)


def test_no_dates_continue_from_the_archive_with_overlap(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])
        mirror.requests.clear()
        crawl(mirror, db_path, "--until", DAYS[-1], "--today", DAYS[-1])
        lists = [p for p in mirror.requests if "pressReleaseList" in p]
    # from the last finished run's end (07-20) minus the 7-day trailing window, one list a day
    assert sorted({p.split("startDate=")[1][:10] for p in lists}) == days_from("2026-07-13", 10)
    assert rows(db_path, "SELECT count(*) AS n FROM briefings")[0]["n"] == 36


def test_unreachable_site_is_one_clear_line_and_touches_nothing(tmp_path):
    db_path = tmp_path / "briefings.db"
    from tests.crawl_helpers import run_cli

    result = run_cli(
        "crawl",
        "--base-url",
        "http://127.0.0.1:9",
        "--db",
        str(db_path),
        "--no-polite",
        "--since",
        DAYS[0],
        "--until",
        DAYS[0],
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("error: cannot reach 127.0.0.1:9")
    assert not db_path.exists() and not (tmp_path / "briefings.raw").exists()


def test_backfill_skips_days_already_whole_and_resumes(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        first = crawl(mirror, db_path, "--backfill", "--since", DAYS[1], "--until", DAYS[1])
        assert "12 new" in first.stdout
        mirror.requests.clear()
        rest = crawl(mirror, db_path, "--backfill", "--since", DAYS[0], "--until", DAYS[-1])
        listed_days = {p.split("startDate=")[1][:10] for p in mirror.requests if "pressReleaseList" in p}
    assert "24 new" in rest.stdout
    assert listed_days == {DAYS[0], DAYS[2]}  # the day archived whole is not listed again
    assert rows(db_path, "SELECT count(*) AS n FROM briefings")[0]["n"] == 36


def test_nightly_run_finds_a_late_post_listed_deep_in_its_day(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    (late,) = synthetic_releases([DAYS[1]], per_day=1, error_page_every=1000)
    late.news_id, late.title = "919999999", "늦게 올라온 자료"
    late.attachments[0].file_id = "9199999991"
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[-1])
        mirror.releases[late.news_id] = late  # 09:00: sorted to the last page of its day
        mirror.files[late.attachments[0].file_id] = late.attachments[0]
        nightly = crawl(mirror, db_path, "--today", DAYS[-1])
    assert "1 new" in nightly.stdout, nightly.stdout
    assert rows(db_path, "SELECT title FROM briefings WHERE news_id = ?", [late.news_id])[0]["title"] == late.title


def test_a_second_run_on_a_held_archive_names_the_holder_and_exits(tmp_path, releases):
    from briefing_spider.clock import now
    from briefing_spider.ops.lock import crawl_lock
    from tests.crawl_helpers import run_cli

    db_path = tmp_path / "briefings.db"
    with Mirror(releases[:2]) as mirror:
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])  # an archive to hold
        before = rows(db_path, "SELECT count(*) AS n, max(id) AS last FROM crawl_runs")
        with crawl_lock(db_path, command="briefing crawl (test)", started_at=now()):
            asked = len(mirror.requests)
            result = crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])
            reparse = run_cli("reparse", "--db", str(db_path))
            assert not [p for p in mirror.requests[asked:] if "pressRelease" in p]  # nothing fetched
    assert result.returncode == 75 and "in use by pid" in result.stderr and "briefing crawl (test)" in result.stderr
    assert reparse.returncode == 75 and "in use by pid" in reparse.stderr  # the lock, not a missing archive
    assert rows(db_path, "SELECT count(*) AS n, max(id) AS last FROM crawl_runs") == before


def test_unreachable_site_with_an_archive_stops_at_once_and_writes_nothing(tmp_path, releases):
    from tests.crawl_helpers import run_cli

    db_path = tmp_path / "briefings.db"
    with Mirror(releases[:4]) as mirror:
        mirror.fail["/common/download.do?fileId=9100000002&tblKey=GMN"] = [503] * 10  # one incomplete release
        crawl(mirror, db_path, "--since", DAYS[0], "--until", DAYS[0])
    before = rows(db_path, "SELECT count(*) AS n FROM raw_responses")[0]["n"]
    result = run_cli(
        "crawl", "--base-url", "http://127.0.0.1:9", "--db", str(db_path), "--no-polite", "--today", DAYS[-1]
    )
    assert result.returncode == 2 and "cannot reach 127.0.0.1:9" in result.stderr
    assert rows(db_path, "SELECT count(*) AS n FROM raw_responses")[0]["n"] == before
    assert rows(db_path, "SELECT count(*) AS n FROM crawl_runs")[0]["n"] == 1
