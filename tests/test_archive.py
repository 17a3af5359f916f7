import json
from datetime import datetime

import pytest

from briefing_spider.archive import ArchiveError, open_archive, raw_dir_for
from briefing_spider.archive.raw import RawStore, latest_fetch, save_fetched
from briefing_spider.archive.runs import CrawlRun
from briefing_spider.archive.save import load_briefing, save_briefing
from briefing_spider.items import Fetched
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attachment, Footnote, Ministry, Release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)
LATER = datetime(2026, 7, 24, 2, 30, tzinfo=SEOUL)


def release(**changes) -> Release:
    fields = dict(
        news_id="900000001", kind="press_release",
        url="https://www.korea.kr/briefing/pressReleaseView.do?newsId=900000001",
        title="시험 제목", published_at=datetime(2026, 7, 22, 20, 53, 46, tzinfo=SEOUL),
        ministry=Ministry(name="외교부", code="A00014", canonical="외교부", name_en="Ministry of Foreign Affairs"),
        body_text="본문", body_source="page",
        footnotes=(Footnote(marker="※", text="첫 주석", raw="※ 첫 주석"), Footnote(marker="*", text="둘", raw="* 둘")),
        attachments=(Attachment(name="a.hwpx", url="https://www.korea.kr/common/download.do?fileId=1",
                                kind="hwpx", sha256="ab" * 32, size=10, text="첨부 본문"),),
    )
    return Release(**{**fields, **changes})


@pytest.fixture
def db(tmp_path):
    return open_archive(tmp_path / "briefings.db")


def test_save_new_then_unchanged_then_updated_with_revision(db):
    assert save_briefing(db, release(), seen_at=SEEN) == "new"
    assert save_briefing(db, release(), seen_at=LATER) == "unchanged"
    assert db.table("revisions").count == 0
    edited = release(title="고친 제목", footnotes=(Footnote(marker="※", text="첫 주석", raw="※ 첫 주석"),))
    assert save_briefing(db, edited, seen_at=LATER) == "updated"
    row = db.table("briefings").get("900000001")
    assert row["title"] == "고친 제목" and row["first_seen_at"] == SEEN.isoformat()
    assert row["published_at"] == "2026-07-22T20:53:46+09:00" and row["ministry_code"] == "A00014"
    assert db.table("footnotes").count == 1  # children replaced, not appended
    (revision,) = db.table("revisions").rows
    old = json.loads(revision["record"])
    assert old["title"] == "시험 제목" and len(old["footnotes"]) == 2
    assert json.loads(revision["changed_fields"]) == ["footnotes", "title"]
    assert revision["superseded_at"] == LATER.isoformat()


def test_load_briefing_round_trips_the_record(db):
    save_briefing(db, release(), seen_at=SEEN)
    assert load_briefing(db, "900000001") == release().to_dict()
    assert load_briefing(db, "1") is None


def test_a_failing_write_leaves_no_half_record(db, monkeypatch):
    save_briefing(db, release(), seen_at=SEEN)
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(db.table("footnotes")), "insert_all", broken)
    with pytest.raises(RuntimeError):
        save_briefing(db, release(title="새 제목"), seen_at=LATER)
    monkeypatch.undo()
    assert db.table("briefings").get("900000001")["title"] == "시험 제목"
    assert db.table("footnotes").count == 2 and db.table("revisions").count == 0


def test_raw_store_is_content_addressed_and_refetch_only_moves_last_seen(db, tmp_path):
    store = RawStore(raw_dir_for(tmp_path / "briefings.db"))
    fetched = Fetched(url="http://x/a", status=200, body=b"%PDF-1.4 body", fetched_at=SEEN,
                      role="attachment", news_id="9", headers={"Content-Type": "application/pdf"})
    first = save_fetched(db, store, fetched)
    again = save_fetched(db, store, Fetched(**{**fetched.__dict__, "fetched_at": LATER}))
    assert db.table("raw_responses").count == 1
    assert again["fetched_at"] == SEEN.isoformat() and again["last_fetched_at"] == LATER.isoformat()
    assert first["kind"] == "pdf" and first["size"] == len(fetched.body)
    assert store.get(first["sha256"]) == fetched.body
    assert store.path(first["sha256"]).parent.parent == tmp_path / "briefings.raw"
    assert not list(store.root.rglob(".tmp-*"))


def test_latest_good_fetch_survives_a_later_failure_or_error_page(db, tmp_path):
    store = RawStore(tmp_path / "raw")
    save_fetched(db, store, Fetched(url="http://x/a", status=200, body=b"%PDF-1.4 good", fetched_at=SEEN,
                                    role="attachment"))
    save_fetched(db, store, Fetched(url="http://x/a", status=0, body=b"", fetched_at=LATER, role="attachment",
                                    error="TimeoutError: took too long"))
    assert latest_fetch(db, "http://x/a")["error"] == "TimeoutError: took too long"
    later = datetime(2026, 7, 25, 2, 30, tzinfo=SEOUL)
    save_fetched(db, store, Fetched(url="http://x/a", status=200, fetched_at=later, role="attachment",
                                    body=b"<html><head><title>Error</title></head></html>"))
    assert latest_fetch(db, "http://x/a")["kind"] == "html"
    assert store.get(latest_fetch(db, "http://x/a", ok_only=True)["sha256"]) == b"%PDF-1.4 good"


def test_crawl_run_row_is_written_lazily_with_errors(db):
    run = CrawlRun(started_at=SEEN, arguments={"since": "2026-07-22"})
    assert db.table("crawl_runs").count == 0
    run.record_error(db, url="http://x/detail", kind="parse", reason="PageParseError: no title", at=SEEN)
    run.count("new", 3)
    run.finish(db, status="finished", at=LATER)
    row = db.table("crawl_runs").get(run.run_id)
    assert (row["status"], row["new"], row["errors"]) == ("finished", 3, 1)
    (error,) = db.table("crawl_errors").rows
    assert error["url"] == "http://x/detail" and error["run_id"] == run.run_id


def test_open_missing_archive_without_create_names_the_file(tmp_path):
    with pytest.raises(ArchiveError, match="no archive here"):
        open_archive(tmp_path / "nope.db", create=False)


def test_foreign_keys_are_on(db):
    assert next(iter(db.query("PRAGMA foreign_keys")))["foreign_keys"] == 1
