"""The registry of the briefing room's sections, the test mirror's section pages, and `briefing
parse --kind` on a saved section page."""

from __future__ import annotations

import json
import urllib.request

import pytest
from click.testing import CliRunner

from briefing_spider.cli import cli
from briefing_spider.contract import UnknownKind
from briefing_spider.sites.korea_kr import SITE
from briefing_spider.sites.korea_kr.listing import parse_list
from tests.korea_kr_records import page_record
from tests.site import Mirror
from tests.site_sections import section_detail_page, synthetic_section_pages


def section(kind: str):
    return SITE.section(kind)


def test_the_sections_declared():
    assert SITE.kinds == ("press_release", "briefing", "fact_check", "state_council")
    briefing = section("briefing")
    assert briefing.list_path == "/briefing/policyBriefingList.do" and briefing.dated is False
    assert (section("fact_check").dated, section("state_council").dated) == (True, False)
    assert briefing.detail_url("5", SITE.base_url) == "https://www.korea.kr/briefing/policyBriefingView.do?newsId=5"
    assert SITE.section_of_url("https://m.korea.kr/news/policyBriefingView.do?newsId=5") is briefing
    assert SITE.section_of_url("https://www.korea.kr/briefing/actuallyView.do?newsId=5").kind == "fact_check"
    assert SITE.section_of_url("https://www.korea.kr/briefing/blueHouseView.do?newsId=5") is None
    with pytest.raises(UnknownKind, match="cabinet"):
        section("cabinet")


def fetch(mirror: Mirror, target: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(mirror.base_url + target) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.mark.parametrize("kind, filtered_count", [("briefing", 4), ("fact_check", 2), ("state_council", 4)])
def test_the_mirror_serves_each_section(kind, filtered_count):
    pages = synthetic_section_pages("2026-07-22")
    with Mirror([], section_pages=pages) as mirror:
        list_path = section(kind).list_path
        status, html = fetch(mirror, f"{list_path}?startDate=2026-07-22&endDate=2026-07-22&pageIndex=1")
        assert (
            status == 200 and f"총 <strong>{filtered_count}</strong> 건" in html
        )  # briefing, state council: no filter
        news_id = next(p.news_id for p in pages if p.kind == kind)
        status, html = fetch(mirror, f"{section(kind).detail_path}?newsId={news_id}")
        assert status == 200
        record = page_record(html, mirror.base_url + f"{section(kind).detail_path}?newsId={news_id}")
        assert record["news_id"] == news_id and record["kind"] == kind
        other = next(p.news_id for p in pages if p.kind != kind)
        assert fetch(mirror, f"{section(kind).detail_path}?newsId={other}")[0] == 404
        assert fetch(mirror, "/briefing/pressReleaseList.do?pageIndex=1")[0] == 200  # the press releases stay


def test_the_mirror_lists_link_the_sections_detail_pages():
    pages = synthetic_section_pages("2026-07-22")
    with Mirror([], section_pages=pages) as mirror:
        _, html = fetch(mirror, "/briefing/policyBriefingList.do?pageIndex=1")
    assert 'href="/briefing/policyBriefingView.do?newsId=920000000&amp;pageIndex=1"' in html
    assert parse_list(html, mirror.base_url + "/briefing/policyBriefingList.do").total == 4


def test_parse_kind_on_a_saved_page(tmp_path):
    page = next(p for p in synthetic_section_pages("2026-07-22") if p.kind == "state_council")
    saved = tmp_path / f"{page.news_id}.html"
    saved.write_text(section_detail_page(page), encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(saved), "--kind", "state_council"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["url"] == f"https://www.korea.kr/briefing/stateCouncilView.do?newsId={page.news_id}"
    assert [(a["title"], a["ministries"]) for a in record["agenda_items"]] == [
        ("합성법 0 일부개정법률안", "가나부"),
        ("합성령 0 일부개정령안", "다라부, 마바부"),
        ("합성 계획 0", "가나부"),
    ]


def test_parse_kind_names_a_missing_field(tmp_path):
    saved = tmp_path / "940000009.txt"
    saved.write_text("콘텐츠 영역\n제1회 합성 국무회의\n2026.07.28 행정안전부\n안건이 없습니다.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(saved), "--kind", "state_council"])
    assert result.exit_code != 0
    assert "no agenda" in result.output
