"""Releases' Markdown and tables in the archive: m013 carries an old archive forward without
changing a record, `briefing reparse` fills them, the writer replaces them with their record,
and the budget question of docs/querying.md is one SQL query."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive import open_archive, raw_dir_for
from briefing_spider.archive.gather import gather_inputs
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.rebuild import build_from_inputs
from briefing_spider.archive.save import content_hash, load_briefing, save_briefing
from briefing_spider.archive.schema import migrations
from briefing_spider.cli.reparse_cmd import reparse_releases
from briefing_spider.contract.registry import get_site
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Release, ReleaseTable
from tests.conftest import ROOT
from tests.fixtures.documents import press_release_hwpx
from tests.old_archive import save_mirror_as_before, write_as_before
from tests.site import MirrorAttachment, MirrorRelease

SEEN = datetime(2026, 4, 13, 12, tzinfo=SEOUL)
MIGRATION = "m013_release_markdown"
QUERYING = (ROOT / "docs" / "querying.md").read_text(encoding="utf-8")


def budget_query() -> str:
    """The query docs/querying.md gives for "every budget table of 2026 with 억원 in its header"."""
    (query,) = [
        block for block in re.findall(r"```sql\n(.*?)```", QUERYING, re.S) if "every budget table of 2026" in block
    ]
    return query


def archive_before_the_migration(tmp_path):
    """An archive at the schema before m013: one release's raw detail page and HWPX, and the
    record the code of that schema saved (no Markdown, no tables)."""
    path = tmp_path / "briefings.db"
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATION)
    store = RawStore(raw_dir_for(path))
    mirror = MirrorRelease(
        news_id="900000888",
        title="가나부 추경 확정",
        ministry="재정경제부",
        published_at=datetime(2026, 4, 13, 9, tzinfo=SEOUL),
        attachments=[MirrorAttachment(file_id="88", name="(보도자료) 가나부 추경.hwpx", body=press_release_hwpx())],
    )
    save_mirror_as_before(db, store, mirror, seen=SEEN.isoformat())
    built = build_from_inputs(gather_inputs(db, store, get_site("korea_kr"), "900000888"))
    before = replace(built, body_markdown="", tables=())
    write_as_before(db, before, seen=SEEN.isoformat())
    db.conn.close()
    return path, store, before


def test_the_migration_changes_no_record_and_reparse_fills_markdown_and_tables(tmp_path):
    path, store, before = archive_before_the_migration(tmp_path)
    db = open_archive(path)
    row = next(db.query("SELECT body_markdown, content_hash FROM briefings"))
    assert row == {"body_markdown": None, "content_hash": before.content_hash()}
    assert db.table("tables").count == 0
    assert load_briefing(db, "korea_kr", "900000888") == before.to_dict()

    assert reparse_releases(db, store, None, workers=0) == {"updated": 1}
    markdown = next(db.query("SELECT body_markdown FROM briefings"))["body_markdown"]
    assert markdown.startswith("# 가나부 추경 확정\n") and "## 담당 부서" in markdown
    assert markdown.rstrip().endswith("## 첨부파일\n\n- (보도자료) 가나부 추경.hwpx")
    (table,) = db.query("SELECT * FROM tables")
    assert table["attachment_position"] == 0 and table["number"] == 1 and table["unit"] == "억원"
    assert json.loads(table["header"]) == ["구분", "’26년 본예산", "’26년 추경", "증감"]
    assert json.loads(table["rows"])[0] == ["총지출", "1,000", "1,500", "+500"]
    assert (table["n_rows"], table["n_columns"]) == (2, 4)
    assert db.table("revisions").count == 0  # gaining the Markdown is no new version of the release
    assert reparse_releases(db, store, None, workers=0) == {"unchanged": 1}


def test_a_record_without_markdown_or_tables_hashes_as_before():
    release = Release(
        site="korea_kr", news_id="1", kind="press_release", url="u", title="t", published_at=SEEN, body_text="본문"
    )
    old_shape = {k: v for k, v in release.to_dict().items() if k not in ("body_markdown", "tables")}
    assert release.content_hash() == content_hash(old_shape)
    assert replace(release, body_markdown="# t\n").content_hash() != release.content_hash()


def test_the_writer_replaces_a_records_tables_with_it(tmp_path):
    db = open_archive(tmp_path / "briefings.db")
    first = budget_release("1", "2026-04-13", "가나 예산", header=("구분", "예산(억원)"))
    assert save_briefing(db, first, seen_at=SEEN) == "new"
    second = replace(first, tables=(replace(first.tables[0], rows=(("가", "3"),)),))
    assert save_briefing(db, second, seen_at=SEEN) == "updated"
    assert [json.loads(r["rows"]) for r in db.query("SELECT rows FROM tables")] == [[["가", "3"]]]
    assert load_briefing(db, "korea_kr", "1") == second.to_dict()


def budget_release(news_id, day, title, *, header, unit=None, caption=None) -> Release:
    table = ReleaseTable(number=1, caption=caption, unit=unit, header=header, rows=(("총계", "1,000"),))
    return Release(
        site="korea_kr",
        news_id=news_id,
        kind="press_release",
        url=f"https://www.korea.kr/{news_id}",
        title=title,
        published_at=datetime.fromisoformat(f"{day}T09:00:00+09:00"),
        body_text="본문",
        body_markdown=f"# {title}\n",
        tables=(table,),
    )


def test_every_budget_table_of_2026_with_its_unit_in_the_header_is_one_query(tmp_path):
    db = open_archive(tmp_path / "briefings.db")
    releases = [
        budget_release("1", "2026-04-13", "2026년 추경 확정", header=("구분", "예산(억원)")),
        budget_release("2", "2026-05-02", "가나 사업 예산 현황", header=("구분", "금액"), unit="억원"),
        budget_release("3", "2025-12-30", "2025년 추경 확정", header=("구분", "예산(억원)")),  # not 2026
        budget_release("4", "2026-06-01", "추경 집행 점검", header=("구분", "인원(명)")),  # not in 억원
        budget_release("5", "2026-06-02", "행사 개최", header=("구분", "비용(억원)")),  # no budget
    ]
    for release in releases:
        save_briefing(db, release, seen_at=SEEN)
    found = [row["news_id"] for row in db.query(budget_query())]
    assert found == ["1", "2"]
