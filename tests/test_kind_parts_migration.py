"""m010_kind_parts carries an archive forward: the kinds' tables appear, crawl_days rows become
press-release counts keyed by kind, crawl_errors get release_kind, and no record's hash moves."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import load_briefing, save_briefing
from briefing_spider.archive.schema import SECTION_TABLES, migrations
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee, Release, Utterance
from tests.old_archive import write_as_before

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)
BEFORE = next(m.name for m in migrations.pending(Database(memory=True)) if "kind_parts" in m.name)


def test_an_archive_from_before_the_kinds_parts_migrates(tmp_path):
    path = tmp_path / "briefings.db"
    old = Database(path)
    migrations.apply(old, stop_before=BEFORE)
    release = Release(
        site="korea_kr",
        news_id="900000001",
        kind="press_release",
        url="https://www.korea.kr/x",
        title="합성",
        published_at=SEEN,
        body_text="본문",
        attendees=(Attendee(name="홍길동"),),
    )
    write_as_before(old, release, seen=SEEN.isoformat())  # as the writer of that schema did
    run_id = old["crawl_runs"].insert({"started_at": SEEN.isoformat(), "status": "finished"}).last_pk
    old["crawl_days"].insert(
        {"run_id": run_id, "site": "korea_kr", "day": "2026-07-22", "site_total": 1, "archived": 1}
    )
    old["crawl_errors"].insert({"run_id": run_id, "url": "u", "kind": "parse", "reason": "r", "at": SEEN.isoformat()})
    stored_hash = old.execute("SELECT content_hash FROM briefings").fetchone()[0]
    old.conn.close()

    db = open_archive(path)
    assert set(SECTION_TABLES) <= set(db.table_names())
    assert db.table("crawl_days").pks == ["run_id", "site", "kind", "day"]
    assert list(db.query("SELECT kind, day, site_total FROM crawl_days")) == [
        {"kind": "press_release", "day": "2026-07-22", "site_total": 1}
    ]
    assert [row["release_kind"] for row in db.query("SELECT release_kind FROM crawl_errors")] == [None]
    assert db.execute("SELECT content_hash FROM briefings").fetchone()[0] == stored_hash == release.content_hash()
    assert load_briefing(db, "korea_kr", "900000001") == release.to_dict()
    assert save_briefing(db, release, seen_at=SEEN) == "unchanged"


def test_a_briefing_with_utterances_is_saved_and_replaced_whole(tmp_path):
    db = open_archive(tmp_path / "briefings.db")
    first = Release(
        site="korea_kr",
        news_id="920000001",
        kind="briefing",
        url="https://www.korea.kr/b",
        title="합성 브리핑",
        published_at=SEEN,
        body_text="본문",
        utterances=(Utterance(speaker="김가나", text="하나"), Utterance(title="기자", text="둘")),
    )
    assert save_briefing(db, first, seen_at=SEEN) == "new"
    second = Release(**{**first.__dict__, "utterances": (Utterance(speaker="김가나", text="고친 하나"),)})
    assert save_briefing(db, second, seen_at=SEEN) == "updated"
    assert [(r["position"], r["text"]) for r in db.query("SELECT * FROM utterances ORDER BY position")] == [
        (0, "고친 하나")
    ]
    assert load_briefing(db, "korea_kr", "920000001") == second.to_dict()
    (changed,) = [r["changed_fields"] for r in db.query("SELECT changed_fields FROM revisions")]
    assert changed == '["utterances"]'
