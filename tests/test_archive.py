import json
import sqlite3
from datetime import datetime

import pytest

from briefing_spider.archive import ArchiveError, open_archive, raw_dir_for
from briefing_spider.archive.gather import attachment_part
from briefing_spider.archive.raw import RawStore, save_fetched
from briefing_spider.archive.runs import CrawlRun
from briefing_spider.archive.save import content_hash, load_briefing, save_briefing, save_briefings
from briefing_spider.archive.search import search
from briefing_spider.crawl.items import Fetched
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attachment, Footnote, Ministry, Release
from tests.releases import make_release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)
LATER = datetime(2026, 7, 24, 2, 30, tzinfo=SEOUL)


def release(**changes) -> Release:
    fields = dict(
        news_id="900000001",
        url="https://www.korea.kr/briefing/pressReleaseView.do?newsId=900000001",
        title="시험 제목",
        published_at=datetime(2026, 7, 22, 20, 53, 46, tzinfo=SEOUL),
        ministry=Ministry(name="외교부", code="A00014", canonical="외교부", name_en="Ministry of Foreign Affairs"),
        body_text="본문",
        body_source="page",
        footnotes=(Footnote(marker="※", text="첫 주석", raw="※ 첫 주석"), Footnote(marker="*", text="둘", raw="* 둘")),
        attachments=(
            Attachment(
                name="a.hwpx",
                url="https://www.korea.kr/common/download.do?fileId=1",
                kind="hwpx",
                sha256="ab" * 32,
                size=10,
                text="첨부 본문",
            ),
        ),
    )
    return make_release(**{**fields, **changes})


@pytest.fixture
def db(tmp_path):
    return open_archive(tmp_path / "briefings.db")


def test_save_new_then_unchanged_then_updated_with_revision(db):
    assert save_briefing(db, release(), seen_at=SEEN) == "new"
    assert save_briefing(db, release(), seen_at=LATER) == "unchanged"
    assert db.table("revisions").count == 0
    edited = release(title="고친 제목", footnotes=(Footnote(marker="※", text="첫 주석", raw="※ 첫 주석"),))
    assert save_briefing(db, edited, seen_at=LATER) == "updated"
    row = db.table("briefings").get(("korea_kr", "900000001"))
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
    assert load_briefing(db, "korea_kr", "900000001") == release().to_dict()
    assert load_briefing(db, "korea_kr", "1") is None


def fail_footnote_inserts(db, text):
    """A write that fails inside the transaction, whatever statement the writer uses."""
    db.execute(
        f"CREATE TEMP TRIGGER fail_footnote BEFORE INSERT ON main.footnotes WHEN NEW.text = '{text}' "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )


def test_a_failing_write_leaves_no_half_record(db):
    save_briefing(db, release(), seen_at=SEEN)
    fail_footnote_inserts(db, "첫 주석")
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        save_briefing(db, release(title="새 제목"), seen_at=LATER)
    assert db.table("briefings").get(("korea_kr", "900000001"))["title"] == "시험 제목"
    assert db.table("footnotes").count == 2 and db.table("revisions").count == 0


def numbered(n: int, **changes) -> Release:
    news_id = str(900000100 + n)
    return release(
        **{
            "news_id": news_id,
            "url": f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={news_id}",
            "title": f"제목 {n}",
            "body_text": f"본문 {n}번째 문단",
            **changes,
        }
    )


def snapshot(db) -> dict:
    tables = ("briefings", "revisions", "attachments", "contacts", "footnotes", "attendees", "search_documents")
    out = {table: sorted(map(repr, db.execute(f"SELECT * FROM [{table}]").fetchall())) for table in tables}
    out["revisions"] = sorted(
        map(
            repr,
            db.execute("SELECT news_id, content_hash, record, changed_fields, superseded_at FROM revisions").fetchall(),
        )
    )
    return out


def test_save_briefings_mixes_new_unchanged_and_updated_with_revisions(db):
    assert save_briefings(db, [numbered(1), numbered(2), numbered(3)], seen_at=SEEN) == ["new"] * 3
    batch = [
        numbered(4),
        numbered(1),
        numbered(2, title="고친 제목 2", footnotes=()),
        numbered(3, body_text="새 본문"),
        numbered(5),
    ]
    assert save_briefings(db, batch, seen_at=LATER) == ["new", "unchanged", "updated", "updated", "new"]
    two = db.table("briefings").get(("korea_kr", "900000102"))
    assert two["title"] == "고친 제목 2" and two["first_seen_at"] == SEEN.isoformat()
    assert two["updated_at"] == LATER.isoformat() and two["content_hash"] == batch[2].content_hash()
    assert db.table("briefings").get(("korea_kr", "900000101"))["updated_at"] == SEEN.isoformat()
    revisions = {r["news_id"]: r for r in db.table("revisions").rows}
    assert set(revisions) == {"900000102", "900000103"}
    assert json.loads(revisions["900000102"]["changed_fields"]) == ["footnotes", "title"]
    assert json.loads(revisions["900000103"]["changed_fields"]) == ["body_text"]
    assert json.loads(revisions["900000102"]["record"]) == numbered(2).to_dict()
    assert revisions["900000102"]["content_hash"] == numbered(2).content_hash()
    assert db.execute("SELECT count(*) FROM footnotes WHERE news_id = '900000102'").fetchone()[0] == 0
    assert db.table("footnotes").count == 4 * 2 and db.table("attachments").count == 5
    for r in batch:
        assert load_briefing(db, "korea_kr", r.news_id) == r.to_dict()
    assert ids(search(db, "새 본문")) == {"900000103"} and ids(search(db, "고친")) == {"900000102"}
    assert ids(search(db, "5번째")) == {"900000105"} and ids(search(db, "3번째")) == set()
    assert db.table("search_documents").count == 5


def ids(hits):
    return {hit.news_id for hit in hits}


def test_save_briefings_is_all_or_nothing(db):
    save_briefings(db, [numbered(1), numbered(2)], seen_at=SEEN)
    before = snapshot(db)
    fail_footnote_inserts(db, "나쁜 주석")
    bad = numbered(4, footnotes=(Footnote(marker="※", text="나쁜 주석"),))
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        save_briefings(db, [numbered(1, title="고침"), numbered(3), bad, numbered(5)], seen_at=LATER)
    assert snapshot(db) == before
    assert search(db, "고침") == [] and not db.conn.in_transaction


def test_save_briefings_equals_saving_one_by_one(tmp_path):
    rounds = [
        [numbered(1), numbered(2), numbered(3)],
        [numbered(2, title="바뀐 제목"), numbered(1), numbered(4), numbered(3, warnings=("경고",))],
        # one news id twice in a batch: saved in order, the second against the first
        [numbered(4, body_text="둘째 판"), numbered(5), numbered(4, body_text="셋째 판"), numbered(5)],
    ]
    one, many = open_archive(tmp_path / "one.db"), open_archive(tmp_path / "many.db")
    for n, releases in enumerate(rounds):
        seen = SEEN.replace(day=SEEN.day + n)
        singles = [save_briefing(one, r, seen_at=seen) for r in releases]
        assert save_briefings(many, releases, seen_at=seen) == singles
    assert singles == ["updated", "new", "updated", "unchanged"]
    assert snapshot(one) == snapshot(many)
    assert [hit.news_id for hit in search(one, "판")] == [hit.news_id for hit in search(many, "판")] == ["900000104"]


def test_rebuild_many_saves_in_batches_and_loses_only_the_bad_release(db, monkeypatch):
    from briefing_spider.archive import rebuild

    built = {r.news_id: r for r in (numbered(n) for n in range(1, 8))}
    built["900000105"] = numbered(5, footnotes=(Footnote(marker="※", text="나쁜 주석"),))

    def submit(db, store, key, pool):
        news_id = key[1]
        if news_id == "900000102":
            return rebuild._done(error=ValueError("no title"))
        return rebuild._done(result=rebuild.Built(release=built[news_id]))

    monkeypatch.setattr(rebuild, "submit_build", submit)
    fail_footnote_inserts(db, "나쁜 주석")
    keys = [("korea_kr", news_id) for news_id in built]
    results = list(rebuild.rebuild_many(db, None, keys, seen_at=SEEN, pool=None, batch=3))
    assert [key for key, _ in results] == keys
    outcomes = [o if isinstance(o, str) else type(o).__name__ for _, o in results]
    assert outcomes == ["new", "ValueError", "new", "new", "IntegrityError", "new", "new"]
    assert {r["news_id"] for r in db.table("briefings").rows} == set(built) - {"900000102", "900000105"}


def test_content_hash_of_the_record_is_the_release_hash():
    r = release(warnings=("경고",), modified_at=LATER)
    assert content_hash(r.to_dict()) == r.content_hash()


def test_raw_store_is_content_addressed_and_refetch_only_moves_last_seen(db, tmp_path):
    store = RawStore(raw_dir_for(tmp_path / "briefings.db"))
    fetched = Fetched(
        url="http://x/a",
        status=200,
        body=b"%PDF-1.4 body",
        fetched_at=SEEN,
        role="attachment",
        news_id="9",
        headers={"Content-Type": "application/pdf"},
    )
    first = save_fetched(db, store, "korea_kr", fetched)
    again = save_fetched(db, store, "korea_kr", Fetched(**{**fetched.__dict__, "fetched_at": LATER}))
    assert db.table("raw_responses").count == 1
    assert again["fetched_at"] == SEEN.isoformat() and again["last_fetched_at"] == LATER.isoformat()
    assert first["kind"] == "pdf" and first["size"] == len(fetched.body)
    assert store.get(first["sha256"]) == fetched.body
    assert store.path(first["sha256"]).parent.parent == tmp_path / "briefings.raw"
    assert not list(store.root.rglob(".tmp-*"))


def test_latest_good_fetch_survives_a_later_failure_or_error_page(db, tmp_path):
    store = RawStore(tmp_path / "raw")
    save_fetched(
        db,
        store,
        "korea_kr",
        Fetched(url="http://x/a", status=200, body=b"%PDF-1.4 good\n%%EOF\n", fetched_at=SEEN, role="attachment"),
    )
    save_fetched(
        db,
        store,
        "korea_kr",
        Fetched(
            url="http://x/a",
            status=0,
            body=b"",
            fetched_at=LATER,
            role="attachment",
            error="TimeoutError: took too long",
        ),
    )
    assert attachment_part(db, store, "http://x/a").body == b"%PDF-1.4 good\n%%EOF\n"  # a failure hides nothing
    later = datetime(2026, 7, 25, 2, 30, tzinfo=SEOUL)
    save_fetched(
        db,
        store,
        "korea_kr",
        Fetched(
            url="http://x/a",
            status=200,
            fetched_at=later,
            role="attachment",
            body=b"<html><head><title>Error</title></head></html>",
        ),
    )
    part = attachment_part(db, store, "http://x/a")  # what a rebuild reads: the last good bytes
    assert part.body == b"%PDF-1.4 good\n%%EOF\n" and part.error is None
    kinds = [row["kind"] for row in db.query("SELECT kind FROM raw_responses ORDER BY last_fetched_at")]
    assert kinds == ["pdf", None, "html"]  # the failure and the error page are kept too
    through_a_mirror = attachment_part(db, store, "https://www.korea.kr/a")  # by path, whatever the host
    assert through_a_mirror.body == part.body


def test_an_error_page_held_is_not_hidden_by_a_later_failure(db, tmp_path):
    store = RawStore(tmp_path / "raw")
    page = b"<html><head><title>Error</title></head></html>"
    save_fetched(
        db, store, "korea_kr", Fetched(url="http://x/b", status=200, body=page, fetched_at=SEEN, role="attachment")
    )
    failed = Fetched(url="http://x/b", status=0, body=b"", fetched_at=LATER, role="attachment", error="ConnectionLost")
    save_fetched(db, store, "korea_kr", failed)
    part = attachment_part(db, store, "http://x/b")  # the site's answer, not the later silence
    assert part.body == page and part.error is None
    save_fetched(db, store, "korea_kr", Fetched(**{**failed.__dict__, "url": "http://x/c"}))
    assert attachment_part(db, store, "http://x/c").error == "download failed: ConnectionLost"  # never answered


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
