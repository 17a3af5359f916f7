"""A core that knows no site: the registry, the import rule, the (site, news_id) key and its
migration, and a second (toy) site crawled into the same archive as korea.kr."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from importlib.metadata import EntryPoint

import pytest
from sqlite_utils import Database

from briefing_spider.archive import open_archive, raw_dir_for
from briefing_spider.archive.gather import gather_inputs
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.rebuild import build_best
from briefing_spider.archive.save import CHILD_COLUMNS, SCALAR_FIELDS, content_hash, load_briefing
from briefing_spider.archive.schema import CHILD_TABLES, migrations
from briefing_spider.cli.reparse_cmd import reparse_releases
from briefing_spider.contract import UnknownSite, registry
from briefing_spider.contract.registry import get_site, register, site_names, unregister
from briefing_spider.crawl.spiders import spider_class
from briefing_spider.parse.site_time import SEOUL
from tests.conftest import ROOT
from tests.crawl_helpers import CRAWL_TIMEOUT, crawl
from tests.fixtures.documents import make_hwpx
from tests.mirror_data import days_from, synthetic_releases
from tests.old_archive import save_mirror_as_before
from tests.site import Mirror, MirrorAttachment, MirrorRelease
from tests.toy_site import SITE as TOY
from tests.toy_site.server import ToyNotice, ToyServer

PACKAGE = ROOT / "briefing_spider"
SITES = PACKAGE / "sites"
SEEN = datetime(2026, 4, 13, 12, tzinfo=SEOUL)


def test_the_registry_knows_korea_kr_and_takes_a_site_at_run_time():
    korea = get_site("korea_kr")
    assert korea.kinds == ("press_release", "briefing", "fact_check", "state_council") and "www.korea.kr" in korea.hosts
    assert spider_class(korea, "site").name == "korea_kr_press" and spider_class(korea, "api").name == "korea_kr_api"
    with pytest.raises(UnknownSite, match="toy"):
        get_site("toy")
    register(TOY)
    try:
        assert get_site("toy") is TOY and "toy" in site_names()
    finally:
        unregister("toy")
    assert "toy" not in site_names()


def test_an_installed_plug_in_site_is_found_by_its_entry_point(monkeypatch):
    plug_in = EntryPoint(name="toy", value="tests.toy_site:SITE", group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [plug_in] if group == plug_in.group else [])
    registry.plugged_in.cache_clear()
    try:
        assert get_site("toy") is TOY and site_names() == ["korea_kr", "toy"]
    finally:
        monkeypatch.undo()
        registry.plugged_in.cache_clear()
    assert "toy" not in site_names()


# --- the migration: an archive written before records had a site -----------------------------

OLD_MIGRATION = next(m.name for m in migrations.pending(Database(memory=True)) if "site_keys" in m.name)
LINES = [
    "□ 가나 장관은 4월 13일(월) 정부청사에서 제3차 가나협의회를 주재하였다.",
    "* 참석자: 산업부 김가나 차관, 가나전자㈜ 이다라 대표",
    "※ 합성 주석입니다.",
    "담당 부서 : 가나정책과",
    "책임자 과  장 홍길동 (044-000-1111)",
]


def mirror_release(news_id: str, title: str) -> MirrorRelease:
    return MirrorRelease(
        news_id=news_id,
        title=title,
        ministry="재정경제부",
        published_at=datetime(2026, 4, 13, 9, tzinfo=SEOUL),
        attachments=[
            MirrorAttachment(file_id=f"{news_id}1", name=f"(보도자료) {title}.hwpx", body=make_hwpx([*LINES, news_id]))
        ],
    )


def save_record_as_before(db, record: dict) -> None:
    """The record as the code before m008 saved it: no site anywhere, its hash over the record
    without a site (what `Release.to_dict()` was)."""
    old = {key: value for key, value in record.items() if key != "site"}
    ministry = old["ministry"] or {}
    db["briefings"].insert(
        {
            "news_id": old["news_id"],
            **{name: old[name] for name in SCALAR_FIELDS if name in db.table("briefings").columns_dict},
            "ministry": ministry.get("name"),
            "ministry_code": ministry.get("code"),
            "ministry_canonical": ministry.get("canonical"),
            "ministry_en": ministry.get("name_en"),
            "warnings": json.dumps(old["warnings"], ensure_ascii=False),
            "content_hash": content_hash(old),
            "first_seen_at": SEEN.isoformat(),
            "updated_at": SEEN.isoformat(),
        }
    )
    for table in CHILD_TABLES:
        columns = [c for c in CHILD_COLUMNS[table] if c not in ("site", "news_id", "position")]
        for position, item in enumerate(old[table]):
            db[table].insert({"news_id": old["news_id"], "position": position, **{c: item[c] for c in columns}})


def test_the_site_migration_keeps_every_row_and_reparse_finds_the_same_records(tmp_path):
    path, store, records = archive_on_old_schema(tmp_path)
    with sqlite3.connect(path) as old:
        before = {
            table: old.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
            for table in ("briefings", *CHILD_TABLES, "revisions", "raw_responses")
        }
        assert "site" not in {row[1] for row in old.execute("PRAGMA table_info(briefings)")}
    assert before["briefings"] == 2 and before["revisions"] == 1 and before["raw_responses"] == 4
    assert min(before[table] for table in CHILD_TABLES) > 0

    db = open_archive(path)  # migrates
    assert db.table("briefings").pks == ["site", "news_id"]
    for table, count in before.items():
        assert db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] == count, table
        assert {row["site"] for row in db.query(f"SELECT DISTINCT site FROM [{table}]")} == {"korea_kr"}, table
    for news_id, record in records.items():
        assert load_briefing(db, "korea_kr", news_id) == record
    assert [hit["site"] for hit in db.query("SELECT site FROM releases")] == ["korea_kr", "korea_kr"]

    # today's parsers add the participants the sentences name (m011) and the structure the
    # documents hold (m013: body_markdown, tables), and change nothing else
    assert reparse_releases(db, store, None, workers=0) == {"updated": 2}
    for news_id, record in records.items():
        reparsed = load_briefing(db, "korea_kr", news_id)
        assert reparsed["body_markdown"]
        assert {**reparsed, "participants": [], "body_markdown": "", "tables": []} == record
    changed = [row[0] for row in db.execute("SELECT changed_fields FROM revisions ORDER BY id")]
    assert changed == ['["title"]', *['["body_markdown", "participants"]'] * 2]
    assert reparse_releases(db, store, None, workers=0) == {"unchanged": 2}


def archive_on_old_schema(tmp_path):
    """The records are built by today's parsers from the raw bytes (on a current archive), then
    written to an archive at the previous schema as the previous code wrote them."""
    current = tmp_path / "current"
    current.mkdir()
    current_db = open_archive(current / "briefings.db")
    current_store = RawStore(raw_dir_for(current / "briefings.db"))
    path = tmp_path / "briefings.db"
    db = Database(path)
    migrations.apply(db, stop_before=OLD_MIGRATION)
    store = RawStore(raw_dir_for(path))
    records = {}
    for release in (mirror_release("900000801", "가나협의회 개최"), mirror_release("900000802", "다라 회의 결과")):
        save_mirror_as_before(db, store, release, seen=SEEN.isoformat())
        save_mirror_as_before(current_db, current_store, release, seen=SEEN.isoformat())
        built = build_best(gather_inputs(current_db, current_store, get_site("korea_kr"), release.news_id)).release
        built = replace(
            built, participants=(), body_markdown="", tables=()
        )  # that schema's code read neither (m011, m013)
        records[release.news_id] = built.to_dict()
        save_record_as_before(db, built.to_dict())
    earlier = {key: value for key, value in records["900000801"].items() if key != "site"}
    db["revisions"].insert(
        {
            "news_id": "900000801",
            "content_hash": "an-earlier-hash",
            "record": json.dumps({**earlier, "title": "가나협의회 개최 (예고)"}, ensure_ascii=False),
            "changed_fields": json.dumps(["title"]),
            "superseded_at": SEEN.isoformat(),
        }
    )
    db.conn.commit()
    db.conn.close()
    return path, store, records


# --- a second site, crawled into the same archive ----------------------------------------------

TOY_NOTICES = [
    ToyNotice(
        news_id="910000000",
        title="장난감 공지 하나",
        published_at="2026-07-20T10:00:00+09:00",
        ministry="외교부",
        body="□ 외교부는 장난감 공지 하나를 알렸다. " + "합성 문장이다. " * 40,
        files=(("910000000-1.hwpx", make_hwpx(["□ 장난감 첨부 하나", "※ 장난감 주석"])),),
    ),
    ToyNotice(
        news_id="7",
        title="장난감 공지 둘",
        published_at="2026-07-20T11:00:00+09:00",
        ministry="보건복지부",
        body="짧은 본문",
        files=(("7-1.hwpx", make_hwpx(["□ 보건복지부는 장난감 공지 둘의 첨부를 냈다.", "※ 둘째 주석"])),),
    ),
    ToyNotice(
        news_id="8",
        title="장난감 공지 셋",
        published_at="2026-07-21T09:30:00+09:00",
        ministry="관세청",
        body="□ 관세청 셋째 공지 본문. " + "합성 문장이다. " * 40,
    ),
]

WITH_TOY = (
    "import sys; from briefing_spider.contract.registry import register; from tests.toy_site import SITE; "
    "register(SITE); from briefing_spider.cli import cli; cli(sys.argv[1:])"
)


def run_with_toy(*args: str) -> subprocess.CompletedProcess:
    """The CLI with the toy site registered (for this process only: nothing is installed)."""
    return subprocess.run(
        [sys.executable, "-c", WITH_TOY, *args], cwd=ROOT, capture_output=True, text=True, timeout=CRAWL_TIMEOUT
    )


@pytest.mark.crawl
def test_a_toy_second_site_is_crawled_into_the_same_archive(tmp_path):
    db_path = tmp_path / "briefings.db"
    day = days_from("2026-07-20", 1)
    korea = synthetic_releases(day, per_day=3, error_page_every=None)
    with Mirror(korea) as mirror:
        result = crawl(mirror, db_path, "--since", day[0], "--until", day[0])
    assert result.returncode == 0, result.stderr
    with ToyServer(TOY_NOTICES) as toy:
        result = run_with_toy(
            "crawl",
            "--site",
            "toy",
            "--base-url",
            toy.base_url,
            "--db",
            str(db_path),
            "--no-polite",
            "--since",
            "2026-07-20",
            "--until",
            "2026-07-21",
        )
    assert result.returncode == 0, result.stderr
    assert "3 new" in result.stdout
    db = Database(db_path)
    by_site = {(row["site"], row["news_id"]): row for row in db.query("SELECT * FROM briefings")}
    assert {key for key in by_site if key[0] == "korea_kr"} == {("korea_kr", r.news_id) for r in korea}
    assert {key for key in by_site if key[0] == "toy"} == {("toy", n.news_id) for n in TOY_NOTICES}
    # the same news id on two sites: two records
    assert by_site[("korea_kr", "910000000")]["title"] == "합성 보도자료 910000000"
    assert by_site[("toy", "910000000")]["title"] == "장난감 공지 하나"
    for notice in TOY_NOTICES:
        row = by_site[("toy", notice.news_id)]
        assert (row["kind"], row["url"]) == ("notice", f"https://toy.example/notice/{notice.news_id}")
        assert row["published_at"] == notice.published_at and row["ministry_canonical"] == notice.ministry
    assert by_site[("toy", "7")]["body_source"] == "hwpx"  # a short page body: the attachment's text
    files = list(db.query("SELECT * FROM attachments WHERE site = 'toy' ORDER BY news_id"))
    assert [(f["news_id"], f["name"], f["kind"]) for f in files] == [
        ("7", "7-1.hwpx", "hwpx"),
        ("910000000", "910000000-1.hwpx", "hwpx"),
    ]
    assert {
        row["site"]
        for row in db.query("SELECT DISTINCT site FROM raw_responses WHERE url LIKE ?", [f"{toy.base_url}%"])
    } == {"toy"}
    footnotes = {(r["site"], r["news_id"]) for r in db.query("SELECT site, news_id FROM footnotes")}
    assert ("toy", "7") in footnotes and ("korea_kr", "910000000") in footnotes

    result = run_with_toy("reparse", "--db", str(db_path), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 new, 0 updated, 6 unchanged, 0 errors"
    result = run_with_toy("search", "장난감", "--db", str(db_path))
    assert result.returncode == 0 and "장난감 공지" in result.stdout, result.stderr
    assert run_with_toy("search", "장난감", "--site", "korea_kr", "--db", str(db_path)).returncode == 1
    out = tmp_path / "toy.jsonl"
    result = run_with_toy("export", "--format", "jsonl", "--site", "toy", "--out", str(out), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((r["site"], r["news_id"], r["kind"]) for r in exported) == sorted(
        ("toy", n.news_id, "notice") for n in TOY_NOTICES
    )
