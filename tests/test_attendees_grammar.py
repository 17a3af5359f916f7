"""The attendee grammar, form by form, on synthetic lists (invented names and bodies, modelled on
the forms of real releases). Each test asserts the exact entries (group, organisation, name,
title, role) and, where tokens are left over, the warning naming them."""

from briefing_spider.parse.attendees import read_attendees
from briefing_spider.parse.documents.model import Cell, DocumentText, Paragraph, Table
from briefing_spider.parse.release_text import extract_release_facts
from briefing_spider.parse.text_lines import lines_of


def P(*lines, indent=0):
    return Paragraph(lines=tuple(lines), indent=indent)


def C(row, col, *blocks):
    return Cell(row=row, col=col, blocks=tuple(P(b) if isinstance(b, str) else b for b in blocks))


def doc(*blocks):
    return DocumentText(kind="hwpx", blocks=tuple(blocks), text="", paragraphs=len(blocks))


def read(source):
    attendees, warnings = read_attendees(lines_of(source))
    return [(a.group, a.organization, a.name, a.title, a.role) for a in attendees], list(warnings)


def entries(source):
    got, warnings = read(source)
    assert warnings == []
    return got


# ---------------------------------------------------------------- labels


def test_label_variants_after_any_bullet_glyph():
    for label in (
        "￭ 참석기관 :",
        "▪ 참석 대상 :",
        "◦ (참 석 자)",
        "\U000f02b1 참석자 :",
        "\uf0a7 참석 :",
        "❍ 참석기관:",
    ):
        assert entries(f"{label} 가나공단, 다라협회\n") == [
            (None, "가나공단", None, None, None),
            (None, "다라협회", None, None, None),
        ], label


def test_narrative_and_a_councils_member_table_are_not_lists():
    text = (
        "이날 회의에는 가나공단 이사장 등이 참석한 가운데 열렸다.\n"
        "참석 대상은 추후 안내할 예정이다.\n"
        "□ 참여기관 : 가나공단, 다라협회\n"
    )
    assert read(text) == ([], [])


def test_summary_line_with_group_sub_lines_adds_no_entries_of_its_own():
    d = doc(
        P(" ◦ 참석 : 정부, 업계 등 20명 내외"),
        P("   - (정부) 가나부 홍길동 차관, 정책관"),
        P("   - (업계) 다라해운 대표, 마바물산 부사장"),
        P(" ◦ 장소 : 다른 항목"),
    )
    assert entries(d) == [
        ("정부", "가나부", "홍길동", "차관", None),
        ("정부", "가나부", None, "정책관", None),
        ("업계", "다라해운", None, "대표", None),
        ("업계", "마바물산", None, "부사장", None),
    ]


# ---------------------------------------------------------------- wrapping and groups running on


def test_list_wrapped_without_bullet_on_the_continuation_line():
    text = "※ 참석자 : 가나공단 이사장, 다라협회 회장,\n마바연구원 원장, 사아재단 이사장\n이번 회의는 처음 열렸다.\n"
    assert entries(text) == [
        (None, "가나공단", None, "이사장", None),
        (None, "다라협회", None, "회장", None),
        (None, "마바연구원", None, "원장", None),
        (None, "사아재단", None, "이사장", None),
    ]


def test_comma_list_wrapped_inside_a_word_joins_again():
    text = "* 참석 : 가나공단, 다라마바\n사아협회, 자차재단 등\n"
    assert entries(text) == [
        (None, "가나공단", None, None, None),
        (None, "다라마바사아협회", None, None, None),
        (None, "자차재단", None, None, None),
    ]


def test_group_runs_on_until_the_next_group_label_line_per_person():
    d = doc(
        P("□ 참석자"),
        P("  (정부)", indent=1000),
        P("  가나부 홍길동 차관", indent=1000),
        P("  다라청 김하늘 청장", indent=1000),
        P("  (전문가)", indent=1000),
        P("  이바다 한빛대학교 교수", indent=1000),
        P("□ 주요 내용"),
    )
    assert entries(d) == [
        ("정부", "가나부", "홍길동", "차관", None),
        ("정부", "다라청", "김하늘", "청장", None),
        ("전문가", "한빛대학교", "이바다", "교수", None),
    ]


# ---------------------------------------------------------------- orders and roles


def test_role_tag_carried_over_a_comma_list_of_name_title_body():
    text = "□ 참석자 : [좌장] 박가람 교수(한빛대), [토론] 김하늘 교수(누리대), 이바다 대표(가나로봇)\n"
    assert entries(text) == [
        (None, "한빛대", "박가람", "교수", "좌장"),
        (None, "누리대", "김하늘", "교수", "토론"),
        (None, "가나로봇", "이바다", "대표", "토론"),
    ]


def test_one_person_roles_are_not_carried():
    assert entries("* 참석 : (주재) 가나부 장관, 다라부, 마바처\n") == [
        (None, "가나부", None, "장관", "주재"),
        (None, "다라부", None, None, None),
        (None, "마바처", None, None, None),
    ]


def test_new_organisation_mid_list_takes_the_titles_after_it():
    assert entries("ㅇ (참석자): 가나부 주택정책관, 주택정책과장, LH 사장, 부사장\n") == [
        (None, "가나부", None, "주택정책관", None),
        (None, "가나부", None, "주택정책과장", None),
        (None, "LH", None, "사장", None),
        (None, "LH", None, "부사장", None),
    ]


def test_acronym_written_unspaced_before_a_title_splits():
    assert entries("ㅇ (참석자): 가나부 정책관, ABC사장, 부사장\n")[1:] == [
        (None, "ABC", None, "사장", None),
        (None, "ABC", None, "부사장", None),
    ]


# ---------------------------------------------------------------- shared endings, conjunctions, counts


def test_shared_ministry_ending_and_title_expand():
    assert entries("※ 참석 : 가나·다라·마바부 장관\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라부", None, "장관", None),
        (None, "마바부", None, "장관", None),
    ]
    assert entries("※ 참석 : 해양가나‧국토다라부 실장\n") == [
        (None, "해양가나부", None, "실장", None),
        (None, "국토다라부", None, "실장", None),
    ]


def test_and_between_two_bodies_sharing_a_title():
    assert entries("※ 참석 : 가나전자 및 다라화학 대표이사\n") == [
        (None, "가나전자", None, "대표이사", None),
        (None, "다라화학", None, "대표이사", None),
    ]


def test_official_name_with_a_dot_stays_whole():
    assert entries("※ 참석 : 대·중견가나·다라협력재단, 마바공단\n") == [
        (None, "대·중견가나·다라협력재단", None, None, None),
        (None, "마바공단", None, None, None),
    ]


def test_bracketed_count_etc_and_described_body():
    assert entries("※ 참석 : 참여기업(3개사), 우수기업(가나㈜), 다라협회 등 약 30명\n") == [
        (None, "참여기업", None, None, None),
        (None, "가나㈜", None, None, None),
        (None, "다라협회", None, None, None),
    ]


# ---------------------------------------------------------------- labels naming one body


def test_bracket_label_naming_one_body_is_group_and_organisation():
    d = doc(
        P("□ 참석자"),
        P("  - (가나부) 장관, 기획조정실장", indent=1000),
        P("  - (다라공단) 홍길동 이사장", indent=1000),
        P("  - (국회) 김하늘 의원, 마바위원회 이바다 위원장", indent=1000),
        P("  - (업계) 사아전자 대표", indent=1000),
    )
    assert entries(d) == [
        ("가나부", "가나부", None, "장관", None),
        ("가나부", "가나부", None, "기획조정실장", None),
        ("다라공단", "다라공단", "홍길동", "이사장", None),
        ("국회", "국회", "김하늘", "의원", None),
        ("국회", "마바위원회", "이바다", "위원장", None),
        ("업계", "사아전자", None, "대표", None),
    ]


def test_body_label_with_nothing_under_it_is_the_body():
    assert entries("* 참석 : (국회), (정부) 가나부 차관\n") == [
        ("정부", "가나부", None, "차관", None),
        ("국회", "국회", None, None, None),
    ]


# ---------------------------------------------------------------- label cells beside entries


def test_group_label_cells_in_a_table_under_a_bare_label():
    label_table = Table(
        rows=(
            (C(0, 0, "정 부"), C(0, 1, "가나부 차관, 다라청장")),
            (C(1, 0, "업 계"), C(1, 1, "마바해운 대표")),
        )
    )
    box = Table(rows=((C(0, 0, P("□ 참석자"), label_table),),))
    assert entries(doc(box)) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", None, None, "다라청장", None),
        ("업계", "마바해운", None, "대표", None),
    ]


def test_cell_row_rendered_with_a_bar_in_page_text():
    text = "□ 참석자\n  정부 | 가나부 차관, 다라부 국장\n  업계 | 마바해운 대표\n"
    assert entries(text) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라부", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
    ]


def test_label_in_a_remarks_column_is_not_a_list():
    schedule = Table(rows=((C(0, 0, "10:00"), C(0, 1, "개회"), C(0, 2, "참석자")),))
    after = Table(rows=((C(0, 0, "붙임"), C(0, 1, "가나 개요")),))
    assert read(doc(schedule, after)) == ([], [])


# ---------------------------------------------------------------- warnings


def test_unaccounted_tokens_are_kept_and_warned():
    got, warnings = read("* 참석 : 가나공단 이사장, 다라협회 10:30 집결\n")
    assert got[0] == (None, "가나공단", None, "이사장", None)
    assert got[1] == (None, "다라협회 10:30 집결", None, None, None)
    assert warnings == ["attendees: unaccounted '10:30' in: 다라협회 10:30 집결"]


def test_several_words_ending_in_no_body_are_warned():
    got, warnings = read("* 참석 : 가나공단, 다라 마바 사아\n")
    assert got == [(None, "가나공단", None, None, None), (None, "다라 마바 사아", None, None, None)]
    assert warnings == ["attendees: unaccounted '사아' in: 다라 마바 사아"]


def test_warnings_reach_release_facts():
    facts = extract_release_facts("* 참석 : 가나공단, 다라 마바 사아\n")
    assert "attendees: unaccounted '사아' in: 다라 마바 사아" in facts.warnings


# ---------------------------------------------------------------- roster tables


def test_roster_table_under_a_heading_one_row_per_person():
    roster = Table(
        rows=(
            (C(0, 0, "구 분"), C(0, 1, "소 속"), C(0, 2, "직 위"), C(0, 3, "성 명")),
            (C(1, 0, "정부"), C(1, 1, "가나부"), C(1, 2, "차관"), C(1, 3, "홍 길 동")),
            (C(2, 1, "다라청"), C(2, 2, "국장"), C(2, 3, "김하늘")),
            (C(3, 0, "전문가"), C(3, 1, "한빛대학교"), C(3, 2, "교수"), C(3, 3, "이바다")),
        )
    )
    assert entries(doc(P("< 참석자 명단 >"), roster)) == [
        ("정부", "가나부", "홍길동", "차관", None),
        ("정부", "다라청", "김하늘", "국장", None),
        ("전문가", "한빛대학교", "이바다", "교수", None),
    ]


def test_combined_body_and_title_column():
    roster = Table(
        rows=(
            (C(0, 0, "성명"), C(0, 1, "소속 및 직위"), C(0, 2, "비고")),
            (C(1, 0, "박가람"), C(1, 1, "가나연구원 선임연구위원"), C(1, 2, "좌장")),
            (C(2, 0, "최누리"), C(2, 1, "다라대학교 교수"), C(2, 2, "온라인")),
        )
    )
    assert entries(doc(P("□ 참석자 현황"), roster)) == [
        (None, "가나연구원", "박가람", "선임연구위원", "좌장"),
        (None, "다라대학교", "최누리", "교수", None),
    ]


def test_member_table_without_an_attendee_heading_is_not_read():
    roster = Table(
        rows=(
            (C(0, 0, "소속"), C(0, 1, "성명")),
            (C(1, 0, "가나부"), C(1, 1, "홍길동")),
        )
    )
    assert read(doc(P("□ 위원 명단"), roster)) == ([], [])


# ---------------------------------------------------------------- more separators and heads


def test_and_between_complete_entries_and_slash_separator():
    assert entries("※ 참석 : 가나부 홍길동 장관 및 다라청 김하늘 청장 / 마바공단 이사장\n") == [
        (None, "가나부", "홍길동", "장관", None),
        (None, "다라청", "김하늘", "청장", None),
        (None, "마바공단", None, "이사장", None),
    ]


def test_and_inside_a_descriptive_phrase_stays_one_body():
    assert entries("※ 참석 : 가나광물 및 배터리 관련 기업\n") == [
        (None, "가나광물 및 배터리 관련 기업", None, None, None)
    ]


def test_unspaced_head_of_a_body_inherits_nothing_a_deputy_does():
    assert entries("* 참석 : 가나부 장관, 다라시장, 마바군수, 사아위원회 위원장, 부위원장 외 3명\n") == [
        (None, "가나부", None, "장관", None),
        (None, None, None, "다라시장", None),
        (None, None, None, "마바군수", None),
        (None, "사아위원회", None, "위원장", None),
        (None, "사아위원회", None, "부위원장", None),
    ]


def test_group_label_before_a_colon_inside_the_list():
    d = doc(
        P("□ 참석자"),
        P("  - 정부 : 가나부 차관, 다라청 국장", indent=1000),
        P("  - 업계 : 마바해운 대표", indent=1000),
    )
    assert entries(d) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
    ]


def test_spacing_noise_of_viewer_text_is_accounted_for():
    assert entries("◦ 참 석 : 가나부 제 2 차관, AB 생활가전, ㈜다라 마바 홀딩스, 사아 그룹\n") == [
        (None, "가나부", None, "제2차관", None),
        (None, "AB 생활가전", None, None, None),
        (None, "㈜다라 마바 홀딩스", None, None, None),
        (None, "사아 그룹", None, None, None),
    ]


def test_body_title_name_order_and_a_bare_role_word():
    assert entries("【참석자】 국무가나 주재, 가나부 장관 홍길동, 다라청 김하늘 청장\n") == [
        (None, "국무가나", None, None, "주재"),
        (None, "가나부", "홍길동", "장관", None),
        (None, "다라청", "김하늘", "청장", None),
    ]


def test_numbered_and_head_pairs_expand():
    assert entries("◦ 참석자(30여명) : 가나부 1·2차관, 다라부 장·차관\n") == [
        (None, "가나부", None, "1차관", None),
        (None, "가나부", None, "2차관", None),
        (None, "다라부", None, "장관", None),
        (None, "다라부", None, "차관", None),
    ]


def test_bare_label_then_unbulleted_or_numbered_entry_lines():
    assert entries("□ 참석자\n가나부 홍길동 차관\n다라청 김하늘 국장\n이번 회의는 처음이다.\n") == [
        (None, "가나부", "홍길동", "차관", None),
        (None, "다라청", "김하늘", "국장", None),
    ]
    assert entries("□ 참석자\n ① 가나부 차관\n ② 마바공단 이사장\n 1. 개요\n") == [
        (None, "가나부", None, "차관", None),
        (None, "마바공단", None, "이사장", None),
    ]


def test_label_cell_beside_a_nested_table_of_group_rows():
    groups = Table(
        rows=(
            (C(0, 0, "정 부"), C(0, 1, "가나부 차관")),
            (C(1, 0, "전문가"), C(1, 1, "김하늘 한빛대 교수")),
        )
    )
    outer = Table(rows=((C(0, 0, "참석자"), C(0, 1, groups)),))
    assert entries(doc(outer)) == [
        ("정부", "가나부", None, "차관", None),
        ("전문가", "한빛대", "김하늘", "교수", None),
    ]


def test_a_list_may_start_with_any_syllable():
    assert entries("□ 참석자 : 이바다 한빛대 교수, 한누리 다라협회 회장\n* (참석) 시가나 마바공단 이사장\n") == [
        (None, "한빛대", "이바다", "교수", None),
        (None, "다라협회", "한누리", "회장", None),
        (None, "마바공단", "시가나", "이사장", None),
    ]
    assert read("※ 참석 : 요청 가능\n참석하여 인사말을 했다.\n") == ([], [])


def test_group_naming_a_kind_of_body_lends_no_organisation():
    assert entries("□ 참석자\n - (정부부처) 기획조정실장\n - (공공기관) 가나공단 이사장\n") == [
        ("정부부처", None, None, "기획조정실장", None),
        ("공공기관", "가나공단", None, "이사장", None),
    ]


def test_a_contact_line_after_a_list_does_not_continue_it():
    text = "※ 참석자 : 가나부 차관, 다라청 국장\n담당 부서 가나부 마바과\n책임자 과장 홍길동 044-000-0000\n"
    assert entries(text) == [(None, "가나부", None, "차관", None), (None, "다라청", None, "국장", None)]


def test_a_line_ending_in_a_name_ending_in_da_is_not_a_sentence():
    d = doc(P("□ 참석자 : 가나부 장관 김하늘,", "다라청 청장 이바다"), P("□ 회의가 열렸다"))
    assert entries(d) == [(None, "가나부", "김하늘", "장관", None), (None, "다라청", "이바다", "청장", None)]


def test_group_colon_after_a_slash_besides_qualifier_and_title_qualifiers():
    assert entries("- 참석 : 정부 : 가나부 1차관 / 업계 : 마바협회 회장\n") == [
        ("정부", "가나부", None, "1차관", None),
        ("업계", "마바협회", None, "회장", None),
    ]
    assert entries("□ 참석자 : 가나부 장관, 다라공사 사장 외 관계자 30여명\n") == [
        (None, "가나부", None, "장관", None),
        (None, "다라공사", None, "사장", None),
    ]
    assert entries("□ 참석자 : 주한 가나 대사, 다라부 명예 대사\n") == [
        (None, "주한 가나", None, "대사", None),
        (None, "다라부", None, "명예 대사", None),
    ]


def test_inline_triangle_markers_and_a_name_in_brackets_after_the_title():
    assert entries("(참석자) ▲가나부 장관(홍길동) ▲다라청장(김하늘) ▲마바공단 이사장\n") == [
        (None, "가나부", "홍길동", "장관", None),
        (None, None, "김하늘", "다라청장", None),
        (None, "마바공단", None, "이사장", None),
    ]


def test_unbracketed_group_label_lines_from_text_boxes():
    d = doc(P("□ 참석자"), P("정 부"), P("가나부 차관, 다라청 국장"), P("업 계"), P("마바해운 대표"), P("□ 주요 내용"))
    assert entries(d) == [
        ("정부", "가나부", None, "차관", None),
        ("정부", "다라청", None, "국장", None),
        ("업계", "마바해운", None, "대표", None),
    ]


def test_one_body_per_line_list_keeps_its_bodies():
    assert entries("□ 참석기관\n국회\n가나부\n다라공단\n") == [
        (None, "국회", None, None, None),
        (None, "가나부", None, None, None),
        (None, "다라공단", None, None, None),
    ]


def test_a_presentation_tag_keeps_its_own_word():
    """GUIDE.md lists `[발제]` among the role tags: the role is 발제 as the list writes it, not 발표."""
    found, _ = read_attendees(lines_of("□ 참석자\n  - [발제] 김하늘 교수(한빛대), [발표] 이바다 대표(다온로봇)"))
    assert [(a.name, a.organization, a.title, a.role) for a in found] == [
        ("김하늘", "한빛대", "교수", "발제"),
        ("이바다", "다온로봇", "대표", "발표"),
    ]
