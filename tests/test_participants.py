"""Participants named in the text (GUIDE "Participants named in the text"; invented examples):
who a release's title and sentences say took part, with the verb class as role — and who not."""

from datetime import datetime

from briefing_spider.archive.save import content_hash
from briefing_spider.parse.documents.model import Cell, DocumentText, Paragraph, Table
from briefing_spider.parse.item_values import participant_values
from briefing_spider.parse.participants import extract_participants
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attendee, Participant, Release


def read(title, body="", subtitles=(), listed=()):
    found = extract_participants(title, subtitles, body, listed=listed)
    return [(p.organization, p.name, p.title, p.role) for p in found]


def test_a_list_page_title_of_a_vice_ministers_visit():
    assert read("[차관동정] 홍길동 제1차관, 다라시 도심 재개발 현장 방문") == [(None, "홍길동", "제1차관", "방문")]


def test_the_title_takes_the_organisation_the_body_writes_and_each_role_is_an_entry():
    body = "□ 가나부(장관 김바다) 홍길동 제1차관은 5일 다라연구원을 방문하여 현장 간담회를 주재했다.\n"
    assert read("[차관동정] 홍길동 제1차관, 다라연구원 방문", body) == [
        ("가나부", "홍길동", "제1차관", "방문"),
        ("가나부", "홍길동", "제1차관", "주재"),
    ]


def test_the_head_in_the_identifying_parenthesis_is_no_participant_until_named_acting():
    assert read("가나부, 다라 대책 발표", "□ 가나부(장관 김바다)는 5일 다라 대책을 발표했다.\n") == []
    body = (
        "□ 가나부(장관 김바다)는 5일 다라 대책을 발표했다.\n□ 김 장관은 이에 앞서 다라시장을 찾아 상인들을 격려했다.\n"
    )
    assert read("가나부, 다라 대책 발표", body) == [("가나부", "김바다", "장관", "방문")]


def test_a_title_after_the_ministrys_parenthesis_and_an_envoy_met():
    body = "□ 가나부(장관 김바다) 차관은 5일 주한 마바대사와 면담을 가졌다.\n"
    assert read("가나부 차관, 주한 마바대사 면담", body) == [
        ("가나부", None, "차관", "면담"),
        ("주한 마바대사관", None, "대사", "면담"),
    ]


def test_a_later_short_mention_is_the_person_first_named_and_a_counterpart_met():
    body = "□ 가나부 홍길동 제1차관은 5일 다라공사를 방문했다.\n□ 홍 차관은 이어 다라공사 이구름 사장과 면담했다.\n"
    assert read("가나부, 다라공사 방문", body) == [
        ("가나부", "홍길동", "제1차관", "방문"),
        ("가나부", "홍길동", "제1차관", "면담"),
        ("다라공사", "이구름", "사장", "면담"),
    ]


def test_title_forms_with_jujae_and_with_a_counterpart():
    assert read("가나실장 주재 다라 제도개선 협의체 회의") == [(None, None, "가나실장", "주재")]
    assert read("김하늘 국무총리 주재 비상경제점검회의") == [(None, "김하늘", "국무총리", "주재")]
    assert read("(동정자료) 이바다 청장, 신임 마바도지사와 첫 간담") == [
        (None, "이바다", "청장", "면담"),
        (None, None, "마바도지사", "면담"),  # 신임 (newly appointed) qualifies no title
    ]


def test_signing_parties_are_bodies():
    body = "□ 가나공단(이사장 홍길동)은 5일 다라협회와 업무협약을 체결했다.\n"
    assert read("가나공단, 다라협회와 협약", body) == [
        ("가나공단", None, None, "서명"),
        ("다라협회", None, None, "서명"),
    ]


def test_notes_reference_boxes_tables_quotes_and_the_attendee_list_give_no_one():
    body = (
        "□ 가나부 홍길동 차관은 5일 다라 현장을 방문했다.\n"
        "※ 마바부 김하늘 국장이 현장을 방문한 바 있다.\n"
        "□ 홍 차관은 “사아청 이구름 청장과 면담하겠다”고 말했다.\n"
        "[참고] 지난 행사\n"
        "□ 자차부 최바다 차관은 작년 같은 현장을 방문했다.\n"
    )
    assert read("가나부, 다라 현장 점검", body) == [("가나부", "홍길동", "차관", "방문")]
    boxed = DocumentText(
        kind="hwpx",
        blocks=(
            Table(rows=((Cell(row=0, col=0, blocks=(Paragraph(lines=("마바부 김하늘 국장은 현장을 방문했다.",)),)),),)),
        ),
        text="",
    )
    assert read("제목", boxed) == []
    listed = (Attendee(organization="가나부", name="홍길동", title="차관"),)
    assert read("가나부, 다라 현장 점검", body, listed=listed) == []


def test_narrative_words_that_say_no_one_took_part():
    body = "□ 가나부는 관계자 100여 명이 참석한 가운데 다라 행사를 개최했다.\n□ 가나부 홍길동 과장은 대응 사례를 점검했다.\n"
    assert read("가나부, 다라 행사 개최", body) == []


def test_participant_values_key_own_officials_to_the_publishing_ministry():
    found = (
        Participant(name="홍길동", title="제1차 관", role="방문"),
        Participant(organization="마바공사", name="이구름", title="사장", role="면담"),
        Participant(name="김하늘", title="국무총리", role="면담"),
    )
    valued = participant_values(found, ministry="외교부", on=datetime(2026, 4, 14).date())
    assert [(p.title, p.organization_key) for p in valued] == [
        ("제1차관", "mofa"),
        ("사장", "마바공사"),
        ("국무총리", None),
    ]


def test_a_record_without_participants_keeps_its_content_hash():
    release = Release(
        site="korea_kr",
        news_id="1",
        kind="press_release",
        url="https://www.korea.kr/1",
        title="제목",
        published_at=datetime(2026, 4, 14, 9, tzinfo=SEOUL),
        body_text="본문",
    )
    without = {k: v for k, v in release.to_dict().items() if k != "participants"}
    assert release.content_hash() == content_hash(without)
    with_one = Release(**{**release.__dict__, "participants": (Participant(name="홍길동", title="차관", role="방문"),)})
    assert with_one.content_hash() != release.content_hash()


def test_chaired_by_a_named_official_and_the_title_alone_gives_way_to_the_name():
    body = "□ 가나본부는 김하늘 가나실장 주재로 5일 다라 점검회의를 개최하였다.\n"
    assert read("가나실장 주재 다라 점검회의", body) == [(None, "김하늘", "가나실장", "주재")]


def test_a_counterpart_written_before_the_verb_of_a_title():
    assert read("이바다 경제조정관, 마바국 외무부 최하늘 차관 면담") == [
        (None, "이바다", "경제조정관", "면담"),
        ("마바국 외무부", "최하늘", "차관", "면담"),
    ]


def test_an_earlier_event_a_purpose_and_another_subjects_act_are_not_the_event():
    body = (
        "□ 가나부는 마바국과의 협정 체결을 위한 협상을 5일 시작했다.\n"
        "□ 지난달 가나부 홍길동 차관은 마바국 장관과 면담한 바 있다.\n"
        "□ 가나부 김하늘 국장은 업계 대표 5명 등이 참석하는 간담회를 개최했다.\n"
    )
    assert read("가나부, 마바국과 협상 개시", body) == []


def test_the_bodies_a_kind_sums_up_are_the_counterparts_met():
    body = "□ 가나부 홍길동 국장은 5일 마바시를 방문하여 Alpha Bank, Beta Trust, 다라증권 등 주요 금융기관과 면담을 가졌다.\n"
    assert read("가나부, 마바시 투자 설명회", body) == [
        ("가나부", "홍길동", "국장", "방문"),
        ("가나부", "홍길동", "국장", "면담"),
        ("Alpha Bank", None, None, "면담"),
        ("Beta Trust", None, None, "면담"),
        ("다라증권", None, None, "면담"),
    ]


def test_a_counterpart_needs_someone_of_the_sentence_who_took_part():
    body = "□ 교육을 희망하는 기관은 다라연구원과 협약을 체결한 후 신청할 수 있다.\n"
    assert read("가나부, 다라 교육 개설", body) == []
