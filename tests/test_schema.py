from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from briefing_spider.archive import open_archive
from briefing_spider.archive.descriptions import describe
from briefing_spider.archive.save import save_briefing
from briefing_spider.archive.schema_doc import data_tables, render_fresh
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee, Footnote, Ministry
from tests.releases import make_release

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)
SCHEMA_DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def release(news_id, published, *, attendees=(), ministry="외교부", canonical="외교부", **changes):
    return make_release(
        news_id,
        published_at=published,
        ministry=Ministry(name=ministry, code="A00014", canonical=canonical),
        body_text="본문 " * 10,
        body_source="page",
        attendees=attendees,
        **changes,
    )


@pytest.fixture
def db(tmp_path):
    return open_archive(tmp_path / "briefings.db")


def test_docs_schema_md_is_up_to_date():
    assert SCHEMA_DOC.read_text(encoding="utf-8") == render_fresh(), (
        "docs/schema.md is stale: python -m briefing_spider.archive.schema_doc > docs/schema.md"
    )


def test_every_table_view_and_column_is_described(db):
    for name in data_tables(db) + db.view_names():
        columns = (db.view(name) if name in db.view_names() else db.table(name)).columns
        assert describe(name), name
        assert [c.name for c in columns if not describe(name, c.name)] == [], name


def test_ministries_table_holds_the_registry_with_predecessors(db):
    rows = {r["name"]: r for r in db.query("SELECT * FROM ministries WHERE valid_to IS NULL")}
    assert rows["기후에너지환경부"]["predecessors"] and "환경부" in rows["기후에너지환경부"]["predecessors"].split("|")
    old = next(db.query("SELECT * FROM ministries WHERE name = '외교통상부'"))
    assert old["successor"] == "외교부" and old["valid_to"] == "2013-03-23"


def test_attendee_appearances_answers_who_attended_what_in_a_year(db):
    vice = Attendee(organization="외교부", name="박윤주", title="2차관", raw="외교부 2차관 박윤주")
    other = Attendee(organization="산업통상부", name="김무명", title="차관", raw="산업통상부 차관 김무명")
    save_briefing(db, release("1", datetime(2024, 3, 1, 9, tzinfo=SEOUL), attendees=(vice, other)), seen_at=SEEN)
    save_briefing(db, release("2", datetime(2024, 11, 5, 9, tzinfo=SEOUL), attendees=(vice,)), seen_at=SEEN)
    save_briefing(db, release("3", datetime(2025, 1, 2, 9, tzinfo=SEOUL), attendees=(vice,)), seen_at=SEEN)
    rows = list(
        db.query(
            "SELECT news_id, published_date, release_title FROM attendee_appearances "
            "WHERE organization = '외교부' AND title = '2차관' AND published_date LIKE '2024-%' "
            "ORDER BY published_date"
        )
    )
    assert [(r["news_id"], r["published_date"]) for r in rows] == [("1", "2024-03-01"), ("2", "2024-11-05")]
    assert rows[0]["release_title"] == "제목 1"


def test_releases_view_counts_children_and_uses_the_canonical_ministry(db):
    notes = (Footnote(marker="※", text="하나"), Footnote(marker="*", text="둘"))
    save_briefing(
        db,
        release(
            "7", datetime(2024, 5, 1, tzinfo=SEOUL), ministry="환경부", canonical="기후에너지환경부", footnotes=notes
        ),
        seen_at=SEEN,
    )
    row = next(db.query("SELECT * FROM releases WHERE news_id = '7'"))
    assert row["ministry"] == "기후에너지환경부" and row["ministry_as_written"] == "환경부"
    assert (row["footnote_count"], row["attachment_count"], row["revision_count"]) == (2, 0, 0)
    assert row["text_length"] == len("본문 " * 10) and row["published_month"] == "2024-05"


def test_latest_revisions_shows_only_the_newest_change(db):
    day = datetime(2024, 5, 1, tzinfo=SEOUL)
    for n, title in enumerate(["첫", "둘째", "셋째"]):
        save_briefing(db, replace(release("9", day), title=title), seen_at=SEEN.replace(day=20 + n))
    (row,) = db.query("SELECT * FROM latest_revisions")
    assert row["revision_count"] == 2 and row["title"] == "셋째"
    assert row["last_changed_at"] == SEEN.replace(day=22).isoformat()
    assert row["current_content_hash"] == db.table("briefings").get(("korea_kr", "9"))["content_hash"]


def test_foreign_keys_stay_on_after_the_new_migrations(db):
    assert next(iter(db.query("PRAGMA foreign_keys")))["foreign_keys"] == 1
    assert list(db.query("PRAGMA foreign_key_check")) == []
