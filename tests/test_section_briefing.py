"""브리핑 transcripts: speakers as attendees (role 발표), remarks as utterances, from the detail
page's HTML and from saved page text (invented text, modelled on the real transcripts)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from briefing_spider.contract.errors import PageParseError
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.sites.korea_kr.briefing import read_transcript
from tests.korea_kr_records import page_record, text_record
from tests.site_sections import MirrorSectionPage, briefing_body, section_detail_page

URL = "https://www.korea.kr/briefing/policyBriefingView.do?newsId=920000001&pageIndex=1"
PAGE_TEXT = """https://m.korea.kr/news/policyBriefingView.do?newsId=920000002&pWise=mSub
본문 바로가기 메인메뉴 바로가기
브리핑룸
콘텐츠 영역
가나 대책 브리핑
2026.07.22 가나부
인쇄 목록
<김가나 가나부 장관>
안녕하십니까.
가나 대책을 말씀드리겠습니다.
<박다라 가나부 기획조정실장>
세부 내용입니다.
<질의응답>
<질문> 예산은 얼마입니까?
<답변: 박다라 가나부 기획조정실장>
일조 원입니다.
<홍사아 마바일보 기자>
시기는 언제입니까?
- 답변 -
내년입니다.
이전다음기사
다음기사 합성 다음 기사
정책브리핑 게시물 운영원칙에 따라 다음과 같은 게시물은 삭제 또는 계정이 차단 될 수 있습니다.
"""


def utterance(speaker, organization, title, text) -> dict:
    return {"speaker": speaker, "organization": organization, "title": title, "text": text}


def test_page_text_speakers_utterances_and_header():
    briefing = text_record(PAGE_TEXT, "briefing")
    assert (briefing["news_id"], briefing["url"]) == (
        "920000002",
        "https://www.korea.kr/briefing/policyBriefingView.do?newsId=920000002",
    )
    assert (briefing["title"], briefing["published_at"], briefing["ministry"]) == (
        "가나 대책 브리핑",
        datetime(2026, 7, 22, tzinfo=SEOUL).isoformat(),
        "가나부",
    )
    assert [(a["name"], a["organization"], a["title"], a["role"]) for a in briefing["attendees"]] == [
        ("김가나", "가나부", "장관", "발표"),
        ("박다라", "가나부", "기획조정실장", "발표"),
    ]
    assert briefing["utterances"] == [
        utterance("김가나", "가나부", "장관", "안녕하십니까.\n가나 대책을 말씀드리겠습니다."),
        utterance("박다라", "가나부", "기획조정실장", "세부 내용입니다."),
        utterance(None, None, "기자", "예산은 얼마입니까?"),
        utterance("박다라", "가나부", "기획조정실장", "일조 원입니다."),
        utterance("홍사아", "마바일보", "기자", "시기는 언제입니까?"),
        utterance(None, None, None, "내년입니다."),  # two presenters: no guess
    ]
    assert "정책브리핑 게시물" not in briefing["body_text"] and briefing["body_text"].startswith("<김가나 가나부 장관>")


PAGE = MirrorSectionPage(
    kind="briefing",
    news_id="920000001",
    title="합성 브리핑",
    ministry="가나부",
    published_at=datetime(2026, 7, 22, 10, 30, tzinfo=SEOUL),
    body_html=briefing_body(7),
)


def test_detail_page_html():
    page = PAGE
    briefing = page_record(section_detail_page(page), URL)
    assert (briefing["kind"], briefing["body_source"], briefing["title"], briefing["ministry"]["name"]) == (
        "briefing",
        "page",
        "합성 브리핑",
        "가나부",
    )
    assert briefing["url"] == "https://www.korea.kr/briefing/policyBriefingView.do?newsId=920000001"
    assert briefing["published_at"] == datetime(2026, 7, 22, 10, 30, tzinfo=SEOUL).isoformat()
    assert [(a["name"], a["organization_canonical"]) for a in briefing["attendees"]] == [("김가나", None)]
    assert [(u["speaker"], u["title"], u["text"]) for u in briefing["utterances"]] == [
        ("김가나", "장관", "합성 브리핑 7번의 모두 발언입니다.\n두 번째 문장입니다."),
        (None, "기자", "합성 질문입니까?"),
        ("김가나", "장관", "합성 답변입니다."),  # one presenter: the bare answer is theirs
    ]
    assert "출처" not in briefing["body_text"]  # the site's source line is cut


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- 질문 -", (None, None, "기자")),
        ("질문 : 언제입니까?", (None, None, "기자")),
        ("Q. 언제입니까?", (None, None, "기자")),
        ("<사회자>", (None, None, "사회자")),
        ("〈이마바 다라부 대변인〉", ("이마바", "다라부", "대변인")),
        ("[가나부 장관 김가나]", ("김가나", "가나부", "장관")),
        ("최사아 다라부 차관 : 말씀드리겠습니다.", ("최사아", "다라부", "차관")),
    ],
)
def test_speaker_line_forms(line, expected):
    utterances, _ = read_transcript(f"{line}\n발언입니다.")
    assert (utterances[-1].speaker, utterances[-1].organization, utterances[-1].title) == expected


@pytest.mark.parametrize(
    "line", ["<참고자료>", "<1> 첫째 과제입니다.", "일시 : 7월 22일", "[붙임] 합성 자료", "- 세부 과제 -"]
)
def test_lines_that_name_no_speaker_stay_text(line):
    utterances, speakers = read_transcript(f"{line}\n발언입니다.")
    assert speakers == ()
    assert [(u.speaker, u.title, u.text) for u in utterances] == [(None, None, f"{line}\n발언입니다.")]


def test_text_before_any_speaker_is_nobodys():
    utterances, speakers = read_transcript("안녕하십니까.\n<김가나 가나부 장관>\n발언입니다.")
    assert speakers[0].name == "김가나"
    assert [(u.position, u.speaker, u.text) for u in utterances] == [
        (0, None, "안녕하십니까."),
        (1, "김가나", "발언입니다."),
    ]


def test_missing_fields_fail_loudly():
    with pytest.raises(PageParseError) as empty:
        text_record(
            "https://www.korea.kr/briefing/policyBriefingView.do?newsId=9\n콘텐츠 영역\n이전다음기사\n", "briefing"
        )
    assert empty.value.field == "body"
    with pytest.raises(PageParseError) as untitled:
        page_record("<html><body><div class='view_cont'><p>발언</p></div></body></html>", URL)
    assert untitled.value.field == "title"
    with pytest.raises(PageParseError) as no_text:  # neither body text nor an attachment to read it from
        page_record(section_detail_page(replace(PAGE, body_html="")), URL)
    assert no_text.value.field == "body"
