"""People and organisations across releases: organisation keys, the views, `briefing who`."""

from __future__ import annotations

import datetime as dt
import json
from datetime import datetime

import pytest

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.archive.who import UnknownWho, who
from briefing_spider.parse.item_values import attendee_values, contact_organization_keys
from briefing_spider.parse.organizations import is_ministry_key, normalize_body_name, organization_key
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee, Contact, Ministry, Release
from tests.crawl_helpers import run_cli

SEEN = datetime(2026, 7, 23, 2, 30, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "written, on, key",
    [
        ("산업부", dt.date(2024, 1, 2), "motie"),
        ("산업통상자원부", dt.date(2024, 1, 2), "motie"),
        ("산업부", dt.date(2026, 4, 13), "motie"),  # 산업통상부 since 2025-10-01: one lineage
        ("지식경제부", None, "motie"),
        ("산업부 무역정책관실", dt.date(2026, 4, 13), "motie"),  # the unit stays in `organization`
        ("외교부", None, "mofa"),
        ("㈜ 한국 전력 등", None, "한국전력"),
        ("(주)가나화학", None, "가나화학"),
        ("가나화학 주식회사", None, "가나화학"),
        ("서울과학고등", None, "서울과학고등"),  # a word ending in 등 keeps it
        ("핵심광물 관련 기업", None, "핵심광물관련기업"),  # unknown bodies are their own, no guess
        ("등", None, None),
        ("  ", None, None),
        (None, None, None),
    ],
)
def test_organization_key_is_the_lineage_or_the_normalised_name(written, on, key):
    assert organization_key(written, on=on) == key


def test_ministry_keys_are_told_from_body_names():
    assert is_ministry_key("motie") and not is_ministry_key("가나화학")
    assert normalize_body_name("㈜") is None


def test_a_contact_belongs_to_the_ministry_its_department_names_else_the_publisher():
    own, other = Contact(department="통상정책과", name="홍길동"), Contact(department="국토부 주택정책과", name="김철수")
    keyed = contact_organization_keys((own, other), ministry="산업통상자원부", on=dt.date(2024, 1, 2))
    assert [c.organization_key for c in keyed] == ["motie", "molit"]


def _attendee(organization, name, title, on):
    return attendee_values(
        Attendee(organization=organization, name=name, title=title, raw=f"{organization} {name or ''} {title or ''}"),
        on=on,
    )


def _release(news_id, day, attendees, contacts=()):
    published = datetime.fromisoformat(day).replace(hour=9, tzinfo=SEOUL)
    return Release(
        site="korea_kr",
        news_id=news_id,
        kind="press_release",
        url=f"https://www.korea.kr/{news_id}",
        title=f"회의 {news_id}",
        published_at=published,
        ministry=Ministry(name="산업부", canonical="산업통상자원부"),
        body_text="본문",
        body_source="page",
        contacts=contacts,
        attendees=tuple(_attendee(*a, on=published.date()) for a in attendees),
    )


@pytest.fixture
def archive(tmp_path):
    """Three meetings: 가상인 is 2차관 then 1차관 of 산업부 / 산업통상부 (one lineage); a 가상인
    of a company is another person; 산업정책실장 without a name is a position."""
    db = open_archive(tmp_path / "briefings.db")
    releases = [
        _release(
            "1",
            "2024-09-20",
            [
                ("산업통상자원부", "가상인", "2차관"),
                ("(주)가나화학", "이대표", "대표이사"),
                ("산업부", None, "산업정책실장"),
            ],
            contacts=(
                Contact(department="산업정책과", role="책임자", title="과장", name="박담당", organization_key="motie"),
            ),
        ),
        _release("2", "2025-03-02", [("산업부", "가 상 인", "2차관"), ("가나화학 주식회사", "이대표", "대표이사")]),
        _release(
            "3",
            "2025-11-05",
            [("산업통상부", "가상인", "1차관"), ("가상인 주식회사", "가상인", "대표"), ("광해공업공단 등", None, None)],
        ),
    ]
    for release in releases:
        save_briefing(db, release, seen_at=SEEN)
    return db


def test_people_are_names_within_an_organisation_lineage(archive):
    people = {r["person_id"]: r for r in archive.query("SELECT * FROM people")}
    vice = people["motie:가상인"]
    assert (vice["releases"], vice["first_date"], vice["last_date"]) == (3, "2024-09-20", "2025-11-05")
    assert set(vice["titles"].split(",")) == {"2차관", "1차관"}
    assert vice["organization"] == "산업통상부"  # the lineage's name today
    assert people["가상인:가상인"]["releases"] == 1  # same name, other organisation: another person
    assert people["motie:박담당"]["as_contact"] == 1
    assert not any(pid.endswith("[산업정책실장]") for pid in people)  # a position is not a person
    (position,) = archive.query("SELECT * FROM appearances WHERE kind = 'position'")
    assert (position["participant_id"], position["title"]) == ("motie:[산업정책실장]", "산업정책실장")


def test_organizations_join_names_and_renames_and_keep_the_names_seen(archive):
    orgs = {r["organization_key"]: r for r in archive.query("SELECT * FROM organizations")}
    assert orgs["motie"]["kind"] == "ministry"
    assert set(orgs["motie"]["names_seen"].split(",")) == {"산업통상자원부", "산업부", "산업통상부"}
    assert orgs["가나화학"]["kind"] == "body" and orgs["가나화학"]["releases"] == 2
    assert set(orgs["가나화학"]["names_seen"].split(",")) == {"(주)가나화학", "가나화학 주식회사"}
    assert orgs["광해공업공단"]["people"] == 0


def test_co_attendance_counts_pairs_with_first_and_last_date(archive):
    rows = {(r["a_id"], r["b_id"]): r for r in archive.query("SELECT * FROM co_attendance")}
    pair = (
        rows[("motie:가상인", "가나화학:이대표")]
        if ("motie:가상인", "가나화학:이대표") in rows
        else rows[("가나화학:이대표", "motie:가상인")]
    )
    assert (pair["releases"], pair["first_date"], pair["last_date"]) == (2, "2024-09-20", "2025-03-02")
    assert all(a < b for a, b in rows)


def test_who_lists_appearances_with_titles_then_whom_they_met(archive):
    answer = who(archive, "가상인")
    assert [(a.published_date, a.organization_key, a.title) for a in answer.appearances] == [
        ("2024-09-20", "motie", "2차관"),
        ("2025-03-02", "motie", "2차관"),
        ("2025-11-05", "motie", "1차관"),
        ("2025-11-05", "가상인", "대표"),
    ]
    assert answer.people_met[0].key == "가나화학:이대표" and answer.people_met[0].releases == 2
    assert answer.organizations_met[0].key == "가나화학"
    assert [a.news_id for a in who(archive, "가상인", since="2025-01-01", until="2025-06-30").appearances] == ["2"]


def test_who_finds_an_organisation_by_any_of_its_names(archive):
    answer = who(archive, "지식경제부")  # an old name of the same lineage
    assert answer.organization == "산업통상부"
    assert {a.news_id for a in answer.appearances} == {"1", "2", "3"}
    assert "motie:가상인" not in {m.key for m in answer.people_met}  # its own people are not "met"


def test_who_an_unknown_name_is_an_error(archive):
    with pytest.raises(UnknownWho, match="no person or organisation"):
        who(archive, "없는사람")


@pytest.mark.crawl
def test_briefing_who_prints_text_and_json_and_exits_1_for_nobody(archive, tmp_path):
    path = str(tmp_path / "briefings.db")
    shown = run_cli("who", "가상인", "--db", path)
    assert shown.returncode == 0, shown.stderr
    assert "2024-09-20  산업통상자원부 가상인 2차관" in shown.stdout and "회의 1" in shown.stdout
    assert "people met most often" in shown.stdout
    answer = json.loads(run_cli("who", "가상인", "--json", "--db", path).stdout)
    assert answer["appearances"][0]["title"] == "2차관"
    nobody = run_cli("who", "없는사람", "--db", path)
    assert nobody.returncode == 1 and "없는사람" in nobody.stderr and nobody.stderr.count("\n") == 1
    assert "briefing who 강인선" in run_cli("who", "--help").stdout


def test_the_migration_adds_the_keys_and_reparse_fills_them(tmp_path):
    from briefing_spider.cli.reparse_cmd import reparse_releases
    from tests.test_item_values import archive_written_before_the_migration

    path, store = archive_written_before_the_migration(tmp_path)  # an archive before m006 and m008
    db = open_archive(path)
    assert [row["organization_key"] for row in db.query("SELECT organization_key FROM attendees")] == [None]
    assert {row["person_id"] for row in db.query("SELECT person_id FROM people")} == {"?:김가나", "?:홍길동"}
    assert reparse_releases(db, store, None, workers=0) == {"updated": 1}
    keys = {row["name"]: row["organization_key"] for row in db.query("SELECT name, organization_key FROM attendees")}
    assert keys == {"김가나": "motie", "이다라": "가나전자"}
    contacts = {row["organization_key"] for row in db.query("SELECT organization_key FROM contacts")}
    assert contacts == {"moef"}  # the publishing ministry (재정경제부): the department names none
    assert {row["person_id"] for row in db.query("SELECT person_id FROM people")} >= {"motie:김가나", "moef:홍길동"}
