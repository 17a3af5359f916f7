"""Done-when of issue 18: `briefing who` finds a vice-minister's visit that only a sentence
reports. The archive is built with the one writer from the test mirror's synthetic release
(tests/mirror_data.py: `vice_minister_visit_release`) read as a crawl reads it; plus `--as`,
the people views counting participants, and m011 on an archive from before it."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from urllib.parse import urljoin

from click.testing import CliRunner
from sqlite_utils import Database

from briefing_spider.archive import open_archive, raw_dir_for
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.rebuild import build_from_inputs, gather_inputs
from briefing_spider.archive.save import save_briefing
from briefing_spider.archive.schema import migrations
from briefing_spider.archive.who import who
from briefing_spider.cli import cli
from briefing_spider.contract import AttachmentLink, DetailPage
from briefing_spider.contract.registry import get_site
from briefing_spider.parse.assemble import AttachmentPart, build_release
from briefing_spider.parse.site_time import SEOUL
from tests.mirror_data import vice_minister_visit_release
from tests.old_archive import save_mirror_as_before, write_as_before
from tests.site import MirrorRelease, download_url

SEEN = datetime(2026, 4, 15, 2, 30, tzinfo=SEOUL)
SITE = "https://www.korea.kr"


def built(mirror: MirrorRelease):
    """The release as `build_release` makes it from the mirror's page parts and attachments."""
    links = [
        AttachmentLink(name=a.name, url=urljoin(SITE, download_url(a.file_id)), file_id=a.file_id)
        for a in mirror.attachments
    ]
    detail = DetailPage(
        news_id=mirror.news_id,
        url=f"{SITE}/briefing/pressReleaseView.do?newsId={mirror.news_id}",
        title=mirror.title,
        published_at=mirror.published_at,
        modified_at=None,
        ministry=mirror.ministry,
        ministry_code=None,
        body_html="",
        body_text="",
        attachments=tuple(links),
    )
    parts = [AttachmentPart(link=link, body=a.body) for link, a in zip(links, mirror.attachments, strict=True)]
    return build_release(detail, parts, site="korea_kr", section=get_site("korea_kr").section("press_release"))


def archive(tmp_path):
    path = tmp_path / "briefings.db"
    db = open_archive(path)
    save_briefing(db, built(vice_minister_visit_release()), seen_at=SEEN)
    return path, db


def test_who_finds_a_vice_ministers_visit_that_only_sentences_report(tmp_path):
    _, db = archive(tmp_path)
    answer = who(db, "홍길동")
    rows = [(a.source, a.organization, a.title, a.role, a.release_title) for a in answer.appearances]
    title = "[차관동정] 홍길동 제1차관, 다라시 도심 재개발 현장 방문"
    assert rows == [
        ("participant", "가나부", "제1차관", "방문", title),
        ("participant", "가나부", "제1차관", "주재", title),
        ("participant", "가나부", "제1차관", "면담", title),
    ]
    assert [m.label for m in answer.people_met] == ["마바공사 이구름 사장"]  # a counterpart met is someone met
    (person,) = db.query("SELECT * FROM people WHERE name = '홍길동'")
    assert (person["person_id"], person["as_participant"], person["as_attendee"]) == ("가나부:홍길동", 3, 0)
    names = {row["name"] for row in db.query("SELECT name FROM participants")}
    assert names == {"홍길동", "이구름"}  # not the head in the parenthesis, not the footnote's 최하늘


def test_briefing_who_as_narrows_the_sources_and_shows_events_before_contacts(tmp_path):
    path, _ = archive(tmp_path)
    runner = CliRunner()
    shown = runner.invoke(cli, ["who", "가나부", "--db", str(path)])
    assert shown.exit_code == 0, shown.output
    sources = re.findall(r"  \((attendee|participant|contact)\)  ", shown.output)
    assert sources[:3] == ["participant"] * 3 and sources[-1] == "contact"
    only = runner.invoke(cli, ["who", "가나부", "--as", "contact", "--json", "--db", str(path)])
    assert {a["source"] for a in json.loads(only.output)["appearances"]} == {"contact"}
    nobody = runner.invoke(cli, ["who", "홍길동", "--as", "attendee", "--db", str(path)])
    assert nobody.exit_code == 1
    wrong = runner.invoke(cli, ["who", "홍길동", "--as", "speaker", "--db", str(path)])
    assert wrong.exit_code == 2 and "--as" in wrong.output


def test_co_attendance_pairs_a_participant_with_the_counterpart_met(tmp_path):
    _, db = archive(tmp_path)
    pairs = {(row["a_id"], row["b_id"]) for row in db.query("SELECT a_id, b_id FROM co_attendance")}
    assert pairs == {("가나부:홍길동", "마바공사:이구름")}


def test_m011_on_an_archive_from_before_it_and_reparse_fills_participants(tmp_path):
    path = tmp_path / "briefings.db"
    old = Database(path)
    migrations.apply(old, stop_before="m011_participants")
    store = RawStore(raw_dir_for(path))
    visit = vice_minister_visit_release()
    plain = MirrorRelease(
        news_id="930000419", title="가나부, 다라 통계 발표", published_at=visit.published_at, ministry="가나부"
    )
    for mirror in (visit, plain):
        save_mirror_as_before(old, store, mirror, seen=SEEN.isoformat())
    for news_id in (visit.news_id, plain.news_id):  # as reparse builds it, less what m011 adds: the code before
        record = build_from_inputs(gather_inputs(old, store, get_site("korea_kr"), news_id))
        write_as_before(old, replace(record, participants=()), seen=SEEN.isoformat())
    old.conn.close()

    from briefing_spider.cli.reparse_cmd import reparse_releases

    db = open_archive(path)
    assert db.table("participants").exists() and db.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    views = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name in ("appearances", "people", "co_attendance"):  # they count participants now
        assert "participant" in views[name]
    assert reparse_releases(db, store, None, workers=0) == {"updated": 1, "unchanged": 1}
    assert db.execute("SELECT count(*) FROM participants").fetchone()[0] == 4
    assert reparse_releases(db, store, None, workers=0) == {"unchanged": 2}
