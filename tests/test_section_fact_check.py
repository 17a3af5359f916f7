"""사실은 이렇습니다: the press report a page answers (outlet, date, title) and the answer's text
(invented text, modelled on the forms the pages use)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from briefing_spider.contract.errors import PageParseError
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.sites.korea_kr.fact_check import PressReport, read_fact_check
from briefing_spider.sites.korea_kr.section_page import read_page_text
from tests.korea_kr_records import page_record
from tests.site_sections import MirrorSectionPage, fact_check_body, section_detail_page

URL = "https://www.korea.kr/briefing/actuallyView.do?newsId=930000001"


def page_text(body: str, header: str = "합성 해명\n2026.07.23 다라부") -> str:
    return f"{URL}\n콘텐츠 영역\n{header}\n인쇄 목록\n{body}\n“이 자료는 다라부의 설명자료를 전재하여 제공함을 알려드립니다.”\n"


def parse_fact_check(text: str) -> tuple[PressReport | None, str]:
    """(the report, the answer) of a fact check's saved page text."""
    page = read_page_text(text)
    return read_fact_check(page.body_text, page.title, page.published_at.date() if page.published_at else None)


def test_detail_page_report_and_answer():
    page = MirrorSectionPage(
        kind="fact_check",
        news_id="930000001",
        title="합성 해명",
        ministry="다라부",
        published_at=datetime(2026, 7, 23, 9, tzinfo=SEOUL),
        body_html=fact_check_body(21),
    )
    check = page_record(section_detail_page(page), URL)
    assert (check["kind"], check["title"], check["ministry"]["name"], check["url"]) == (
        "fact_check",
        "합성 해명",
        "다라부",
        URL,
    )
    assert check["press_reports"] == [
        {
            "outlet": "마바일보",
            "reported_on": "2026-07-22",
            "title": "합성 보도 21",
            "raw": "○ 마바일보 7월 22일자 「합성 보도 21」 기사에서",
        }
    ]
    assert "사실과 다릅니다" in check["body_text"]


@pytest.mark.parametrize(
    "line, outlet, day, title",
    [
        ("7.22.(수) 가나신문 「가나 제도 폐지」 보도 관련", "가나신문", date(2026, 7, 22), "가나 제도 폐지"),
        ("「다라 정책 실패」(라마뉴스, 2026.7.1.)", "라마뉴스", date(2026, 7, 1), "다라 정책 실패"),
        ("2025년 12월 30일 가나경제는 「가나 지수 하락」 보도에서", "가나경제", date(2025, 12, 30), "가나 지수 하락"),
        (
            "○ 12월 30일 가나방송 『가나 뉴스』 보도",
            "가나방송",
            date(2025, 12, 30),
            "가나 뉴스",
        ),  # after the page: the year before
        ("○ 일부 언론은 「이름 없는 보도」라고 보도", None, None, "이름 없는 보도"),
    ],
)
def test_citation_forms(line, outlet, day, title):
    report, answer = parse_fact_check(page_text(f"[보도 내용]\n{line}\n[해명 내용]\n해명입니다."))
    assert (report.outlet, report.reported_on, report.title) == (outlet, day, title)
    assert answer == "해명입니다."


def test_without_headers_the_body_is_the_answer_and_the_title_may_cite():
    text = page_text(
        "○ 사실과 다릅니다.\n- 합성 설명입니다.", header="가나일보 「합성 기사」 보도 관련 설명\n2026.07.23 다라부"
    )
    report, answer = parse_fact_check(text)
    assert report == PressReport(
        outlet="가나일보", reported_on=None, title="합성 기사", raw="가나일보 「합성 기사」 보도 관련 설명"
    )
    assert answer == "○ 사실과 다릅니다.\n- 합성 설명입니다."
    assert read_page_text(text).published_at == datetime(2026, 7, 23, tzinfo=SEOUL)


def test_a_page_that_names_no_report():
    report, answer = parse_fact_check(page_text("[설명]\n합성 설명입니다."))
    assert report is None and answer == "합성 설명입니다."


def test_no_answer_fails_loudly():
    with pytest.raises(PageParseError) as error:
        parse_fact_check(page_text("<언론 보도 내용>\n○ 가나일보 「합성」 보도\n<다라부 설명>"))
    assert error.value.field == "answer"
