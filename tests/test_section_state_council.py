"""국무회의: agenda items with their 【소관 : …】 ministries (invented text, modelled on the forms)."""

from __future__ import annotations

from datetime import datetime

import pytest

from briefing_spider.contract.errors import PageParseError
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.sites.korea_kr.state_council import read_agenda
from tests.korea_kr_records import page_record, text_record
from tests.site_sections import MirrorSectionPage, section_detail_page, state_council_body

URL = "https://www.korea.kr/briefing/stateCouncilView.do?newsId=940000001"


def test_detail_page_agenda():
    page = MirrorSectionPage(
        kind="state_council",
        news_id="940000001",
        title="제8회 합성 국무회의",
        ministry="행정안전부",
        published_at=datetime(2026, 7, 21, 10, tzinfo=SEOUL),
        body_html=state_council_body(7),
    )
    council = page_record(section_detail_page(page), URL)
    assert (council["kind"], council["title"], council["url"]) == ("state_council", "제8회 합성 국무회의", URL)
    assert council["agenda_items"] == [
        {"group": "의결안건", "category": None, "title": "합성법 7 일부개정법률안", "ministries": "가나부", "text": ""},
        {
            "group": "의결안건",
            "category": None,
            "title": "합성령 7 일부개정령안",
            "ministries": "다라부, 마바부",
            "text": "",
        },
        {"group": "보고안건", "category": None, "title": "합성 계획 7", "ministries": "가나부", "text": ""},
    ]


def test_categories_descriptions_and_mark_forms():
    agenda = read_agenda("""[의결사항]
□ 법률안(2건)
1. 가나법 일부개정법률안
- 주요내용: 가나 절차를 줄임
【소관 : 기획재정부】
2. 다라법 일부개정법률안 [소관: 법무부 및 행정안전부]
□ 대통령령안(1건)
1. 마바령 일부개정령안
(소관 : 마바부)
- 마바 절차의 요지
<보고사항>
합성 추진 계획
【소관：가나부】""")
    assert [(a.position, a.group, a.category, a.title, a.ministries, a.text) for a in agenda] == [
        (0, "의결사항", "법률안", "가나법 일부개정법률안", ("기획재정부",), "- 주요내용: 가나 절차를 줄임"),
        (1, "의결사항", "법률안", "다라법 일부개정법률안", ("법무부", "행정안전부"), ""),
        (
            2,
            "의결사항",
            "대통령령안",
            "마바령 일부개정령안",
            ("마바부",),
            "- 마바 절차의 요지",
        ),  # written after the mark
        (3, "보고사항", None, "합성 추진 계획", ("가나부",), ""),
    ]


def test_page_text_agenda():
    council = text_record(
        f"{URL}\n콘텐츠 영역\n제9회 합성 국무회의\n2026.07.28 행정안전부\n① 합성 보고 【소관 : 가나부】\n이전다음기사\n",
        "state_council",
    )
    assert (council["title"], council["published_at"], council["ministry"]) == (
        "제9회 합성 국무회의",
        datetime(2026, 7, 28, tzinfo=SEOUL).isoformat(),
        "행정안전부",
    )
    assert [(a["title"], a["ministries"]) for a in council["agenda_items"]] == [("합성 보고", "가나부")]


def test_a_page_without_agenda_items_fails_loudly():
    with pytest.raises(PageParseError) as error:
        text_record(
            f"{URL}\n콘텐츠 영역\n제9회 합성 국무회의\n2026.07.28 행정안전부\n회의를 열었습니다.\n", "state_council"
        )
    assert error.value.field == "agenda"
