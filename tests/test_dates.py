import datetime as dt

import pytest

from briefing_spider.parse.dates import extract_event_at, parse_korean_date, parse_time

P = dt.date(2026, 4, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("일시 : ’26. 4. 9(목) 10:30", "2026-04-09T10:30:00+09:00"),
        ("7월 22일(수) 10시", "2026-07-22T10:00:00+09:00"),
        ("7월 22일(수) 오후 3시 반", "2026-07-22T15:30:00+09:00"),
        ("'26.4.9.", "2026-04-09"),
        ("2026. 4. 13.(월) 9:30", "2026-04-13T09:30:00+09:00"),
        ("2026년 4월 13일(월), 14:00~15:00", "2026-04-13T14:00:00+09:00"),
        ("4.13일(월) 08:00 정부서울청사에서", "2026-04-13T08:00:00+09:00"),
        ("2024.7월부터 1년", "2024-07"),
        ("2024-09-20", "2024-09-20"),
        ("12월 30일(화)", "2025-12-30"),  # nearest year to the release date
    ],
)
def test_parse_korean_date(text, expected):
    assert parse_korean_date(text, published=P) == expected


def test_weekday_picks_the_year():
    assert parse_korean_date("6.21(금)", published=dt.date(2024, 9, 20)) == "2024-06-21"


@pytest.mark.parametrize("text", ["37조 6,761억원", "조업일수 8.5일", "", "오늘은 맑음"])
def test_not_dates(text):
    assert parse_korean_date(text, published=P) is None


def test_parse_time():
    assert parse_time("오후 3시 반") == (15, 30)
    assert parse_time("10시 5분") == (10, 5)
    assert parse_time("08:00") == (8, 0)
    assert parse_time("없음") is None


def test_extract_event_at():
    assert extract_event_at(["□ (일 시) ’26. 4. 14(화), 14:00 ~ 15:30"], published=P) == "2026-04-14T14:00:00+09:00"
    assert (
        extract_event_at(["  * 일시/장소 : 2026년 4월 13일(월), 14:00~15:00 / 서울"], published=P)
        == "2026-04-13T14:00:00+09:00"
    )
    lead = ["○○부는 9월 20일(금) 「제2차 민관 회의」를 개최했다."]
    assert extract_event_at(lead, published=dt.date(2024, 9, 20)) == "2024-09-20"
    assert extract_event_at(["예산이 37조 늘었다."], published=P) is None
    assert extract_event_at([], published=P) is None


@pytest.mark.parametrize("mark", ["‵", "′", "＇", "’"])
def test_prime_marks_before_a_two_digit_year(mark):
    assert parse_korean_date(f"{mark}26.4.13.(월) 정부청사에서") == "2026-04-13"
    lead = [f"  가나다 국장은 {mark}26.4.13.(월) 정부청사에서 제2차 협의회를 개최하였다."]
    assert extract_event_at(lead, published=P) == "2026-04-13"


def test_event_date_is_the_one_nearest_before_the_event_verb():
    lead = ["□ 가나부는 4월 10일(금) 의회에서 예산안이 의결됨에 따라, 4월 13일(월) 시·도 부단체장 회의를 개최하였다."]
    assert extract_event_at(lead, published=P) == "2026-04-13"
    timed = ["□ 다라 장관은 4.13일(월) 08:00 청사에서 제9차 장관회의를 주재하였다."]
    assert extract_event_at(timed, published=P) == "2026-04-13T08:00:00+09:00"


def test_a_period_gives_its_start():
    lead = ["사절단은 4월 6일부터 4월 10일까지 가나국을 방문하여 박람회에 참석하였다."]
    assert extract_event_at(lead, published=P) == "2026-04-06"
    dotted = ["대표단은 4.6.(월)~4.10.(금) 가나국 수도를 방문하였다."]
    assert extract_event_at(dotted, published=P) == "2026-04-06"


def test_a_date_after_the_only_event_verb_is_not_the_event():
    assert extract_event_at(["- 외국인 방문이 많은 가나센터에서 4월 1일부터 개시"], published=P) is None
    later_verb = ["장관은 방문 중인 가나국에서 4월 14일(화) 외교장관 회담을 가졌다."]
    assert extract_event_at(later_verb, published=P) == "2026-04-14"


def test_a_pdf_line_that_runs_on_is_joined_with_the_next():
    lines = [
        "보도시점 2026. 4. 13.(월) 9:30 배포 2026. 4. 13.(월) 8:30",
        "가나 회의 개최",
        " 다라 부총리는 4.13일(월) 08:00 정부청사에서",
        "제9차 장관회의를 주재하였다.",
        " * 참석자: 가나부, 다라부",
    ]
    assert extract_event_at(lines, published=P) == "2026-04-13T08:00:00+09:00"


def test_a_new_paragraph_or_a_note_is_not_joined():
    paragraphs = ["- 4월 13일부터 가나군 사전 신청 개시", "  이 사업은 재방문을 유도한다."]
    assert extract_event_at(paragraphs, published=P) is None
    note = ["** (박람회) 4.7.(화) ～ 4.12.(일) / 33개국 참가", "사절단은 포럼을 개최하였다."]
    assert extract_event_at(note, published=P) is None
