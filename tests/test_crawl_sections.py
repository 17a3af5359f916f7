"""A crawl of the test mirror archives every kind of the briefing room: press releases, briefing
transcripts (speakers and utterances), fact checks (the report answered), cabinet meetings (the
agenda with its 소관 ministries); `--kind` picks some; reparse gives the same records."""

from __future__ import annotations

import sqlite3
from urllib.parse import urlencode

import pytest

from tests.crawl_helpers import crawl, run_cli
from tests.mirror_data import synthetic_releases
from tests.site import Mirror
from tests.site_sections import synthetic_section_pages

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAY, BEFORE = "2026-07-22", "2026-07-21"
PER_DAY = 3  # press releases a day


def rows(db, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("sections") / "b.db"
    releases = synthetic_releases([BEFORE, DAY], PER_DAY, error_page_every=None)
    pages = synthetic_section_pages(DAY)  # two of each section on each day
    with Mirror(releases, section_pages=pages) as mirror:
        result = crawl(mirror, db, "--since", BEFORE, "--until", DAY)
        requests = list(mirror.requests)
    return db, result, requests


def test_a_crawl_archives_every_kind(crawled):
    db, result, _ = crawled
    assert result.returncode == 0, result.stdout + result.stderr
    counts = dict(rows(db, "SELECT kind, count(*) FROM briefings GROUP BY kind"))
    assert counts == {"press_release": 2 * PER_DAY, "briefing": 4, "fact_check": 4, "state_council": 4}
    assert rows(db, "SELECT count(*) FROM crawl_errors") == [(0,)]
    urls = dict(rows(db, "SELECT kind, url FROM briefings WHERE news_id IN ('920000000', '930000000', '940000000')"))
    assert urls == {
        "briefing": "https://www.korea.kr/briefing/policyBriefingView.do?newsId=920000000",
        "fact_check": "https://www.korea.kr/briefing/actuallyView.do?newsId=930000000",
        "state_council": "https://www.korea.kr/briefing/stateCouncilView.do?newsId=940000000",
    }


def test_a_briefing_keeps_its_speakers_and_utterances_in_order(crawled):
    db = crawled[0]
    assert rows(db, "SELECT name, organization, title, role FROM attendees WHERE news_id = '920000000'") == [
        ("김가나", "가나부", "장관", "발표")
    ]
    assert rows(
        db,
        "SELECT position, speaker, organization, title, text FROM utterances "
        "WHERE site = 'korea_kr' AND news_id = '920000000' ORDER BY position",
    ) == [
        (0, "김가나", "가나부", "장관", "합성 브리핑 0번의 모두 발언입니다.\n두 번째 문장입니다."),
        (1, None, None, "기자", "합성 질문입니까?"),
        (2, "김가나", "가나부", "장관", "합성 답변입니다."),
    ]


def test_each_kind_is_read_from_where_the_site_keeps_it(crawled):
    """The 2026 site: a briefing's transcript on its page or in its `속기자료` file, a fact check's
    text only in its file (the page is the viewer's shell), a cabinet meeting's agenda on its page."""
    db = crawled[0]
    sources = dict(rows(db, "SELECT news_id, body_source FROM briefings WHERE kind != 'press_release'"))
    assert {sources[n] for n in ("920000000", "920000100")} == {"page"}
    assert {sources[n] for n in ("920000001", "920000101")} == {"hwpx"}  # the 속기자료
    assert {sources[n] for n in ("930000000", "930000001", "930000100", "930000101")} == {"hwpx"}
    assert rows(db, "SELECT count(*) FROM utterances WHERE news_id = '920000001'") == [(3,)]  # from the file
    assert rows(db, "SELECT name, role FROM attendees WHERE news_id = '920000001'") == [("김가나", "발표")]
    assert rows(db, "SELECT count(*) FROM press_reports WHERE news_id LIKE '93%'") == [(4,)]


def test_a_fact_check_keeps_the_report_it_answers(crawled):
    db = crawled[0]
    assert rows(db, "SELECT outlet, reported_on, title FROM press_reports WHERE news_id = '930000001'") == [
        ("마바일보", "2026-07-02", "합성 보도 1")
    ]


def test_a_cabinet_meeting_keeps_its_agenda_with_the_ministries(crawled):
    db = crawled[0]
    assert rows(
        db,
        "SELECT position, [group], title, ministries FROM agenda_items WHERE news_id = '940000100' ORDER BY position",
    ) == [
        (0, "의결안건", "합성법 100 일부개정법률안", "가나부"),
        (1, "의결안건", "합성령 100 일부개정령안", "다라부, 마바부"),
        (2, "보고안건", "합성 계획 100", "가나부"),
    ]


def test_each_kind_with_a_dated_list_has_its_own_day_counts(crawled):
    db, _, requests = crawled
    assert sorted(rows(db, "SELECT kind, day, site_total, archived FROM crawl_days")) == [
        ("fact_check", BEFORE, 2, 2),
        ("fact_check", DAY, 2, 2),
        ("press_release", BEFORE, PER_DAY, PER_DAY),
        ("press_release", DAY, PER_DAY, PER_DAY),
    ]
    # a list with no date filter is paged, not asked day by day
    assert [r for r in requests if r.startswith("/briefing/policyBriefingList.do")] == [
        "/briefing/policyBriefingList.do?pageIndex=1"
    ]


def test_reparse_gives_the_same_records(crawled, tmp_path):
    db = crawled[0]
    before = rows(db, "SELECT site, news_id, content_hash FROM briefings ORDER BY news_id")
    result = run_cli("reparse", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert rows(db, "SELECT site, news_id, content_hash FROM briefings ORDER BY news_id") == before
    assert rows(db, "SELECT count(*) FROM revisions") == [(0,)]
    assert rows(db, "SELECT count(*) FROM utterances WHERE news_id = '920000000'") == [(3,)]


def test_kind_picks_the_kinds_crawled(tmp_path):
    db = tmp_path / "b.db"
    pages = synthetic_section_pages(DAY)
    with Mirror(synthetic_releases([DAY], 2, error_page_every=None), section_pages=pages) as mirror:
        result = crawl(mirror, db, "--since", DAY, "--until", DAY, "--kind", "briefing,state_council")
        asked = list(mirror.requests)
    assert result.returncode == 0, result.stdout + result.stderr
    assert dict(rows(db, "SELECT kind, count(*) FROM briefings GROUP BY kind")) == {"briefing": 2, "state_council": 2}
    assert not any(r.startswith(("/briefing/pressReleaseList.do", "/briefing/actuallyList.do")) for r in asked)


def test_an_unknown_kind_is_a_usage_error(tmp_path):
    result = run_cli("crawl", "--db", str(tmp_path / "b.db"), "--kind", "press_release,cabinet")
    assert result.returncode == 2 and "cabinet" in result.stderr and "state_council" in result.stderr
    assert not (tmp_path / "b.db").exists()


def test_search_and_export_take_kind(crawled, tmp_path):
    db = crawled[0]
    hits = run_cli("search", "합성", "--kind", "fact_check", "--limit", "50", "--db", str(db))
    assert hits.returncode == 0, hits.stderr
    assert {line.split(" · ")[-1] for line in hits.stdout.splitlines() if " · " in line} == {
        "930000000",
        "930000001",
        "930000100",
        "930000101",
    }
    out = tmp_path / "u.csv"
    exported = run_cli(
        "export",
        "--table",
        "utterances",
        "--kind",
        "briefing,fact_check",
        "--since",
        DAY,
        "--out",
        str(out),
        "--db",
        str(db),
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("6 rows")  # two briefings of DAY, three remarks each
    releases = tmp_path / "r.csv"
    run_cli("export", "--kind", "state_council", "--out", str(releases), "--db", str(db))
    lines = releases.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and "kind" in lines[0].split(",") and all(",state_council," in line for line in lines[1:])


def test_a_section_page_missing_its_text_is_a_counted_parse_error_of_its_kind(tmp_path):
    from dataclasses import replace

    db = tmp_path / "b.db"
    pages = [p for p in synthetic_section_pages(DAY) if p.published_at.date().isoformat() == DAY]
    broken = next(p for p in pages if p.kind == "fact_check")
    pages = [replace(p, body_html="", attachments=[]) if p is broken else p for p in pages]  # no text anywhere
    with Mirror([], section_pages=pages) as mirror:
        result = crawl(mirror, db, "--since", DAY, "--until", DAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert dict(rows(db, "SELECT kind, count(*) FROM briefings GROUP BY kind")) == {
        "briefing": 2,
        "fact_check": 1,
        "state_council": 2,
    }
    # the fact-check list still counts the day: the site lists 2, the archive holds 1, a mismatch of that kind
    assert rows(db, "SELECT kind, release_kind, url FROM crawl_errors ORDER BY id") == [
        ("parse", "fact_check", f"{mirror.base_url}/briefing/actuallyView.do?newsId={broken.news_id}"),
        ("count_mismatch", "fact_check", f"day:{DAY}"),
    ]
    reason = rows(db, "SELECT reason FROM crawl_errors ORDER BY id")[0][0]
    assert "PageParseError" in reason and "body" in reason
    assert rows(db, "SELECT kind, site_total, archived FROM crawl_days WHERE kind = 'fact_check'") == [
        ("fact_check", 2, 1)
    ]


def many_fact_checks(count: int) -> list:
    pages = [p for p in synthetic_section_pages(DAY, per_kind=count) if p.kind == "fact_check"]
    return [p for p in pages if p.published_at.date().isoformat() == DAY]


def test_a_list_that_pages_by_its_form_is_walked_by_posting_it(tmp_path):
    db = tmp_path / "b.db"
    pages = many_fact_checks(13)  # two pages of ten
    with Mirror([], section_pages=pages) as mirror:
        result = crawl(mirror, db, "--since", DAY, "--until", DAY, "--kind", "fact_check")
        asked = [r for r in mirror.requests if "actuallyList.do" in r]
    assert result.returncode == 0, result.stdout + result.stderr
    assert rows(db, "SELECT count(*) FROM briefings") == [(13,)]
    assert asked[0].startswith("/briefing/actuallyList.do?startDate=") and len(asked) == 2
    assert asked[1].startswith("POST /briefing/actuallyList.do?") and "pageIndex=2" in asked[1]
    assert rows(db, "SELECT site_total, archived FROM crawl_days") == [(13, 13)]


def test_a_list_that_repeats_its_first_page_ends_the_walk_as_an_error(tmp_path):
    """A site that answers every page of a list with the first: the walk stops, counted, never a loop."""
    db = tmp_path / "b.db"
    with Mirror([], section_pages=many_fact_checks(13)) as mirror:
        mirror.respond_form = lambda path, fields: mirror.respond(f"{path}?{urlencode({**fields, 'pageIndex': 1})}")
        result = crawl(mirror, db, "--since", DAY, "--until", DAY, "--kind", "fact_check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert rows(db, "SELECT count(*) FROM briefings") == [(10,)]
    errors = rows(db, "SELECT kind, reason FROM crawl_errors ORDER BY id")
    assert errors[0] == ("list_repeated", "fact_check: page 2 repeats page 1 (the list does not page this way)")
    assert [kind for kind, _ in errors[1:]] == ["count_mismatch"]  # 13 listed, 10 archived: said too


def test_most_pages_of_a_kind_lacking_a_field_is_said_as_a_changed_site(tmp_path):
    """The fact checks' files turn into error pages (the text moved, say, to the viewer only): the
    pages still parse, but none gives a body — the summary and `briefing status` say so."""
    from dataclasses import replace

    from tests.fixtures.documents import ERROR_PAGE

    db = tmp_path / "b.db"
    pages = [p for p in synthetic_section_pages(DAY) if p.published_at.date().isoformat() == DAY]
    pages = [replace(p, attachments=[replace(a, body=ERROR_PAGE) for a in p.attachments]) for p in pages]
    with Mirror([], section_pages=pages) as mirror:
        result = crawl(mirror, db, "--since", DAY, "--until", DAY)
    assert result.returncode == 0, result.stdout + result.stderr
    said = "fact_check: no body on 2 of 2 pages — did the page change?"
    assert result.stdout.splitlines()[1] == f"  {said}"
    changed = [reason for (reason,) in rows(db, "SELECT reason FROM crawl_errors WHERE kind = 'site_changed'")]
    assert changed == [said, "fact_check: no parts on 2 of 2 pages — did the page change?"]  # no report read either
    status = run_cli("status", "--db", str(db))
    assert f"site_changed: {said}" in status.stdout
