"""Values an analyst can query (titles, e-mail, canonical ministry, item sources), and the
migration that adds them to archives written before: `briefing reparse` fills them."""

import datetime as dt
import sqlite3
from datetime import datetime

import pytest
from sqlite_utils import Database

from briefing_spider.archive import open_archive, raw_dir_for
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.schema import migrations
from briefing_spider.cli.reparse_cmd import reparse_releases
from briefing_spider.parse.item_values import canonical_organization, email_of, query_title
from briefing_spider.parse.site_time import SEOUL
from tests.fixtures.documents import make_hwpx
from tests.old_archive import save_mirror_as_before
from tests.site import MirrorAttachment, MirrorRelease

ON = dt.date(2026, 4, 13)
SEEN = datetime(2026, 4, 13, 12, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("과  장", "과장"),
        ("과 장", "과장"),
        ("대표 이사", "대표이사"),
        ("2차관", "2차관"),
        ("IT 팀장", "IT 팀장"),
        ("  ", None),
        (None, None),
    ],
)
def test_query_title_joins_korean_words(title, expected):
    assert query_title(title) == expected


def test_email_of_a_contact_line():
    assert email_of("국제금융과 | 담당자 | 사무관 | 이가나 | (lgn703@example.go.kr)") == "lgn703@example.go.kr"
    assert email_of("책임자 과장 홍길동 (044-000-1111)") is None


@pytest.mark.parametrize(
    ("organization", "on", "expected"),
    [
        ("산업부", ON, "산업통상부"),  # a short form, renamed 2025-10-01
        ("산업부", dt.date(2024, 5, 1), "산업통상자원부"),  # the same short form before the rename
        ("환경부", ON, "기후에너지환경부"),  # a name that had already ended
        ("복지부", ON, "보건복지부"),
        ("경 찰 청", ON, "경찰청"),
        ("기후부 전기위원회", ON, "기후에너지환경부 전기위원회"),  # a ministry's body keeps its own name
        ("가나전자㈜", ON, None),
        ("국회", ON, None),
        ("한빛대학교", ON, None),
        (None, ON, None),
    ],
)
def test_canonical_organization_through_the_registry_on_the_release_date(organization, on, expected):
    assert canonical_organization(organization, on=on) == expected


NEW_MIGRATION = next(m.name for m in migrations.pending(Database(memory=True)) if "item_sources" in m.name)
RELEASE_LINES = [
    "□ 가나 장관은 4월 13일(월) 정부청사에서 제3차 가나협의회를 주재하였다.",
    "* 참석자: 산업부 김가나 차관, 가나전자㈜ 이다라 대표",
    "담당 부서 : 가나정책과",
    "책임자 과  장 홍길동 (044-000-1111)",
    "담당자 사무관 김철수 (kcs@example.go.kr)",
]


def archive_written_before_the_migration(tmp_path):
    """An archive at the schema before the new columns, holding one release's raw responses and
    the record the previous code saved from them (rows without the new columns)."""
    path = tmp_path / "briefings.db"
    db = Database(path)
    migrations.apply(db, stop_before=NEW_MIGRATION)
    store = RawStore(raw_dir_for(path))
    mirror = MirrorRelease(
        news_id="900000777",
        title="가나협의회 개최",
        ministry="재정경제부",
        published_at=datetime(2026, 4, 13, 9, tzinfo=SEOUL),
        attachments=[MirrorAttachment(file_id="77", name="(보도자료) 가나협의회.hwpx", body=make_hwpx(RELEASE_LINES))],
    )
    detail_url = save_mirror_as_before(db, store, mirror, seen=SEEN.isoformat())
    db["briefings"].insert(
        {
            "news_id": mirror.news_id,
            "kind": "press_release",
            "url": detail_url,
            "title": mirror.title,
            "published_at": mirror.published_at.isoformat(),
            "content_hash": "saved-by-the-previous-code",
        }
    )
    db["contacts"].insert(
        {
            "news_id": mirror.news_id,
            "position": 0,
            "title": "과  장",
            "name": "홍길동",
            "raw": "책임자 과  장 홍길동 (044-000-1111)",
        }
    )
    db["attendees"].insert(
        {
            "news_id": mirror.news_id,
            "position": 0,
            "organization": "산업부",
            "name": "김가나",
            "title": "차관",
            "raw": "산업부 김가나 차관",
        }
    )
    db.conn.commit()
    db.conn.close()
    return path, store


def test_the_migration_carries_an_archive_forward_and_reparse_fills_the_new_columns(tmp_path):
    path, store = archive_written_before_the_migration(tmp_path)
    with sqlite3.connect(path) as old:
        assert "organization_canonical" not in {row[1] for row in old.execute("PRAGMA table_info(attendees)")}
    db = open_archive(path)
    carried = next(db.query("SELECT * FROM attendees"))
    assert carried["organization"] == "산업부" and carried["organization_canonical"] is None
    assert next(db.query("SELECT email FROM contacts"))["email"] is None

    assert next(db.query("SELECT path FROM raw_responses WHERE role = 'detail'"))["path"].startswith("/briefing/")
    assert reparse_releases(db, store, None, workers=0) == {"updated": 1}
    contacts = list(db.query("SELECT title, email, attachment_position FROM contacts ORDER BY position"))
    assert contacts == [
        {"title": "과장", "email": None, "attachment_position": 0},
        {"title": "사무관", "email": "kcs@example.go.kr", "attachment_position": 0},
    ]
    attendees = list(
        db.query(
            "SELECT organization, organization_canonical, title, attachment_position FROM attendees ORDER BY position"
        )
    )
    assert attendees[0] == {
        "organization": "산업부",
        "organization_canonical": "산업통상부",
        "title": "차관",
        "attachment_position": 0,
    }
    assert attendees[1]["organization_canonical"] is None and attendees[1]["organization"] == "가나전자㈜"
    assert {row["attachment_position"] for row in db.query("SELECT attachment_position FROM footnotes")} == {0}
    seen = list(
        db.query(
            "SELECT organization_canonical, attachment_name FROM attendee_appearances "
            "WHERE organization_canonical = '산업통상부' AND title = '차관'"
        )
    )
    assert seen == [{"organization_canonical": "산업통상부", "attachment_name": "(보도자료) 가나협의회.hwpx"}]
    assert next(db.query("SELECT count(*) AS n FROM contacts WHERE title = '과장'"))["n"] == 1
