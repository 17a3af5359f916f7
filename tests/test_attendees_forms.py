"""Attendee-list forms found by reading invented lists the grammar was not written against
(a red-team pass; names and bodies invented, forms modelled on Korean government releases).
Each test asserts the exact entries (group, organisation, name, title, role)."""

from briefing_spider.parse.attendees import read_attendees
from briefing_spider.parse.documents.model import Cell, DocumentText, Paragraph, Table
from briefing_spider.parse.text_lines import lines_of


def P(*lines, indent=0):
    return Paragraph(lines=tuple(lines), indent=indent)


def C(row, col, *blocks):
    return Cell(row=row, col=col, blocks=tuple(P(b) if isinstance(b, str) else b for b in blocks))


def doc(*blocks):
    return DocumentText(kind="hwpx", blocks=tuple(blocks), text="", paragraphs=len(blocks))


def entries(source):
    attendees, warnings = read_attendees(lines_of(source))
    assert warnings == ()
    return [(a.group, a.organization, a.name, a.title, a.role) for a in attendees]


def test_company_marks_before_a_name_are_no_group_and_no_person():
    assert entries("- 주요 참석자 : ㈜가나테크 대표, (주)다라바이오 부사장, 주식회사 마바 상무\n") == [
        (None, "㈜가나테크", None, "대표", None),
        (None, "(주)다라바이오", None, "부사장", None),
        (None, "주식회사 마바", None, "상무", None),
    ]


def test_a_count_of_bodies_before_the_colon_of_a_label():
    assert entries("* 참석기관(12개) : 가나부, 다라청, 마바공단 등\n") == [
        (None, "가나부", None, None, None),
        (None, "다라청", None, None, None),
        (None, "마바공단", None, None, None),
    ]


def test_a_kind_of_body_ending_in_gigwan_is_no_title():
    text = "○ 참석 : 정부‧공공기관‧민간 등 25명\n - (정부) 가나부 정책관\n - (공공기관) 다라공단 이사장\n"
    assert entries(text) == [
        ("정부", "가나부", None, "정책관", None),
        ("공공기관", "다라공단", None, "이사장", None),
    ]


def test_a_count_of_bodies_inside_a_phrase_stays():
    assert entries("* 참석 : 건설 관련 8개 기관, 가나공단\n") == [
        (None, "건설 관련 8개 기관", None, None, None),
        (None, "가나공단", None, None, None),
    ]


def test_bank_heads_and_a_count_after_the_title():
    assert entries("□ 참석 : 가나은행 부행장, 다라은행장, 마바협회 회원 20여명, 사아공단 직원 약 10명\n") == [
        (None, "가나은행", None, "부행장", None),
        (None, None, None, "다라은행장", None),
        (None, "마바협회", None, "회원", None),
        (None, "사아공단", None, "직원", None),
    ]


def test_an_acronym_label_names_one_body():
    assert entries("□ 참석자\n - (KOTRA) 사장, 본부장\n - (업계) 가나해운 대표\n") == [
        ("KOTRA", "KOTRA", None, "사장", None),
        ("KOTRA", "KOTRA", None, "본부장", None),
        ("업계", "가나해운", None, "대표", None),
    ]


def test_sub_lines_in_the_cell_beside_a_label_cell():
    table = Table(
        rows=((C(0, 0, "참 석"), C(0, 1, P("- (정부) 가나부 차관, 다라청 국장"), P("- (업계) 마바해운 대표"))),)
    )
    assert entries(doc(table)) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
    ]


def test_a_title_wrapped_onto_the_next_line_joins_its_entry():
    assert entries("□ 참석자 : 가나부 장관, 다라부 차관, 사아공단\n이사장, 자차협회 회장 등\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라부", None, "차관", None),
        (None, "사아공단", None, "이사장", None),
        (None, "자차협회", None, "회장", None),
    ]
    assert entries("※ 참석 : 가나부 홍길동 장관, 다라청 김하늘\n청장, 마바공단 이바다 이사장\n") == [
        (None, "가나부", "홍길동", "장관", None),
        (None, "다라청", "김하늘", "청장", None),
        (None, "마바공단", "이바다", "이사장", None),
    ]


def test_a_word_cut_after_a_letter_at_the_line_end_joins_again():
    assert entries("□ 참석자 : 가나부 홍길\n동 차관, 다라청 김하늘 국장\n") == [
        (None, "가나부", "홍길동", "차관", None),
        (None, "다라청", "김하늘", "국장", None),
    ]
    assert entries("□ 참석자 : 가나부 장관, 다라협\n회 회장, 마바공단 이사장\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라협회", None, "회장", None),
        (None, "마바공단", None, "이사장", None),
    ]


def test_a_roster_of_group_rows_with_a_list_column():
    roster = Table(
        rows=(
            (C(0, 0, "구분"), C(0, 1, "참석자")),
            (C(1, 0, "정부"), C(1, 1, "가나부 차관, 다라청 국장")),
            (C(2, 0, "업계"), C(2, 1, "마바해운 대표")),
            (C(3, 1, "사아물산 부사장"),),
        )
    )
    assert entries(doc(P("< 참석자 명단 >"), roster)) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
        ("업계", "사아물산", None, "부사장", None),
    ]


def test_a_shared_ending_spaced_off_the_last_body():
    assert entries("※ 참석 : 가나·다라·마바 위원회 위원장\n") == [
        (None, "가나위원회", None, "위원장", None),
        (None, "다라위원회", None, "위원장", None),
        (None, "마바위원회", None, "위원장", None),
    ]


def test_heads_of_kinds_of_bodies_with_the_bodies_in_brackets():
    assert entries("○ 참석 : 가나부 장관, 유관기관장(다라공단, 마바공사)\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라공단", None, None, None),
        (None, "마바공사", None, None, None),
    ]


def test_a_title_in_brackets_after_a_body():
    assert entries("○ 참석 : 가나부(장관), 마바공단(이사장)\n") == [
        (None, "가나부", None, "장관", None),
        (None, "마바공단", None, "이사장", None),
    ]


def test_a_bare_role_word_before_a_person_is_a_role():
    assert entries("□ 참석자 : 좌장 김하늘 한빛대 교수, 발제 이바다 박사(가나연구원), 박가람 다라대 교수\n") == [
        (None, "한빛대", "김하늘", "교수", "좌장"),
        (None, "가나연구원", "이바다", "박사", "발제"),
        (None, "다라대", "박가람", "교수", "발제"),
    ]


def test_letters_sharing_one_ending_and_and_before_the_dots():
    assert entries("○ 참석 : 가나부 기획조정실장 및 실·국장, 다라청 과·팀장\n") == [
        (None, "가나부", None, "기획조정실장", None),
        (None, "가나부", None, "실장", None),
        (None, "가나부", None, "국장", None),
        (None, "다라청", None, "과장", None),
        (None, "다라청", None, "팀장", None),
    ]


def test_a_label_cell_in_page_text_set_off_by_a_wide_gap():
    assert entries("□ 참석자\n정 부    가나부 차관, 다라청 국장\n업 계    마바해운 대표\n") == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
    ]


def test_who_may_attend_is_no_list():
    assert read_attendees(lines_of("○ 참석자 : 선착순 100명 (사전 신청 필요)\n")) == ((), ())


def test_a_company_mark_written_after_the_company_name():
    assert entries("○ 참석 : 마바 주식회사 박가람 전무, 주식회사 사아 상무\n") == [
        (None, "마바 주식회사", "박가람", "전무", None),
        (None, "주식회사 사아", None, "상무", None),
    ]


def test_a_label_in_a_header_row_takes_its_column_below():
    table = Table(
        rows=(
            (C(0, 0, "일시"), C(0, 1, "장소"), C(0, 2, "참석자")),
            (C(1, 0, "4.13.(월) 10:00"), C(1, 1, "가나청사"), C(1, 2, "가나부 장관, 다라청장")),
        )
    )
    assert entries(doc(P("□ 행사 개요"), table)) == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]


def test_a_label_cell_flattened_into_page_text_without_a_colon():
    assert entries("참 석 자 가나부 장관, 다라청장, 마바공단 이사장\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
        (None, "마바공단", None, "이사장", None),
    ]
    assert read_attendees(lines_of("참석자 명단은 누리집에 공개한다.\n")) == ((), ())


def test_a_short_tag_before_the_label_and_a_sentence_after_it():
    assert entries("ㅇ (1부) 참석 : 가나부 장관\nㅇ (2부) 참석 : 마바부 차관\n") == [
        (None, "가나부", None, "장관", None),
        (None, "마바부", None, "차관", None),
    ]
    assert read_attendees(lines_of("□ (참석) 가나부 장관은 13일 다라 회의에 참석하여 인사말을 하였다.\n")) == ((), ())


def test_angle_and_full_width_group_brackets():
    assert entries("□ 참석자\n - <정부> 가나부 차관\n - （업계） 다라해운 대표\n") == [
        ("정부", "가나부", None, "차관", None),
        ("업계", "다라해운", None, "대표", None),
    ]


def test_a_spaced_name_after_the_title_and_short_gwan_titles():
    assert entries("□ 참석자 : 가나부 차관 김 하늘, 마바처 감사관\n") == [
        (None, "가나부", "김하늘", "차관", None),
        (None, "마바처", None, "감사관", None),
    ]


def test_numbered_and_other_bullet_marks_before_a_label():
    for mark in ("1.", "가.", "①", "⊙", "◉", "▣", "–", "ㆍ"):
        assert entries(f"{mark} 참석자 : 가나부 장관\n") == [(None, "가나부", None, "장관", None)], mark


def test_labels_naming_whom_the_list_holds():
    assert entries("□ 주요 참석 인사 : 가나부 장관, 다라협회 회장\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라협회", None, "회장", None),
    ]
    assert entries("○ 참석위원 : 김하늘 위원장, 이바다 위원\n○ 참석 기업 : 가나전자, 다라화학\n") == [
        (None, None, "김하늘", "위원장", None),
        (None, None, "이바다", "위원", None),
        (None, "가나전자", None, None, None),
        (None, "다라화학", None, None, None),
    ]


def test_a_party_or_a_registered_body_is_no_name():
    assert entries("○ 참석 : (사)가나협회 회장, (재)다라재단 이사장, 마바당 대표\n") == [
        (None, "(사)가나협회", None, "회장", None),
        (None, "(재)다라재단", None, "이사장", None),
        (None, "마바당", None, "대표", None),
    ]


def test_who_may_attend_anywhere_in_the_line_is_no_list():
    assert read_attendees(lines_of("○ 참석자 : 가나 분야 종사자 누구나\n")) == ((), ())


def test_a_person_in_brackets_after_the_body():
    assert entries("○ 참석 : 가나협회(회장 김하늘), 다라재단(이사장 이바다)\n") == [
        (None, "가나협회", "김하늘", "회장", None),
        (None, "다라재단", "이바다", "이사장", None),
    ]


def test_a_table_with_a_header_row_under_a_bare_label_is_a_roster():
    roster = Table(
        rows=(
            (C(0, 0, "소 속"), C(0, 1, "성 명"), C(0, 2, "직 위")),
            (C(1, 0, "가나부"), C(1, 1, "홍길동"), C(1, 2, "장관")),
            (C(2, 0, "다라협회"), C(2, 1, "김하늘"), C(2, 2, "회장")),
        )
    )
    assert entries(doc(P("□ 참석자"), roster)) == [
        (None, "가나부", "홍길동", "장관", None),
        (None, "다라협회", "김하늘", "회장", None),
    ]
    groups = Table(
        rows=(
            (C(0, 0, "구분"), C(0, 1, "참석자")),
            (C(1, 0, "정부"), C(1, 1, "가나부 차관")),
            (C(2, 0, "업계"), C(2, 1, "다라해운 대표")),
        )
    )
    assert entries(doc(P("< 참석자 >"), groups)) == [
        ("정부", "가나부", None, "차관", None),
        ("업계", "다라해운", None, "대표", None),
    ]


def test_words_cut_at_odd_places_by_page_layout():
    d = doc(P("□ 참석자 : 가나부 장관, 다라", "청장, 마바공단 이사", "장, 사아협회 회장"), P("□ 내용"))
    assert entries(d) == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
        (None, "마바공단", None, "이사장", None),
        (None, "사아협회", None, "회장", None),
    ]
    assert entries("○ 참석 : 다라청 김\n하늘 국장, 마바공단\n이사장 홍길동, 사아협회 회장\n") == [
        (None, "다라청", "김하늘", "국장", None),
        (None, "마바공단", "홍길동", "이사장", None),
        (None, "사아협회", None, "회장", None),
    ]


def test_a_person_without_a_title_and_a_name_before_its_body_in_brackets():
    assert entries("□ 참석 : 한빛대 김하늘, 누리대 이바다 교수\n") == [
        (None, "한빛대", "김하늘", None, None),
        (None, "누리대", "이바다", "교수", None),
    ]
    assert entries("□ 참석자 : 김하늘(가나부 장관), 이바다(다라청장)\n") == [
        (None, "가나부", "김하늘", "장관", None),
        (None, None, "이바다", "다라청장", None),
    ]


def test_a_body_headed_by_its_own_ending_is_no_name():
    assert entries("□ 참석 : 다라청 차장, 마바원 원장\n") == [
        (None, "다라청", None, "차장", None),
        (None, "마바원", None, "원장", None),
    ]


def test_the_next_outline_item_ends_the_list():
    assert entries("(참석자) 가나부 장관, 다라부 장관\n(장소) 가나청사 회의실\n일 시 : 4.13.(월)\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라부", None, "장관", None),
    ]


def test_a_group_sub_line_after_a_list_ending_in_deung_is_not_glued_to_it():
    assert entries("ㅇ 참석 : 가나부 장관, 다라부 장관 등\n   - 업계 : 가나협회, 다라협회\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라부", None, "장관", None),
        ("업계", "가나협회", None, None, None),
        ("업계", "다라협회", None, None, None),
    ]


def test_rows_under_a_label_cell_without_a_label_of_their_own_continue_it():
    table = Table(
        rows=(
            (C(0, 0, "일 시"), C(0, 1, "4.13(월) 15:00")),
            (C(1, 0, "참 석"), C(1, 1, "가나부 장관, 다라협회 회장,")),
            (C(2, 1, "마바공단 이사장 등 30명"),),
            (C(3, 0, "장 소"), C(3, 1, "가나청사")),
        )
    )
    assert entries(doc(P("□ 개요"), table)) == [
        (None, "가나부", None, "장관", None),
        (None, "다라협회", None, "회장", None),
        (None, "마바공단", None, "이사장", None),
    ]


def test_named_bodies_on_both_sides_of_deung_and_mit():
    assert entries("참석 : 가나부 장관, 다라부 차관 등 관계부처 및 가나협회 등 유관기관\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라부", None, "차관", None),
        (None, "가나협회", None, None, None),
    ]
    assert entries("참석자 : 가나부 장관 및 관계관\n") == [
        (None, "가나부", None, "장관", None),
        (None, "가나부", None, "관계관", None),
    ]


def test_a_label_cell_spanning_rows_of_group_and_content_cells():
    table = Table(
        rows=(
            (
                Cell(row=0, col=0, row_span=2, col_span=1, blocks=(P("참석자"),)),
                C(0, 1, "정부"),
                C(0, 2, "가나부 차관"),
            ),
            (C(1, 1, "업계"), C(1, 2, "다라해운 대표")),
            (C(2, 0, "장소"), C(2, 1, "가나청사")),
        )
    )
    assert entries(doc(table)) == [("정부", "가나부", None, "차관", None), ("업계", "다라해운", None, "대표", None)]


def test_arrow_markers_between_groups_and_a_country_after_juhan():
    assert entries("참석 : ▶정부: 가나부 차관 ▶업계: 다라협회 회장\n") == [
        ("정부", "가나부", None, "차관", None),
        ("업계", "다라협회", None, "회장", None),
    ]
    assert entries("참석 : 주한 마바국 대사\n") == [(None, "주한 마바국", None, "대사", None)]


def test_a_kind_after_deung_and_mit_is_no_entry():
    assert entries("ㅇ (참석) 가나부 장관 등 정부 및 민간기업 관계자 50여명\n") == [
        (None, "가나부", None, "장관", None)
    ]


def test_a_roster_attendee_cell_with_name_and_title():
    roster = Table(
        rows=(
            (C(0, 0, "구분"), C(0, 1, "기관"), C(0, 2, "참석자")),
            (C(1, 0, "정부"), C(1, 1, "가나부"), C(1, 2, "김하늘 장관")),
            (C(2, 0, "업계"), C(2, 1, "다라협회"), C(2, 2, "이바다")),
        )
    )
    assert entries(doc(P("< 참석자 명단 >"), roster)) == [
        ("정부", "가나부", "김하늘", "장관", None),
        ("업계", "다라협회", "이바다", None, None),
    ]


def test_a_committee_seat_in_brackets_is_no_organisation():
    assert entries("ㅇ 참석 : 가나부 장관(위원장), 마바청장(위원)\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "마바청장", None),
    ]


def test_bare_names_under_role_tags_are_people():
    assert entries("□ 참석자 : [사회] 김하늘, [발제] 이바다, 박가람\n") == [
        (None, None, "김하늘", None, "사회"),
        (None, None, "이바다", None, "발제"),
        (None, None, "박가람", None, "발제"),
    ]


def test_a_deputy_head_of_a_district_and_a_title_first_person_with_the_body_in_brackets():
    assert entries("ㅇ 참석 : 다라도 경제부지사, 마바구 부구청장\n") == [
        (None, "다라도", None, "경제부지사", None),
        (None, "마바구", None, "부구청장", None),
    ]
    assert entries("□ 참석자 : 장관 김하늘(가나부), 차관 이바다(다라부)\n") == [
        (None, "가나부", "김하늘", "장관", None),
        (None, "다라부", "이바다", "차관", None),
    ]


def test_viewer_markdown_table_row_bold_label_and_heading():
    assert entries("| 구분 | 내용 |\n|---|---|\n| 일시 | 4.13.(월) 10:00 |\n| 참석자 | 가나부 장관, 다라청장 |\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]
    assert entries("- **참석** : 가나부 장관\n") == [(None, "가나부", None, "장관", None)]
    assert entries("### 참석자\n- 가나부 장관\n- 다라청장\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]


def test_a_count_with_its_groups_in_brackets_gives_nothing_a_count_with_bodies_gives_them():
    assert read_attendees(lines_of("ㅇ 참석 : 총 15명 (정부 5명, 업계 10명)\n"))[0] == ()
    assert entries("ㅇ 참석 : 약 30명 (가나부 장관, 다라청장 등)\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]


def test_a_role_in_brackets_before_mit_stays_with_its_entry():
    assert entries("ㅇ 참석 : 가나부 장관(주재) 및 관계부처 차관\n") == [
        (None, "가나부", None, "장관", "주재"),
        (None, "관계부처", None, "차관", None),
    ]


def test_group_labels_with_counts_and_inline_round_bullets():
    text = "□ 참석자\n ○ 정부(3명) : 가나부 차관, 다라청 국장\n ○ 업계(5개사) : 가나전자\n"
    assert entries(text) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "가나전자", None, None, None),
    ]
    assert entries("* 참석 : (정부, 3명) 가나부 차관 (업계, 2명) 다라해운 대표\n") == [
        ("정부", "가나부", None, "차관", None),
        ("업계", "다라해운", None, "대표", None),
    ]
    assert entries("ㅇ 참석 : ◦가나부 장관 ◦다라청장\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]


def test_a_label_set_off_by_a_tab_and_a_real_footnote_control():
    assert entries("ㅇ 참석\t가나부 장관, 다라청장\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]
    note = Paragraph(lines=("참석 : 가나부 장관, 다라청장",), indent=0, note=True)
    assert entries(doc(P("□ 가나부는 다라 회의를 열었다."), note)) == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라청장", None),
    ]


def test_no_one_yet_and_a_markdown_header_row_are_no_lists():
    for text in ("ㅇ 참석 : 없음\n", "ㅇ 참석 : 미정\n", "ㅇ 참석 : 추후 확정\n", "| 참석자 | 비고 |\n|---|---|\n"):
        assert read_attendees(lines_of(text))[0] == (), text


def test_tables_flattened_into_page_text_with_wide_gaps():
    text = "< 참석자 >\n구분        참석자\n정부        가나부 차관, 다라청 국장\n업계        마바해운 대표\n"
    assert entries(text) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
    ]
    roster = "□ 참석자 명단\n소속        직위      성명\n가나부      장관      홍길동\n다라협회    회장      김하늘\n"
    assert entries(roster) == [(None, "가나부", "홍길동", "장관", None), (None, "다라협회", "김하늘", "회장", None)]
    schedule = "일 시   4.13.(월) 10:00\n참 석   가나부 장관, 다라협회 회장\n장 소   가나청사\n"
    assert entries(schedule) == [(None, "가나부", None, "장관", None), (None, "다라협회", None, "회장", None)]
