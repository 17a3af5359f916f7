"""korea.kr's parsers on real pages of the 2026 template (`../shared/corpus/korea_kr/pages/`, read
in place; skipped without the corpus), through `briefing parse` — the crawl's own reading."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing_spider.cli import cli

PRESS = "pressReleaseView_156782110.html"
LIST = "pressReleaseList_2026-09-01_2026-09-08_fragment.html"
BRIEFING = "policyBriefingView_148775695.html"


def parsed(corpus, name: str, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["parse", str(corpus / "korea_kr" / "pages" / name), *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_press_release_page_as_a_browser_shows_it(corpus):
    record = parsed(corpus, PRESS)
    assert record["title"] == "토지거래허가구역 내 실거주 유예, '27년 12월 31일까지 연장·확대"
    assert record["subtitle"] == "임대 중인 주택에 대한 실거주 유예 신청 기한을 '27.12.31일까지 연장"
    assert record["published_at"] == "2026-09-17T11:00:00+09:00"
    assert record["ministry"] == {
        "name": "국토교통부",
        "code": "A00006",
        "canonical": "국토교통부",
        "name_en": "Ministry of Land, Infrastructure and Transport",
    }
    assert (record["kind"], record["url"]) == (
        "press_release",
        "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156782110",
    )
    name = "260918(조간) 토지거래허가구역 실거주 유예 ’27년 말까지 연장·확대(토지정책과)"
    assert [(a["name"], a["url"]) for a in record["attachments"]] == [
        (f"{name}.hwpx", "https://www.korea.kr/common/download.do?fileId=198554688&tblKey=GMN"),
        (f"{name}.pdf", "https://www.korea.kr/common/download.do?fileId=198554689&tblKey=GMN"),
    ]
    assert record["body_text"] == ""  # the viewer's iframe and the 전재 notice: the text is in the files
    assert record["warnings"] == []  # every copy of the title agrees once decoded


def test_the_list_fragment_gives_twenty_releases_as_listed(corpus):
    listing = parsed(corpus, LIST)
    entries = listing["entries"]
    assert (listing["kind"], len(entries), listing["total"]) == ("press_release", 20, None)  # a fragment: no count
    assert {e["listed_on"] for e in entries} == {"2026-09-08"}
    assert all(e["ministry"] and e["title"] and e["news_id"].isdigit() for e in entries)
    by_id = {e["news_id"]: e for e in entries}
    assert (
        by_id["156780677"]["title"]
        == "[차관동정] 김이탁 제1차관, 서울 도심 공공재개발 현장 방문, 국민 체감 가능한 속도제고 강조"
    )
    assert by_id["156780677"]["ministry"] == "국토교통부"
    assert by_id["156780683"]["title"].startswith('"해외에서도 24시간 카톡으로 민원 상담"...')  # entities decoded once
    assert by_id["156780679"]["title"] == "행복청, ｢2차 중앙행정기관 이전｣ 총력 지원"
    assert all("&" not in e["title"] for e in entries)


def test_the_ministry_briefing_page_of_2014(corpus):
    record = parsed(corpus, BRIEFING)
    assert (record["kind"], record["title"]) == ("briefing", "하남미사지구 광역교통개선대책 변경, 확정된 바 없어")
    assert record["published_at"] == "2014-03-19T00:00:00+09:00"  # the header's date: the JSON-LD's is empty
    assert record["ministry"] is None  # the page links no ministry
    assert record["body_source"] == "page" and record["body_text"].startswith("국토교통부는 하남미사지구")
    assert record["body_text"].endswith("문의: 국토교통부 공공주택개발과 044-201-4540")
    assert len(record["body_text"].splitlines()) == 4  # its four paragraphs, one line each


@pytest.mark.parametrize("name", [PRESS, BRIEFING])
def test_a_page_is_read_the_same_from_any_host(corpus, name):
    """The page's address from its file name, its canonical link or --url (a mirror's): one record."""
    record = parsed(corpus, name)
    mirrored = parsed(corpus, name, "--url", record["url"].replace("https://www.korea.kr", "http://127.0.0.1:8000"))
    assert mirrored == record


def test_a_page_of_no_kind_of_the_site_is_a_clear_error(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><div class='view_title'><h1>제목</h1></div></body></html>", encoding="utf-8")
    url = "https://www.korea.kr/briefing/blueHouseView.do?newsId=148854056"
    result = CliRunner().invoke(cli, ["parse", str(page), "--url", url])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {url}: a page of no kind korea_kr has (press_release (pressReleaseView)")
