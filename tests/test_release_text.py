"""Synthetic releases (written for these tests, modelled on real korea.kr forms)."""

import datetime as dt

from briefing_spider.parse.documents.model import Cell, DocumentText, Paragraph, Table
from briefing_spider.parse.release_text import ReleaseFacts, extract_release_facts


def P(*lines, indent=0, note=False):
    return Paragraph(lines=tuple(lines), indent=indent, note=note)


def C(row, col, *lines, row_span=1, col_span=1):
    blocks = (P(*lines),) if lines else ()
    return Cell(row=row, col=col, row_span=row_span, col_span=col_span, blocks=blocks)


def doc(*blocks):
    text = "\n".join(line for b in blocks for line in (b.lines if isinstance(b, Paragraph) else ()))
    return DocumentText(kind="hwpx", blocks=tuple(blocks), text=text, paragraphs=len(blocks))


def people(facts: ReleaseFacts):
    return [(a.group, a.organization, a.name, a.title, a.role) for a in facts.attendees]


# ---------------------------------------------------------------- contacts

CONTACT_TABLE = Table(
    rows=(
        (
            C(0, 0, "담당 부서"),
            C(0, 1, "가나다부"),
            C(0, 2, "책임자"),
            C(0, 3, "과  장"),
            C(0, 4, "홍길동"),
            C(0, 5, "(044-000-1111)"),
        ),
        (
            C(1, 0, "<총괄>"),
            C(1, 1, "라마바과", row_span=2),
            C(1, 2, "담당자"),
            C(1, 3, "사무관"),
            C(1, 4, "김철수"),
            C(1, 5, "(044-000-2222)"),
        ),
        (C(2, 0), C(2, 2, "담당자"), C(2, 3, "주무관"), C(2, 4, "이영희"), C(2, 5, "(abc@korea.kr)")),
        (
            C(3, 0, "담당 부서"),
            C(3, 1, "사아청 생활과"),
            C(3, 2, "책임자"),
            C(3, 3, "총 경"),
            C(3, 4, "박민수"),
            C(3, 5, "(02-000-****)"),
        ),
        (
            C(4, 0, "사아청"),
            C(4, 1, "교통과"),
            C(4, 2, "담당자"),
            C(4, 3, "경 정"),
            C(4, 4, "최지우"),
            C(4, 5, "(02-000-3333)"),
        ),
    )
)


def test_contact_table_rows_merges_units_and_labels():
    facts = extract_release_facts(doc(P("□ 본문 문장입니다."), CONTACT_TABLE))
    got = [(c.department, c.role, c.title, c.name, c.phone) for c in facts.contacts]
    assert got == [
        ("가나다부", "책임자", "과장", "홍길동", "044-000-1111"),
        ("라마바과", "담당자", "사무관", "김철수", "044-000-2222"),
        ("라마바과", "담당자", "주무관", "이영희", None),  # merged cell; e-mail → no phone
        ("사아청 생활과", "책임자", "총경", "박민수", "02-000-****"),  # masked phone kept
        ("사아청 교통과", "담당자", "경정", "최지우", "02-000-3333"),  # unit in column 0 first
    ]
    assert all(c.raw for c in facts.contacts)


def test_merged_person_cells_give_one_contact():
    table = Table(
        rows=(
            (
                C(0, 0, "담당 부서", row_span=3),
                C(0, 1, "가국", row_span=2),
                C(0, 2, "책임자"),
                C(0, 3, "과장"),
                C(0, 4, "갑을병"),
                C(0, 5, "(044-100-1111)"),
            ),
            (
                C(1, 2, "담당자", row_span=2),
                C(1, 3, "조사관", row_span=2),
                C(1, 4, "정무진", row_span=2),
                C(1, 5, "(044-100-2222)", row_span=2),
            ),
            (C(2, 1, "나과"),),
        )
    )
    facts = extract_release_facts(doc(table))
    assert [(c.department, c.name) for c in facts.contacts] == [("가국", "갑을병"), ("가국", "정무진")]


def test_contacts_from_plain_text_forms():
    text = (
        "- 담당 부서 <총괄>: 가가국 나나과 / 책임자 과장 홍길동 / (044-215-0000)\n"
        "- 담당자: 사무관 / 김철수 kim@korea.kr\n"
    )
    got = [(c.department, c.role, c.title, c.name, c.phone) for c in extract_release_facts(text).contacts]
    assert got == [
        ("가가국 나나과", "책임자", "과장", "홍길동", "044-215-0000"),
        ("가가국 나나과", "담당자", "사무관", "김철수", None),
    ]


# ---------------------------------------------------------------- footnotes


def test_footnotes_marks_wrapping_and_sub_lines():
    d = doc(
        P("  본문에 표시된 단어* 가 있다."),
        P("    * 첫째 주석 설명", "이어지는 줄"),
        P("   - 본문 글머리표(얕음)"),
        P("  ※ 둘째 주석"),
        P("      - 깊은 하위 줄"),
        P("  ** 별 두 개 주석"),
        P("본문 가운데 ※ 표시는 주석이 아니다."),
        Table(rows=((C(0, 0, "※ 표 안 주석"),),)),
        P("붙임 1. 참고자료"),
    )
    notes = [(f.marker, f.text) for f in extract_release_facts(d).footnotes]
    assert notes == [
        ("*", "첫째 주석 설명 이어지는 줄"),
        ("※", "둘째 주석 - 깊은 하위 줄"),
        ("**", "별 두 개 주석"),
        ("※", "표 안 주석"),
    ]


def test_page_text_sub_line_without_dash_and_boilerplate_excluded():
    text = (
        "제목\n\n2024.09.20 가나부\n\n"
        "\u00a0\u00a0본문 문단이다.\n\n"
        "※ 협의체 설명 : 여러 나라가 참여\n\n"
        "\u00a0\u00a0 \u00a0- 2022년 출범\n\n"
        "\u00a0\u00a0다음 본문 문단이다.\n\n"
        "“이 자료는 가나부의 보도자료를 전재하여 제공함을 알려드립니다.”\n\n"
        "※ 브리핑룸 보도자료는 각 부처가 제공하는 자료입니다.\n"
    )
    notes = [(f.marker, f.text) for f in extract_release_facts(text).footnotes]
    assert notes == [("※", "협의체 설명 : 여러 나라가 참여 2022년 출범")]


# ---------------------------------------------------------------- attendees


def test_page_text_groups_inheritance_and_trailing_etc():
    text = (
        "※ 참석자 : (정부) 가나부 홍길동 2차관, 김철수 경제조정관 등(기업 및 기관) 배터리 관련 기업, "
        "다라공단, 마바연구원(전문가) 한국대 화학부 이영희 교수, 민국대 정외과 박민수 교수 등\n"
    )
    assert people(extract_release_facts(text)) == [
        ("정부", "가나부", "홍길동", "2차관", None),
        ("정부", "가나부", "김철수", "경제조정관", None),
        ("기업 및 기관", "배터리 관련 기업", None, None, None),
        ("기업 및 기관", "다라공단", None, None, None),
        ("기업 및 기관", "마바연구원", None, None, None),
        ("전문가", "한국대 화학부", "이영희", "교수", None),
        ("전문가", "민국대 정외과", "박민수", "교수", None),
    ]


def test_note_list_roles_and_qualifier_dropped():
    text = "* 참석자: 경제부총리(주재), 과기부, 농식품부, 기획처 등 관계부처 장차관\n"
    assert people(extract_release_facts(text)) == [
        (None, None, None, "경제부총리", "주재"),
        (None, "과기부", None, None, None),
        (None, "농식품부", None, None, None),
        (None, "기획처", None, None, None),
    ]


def test_sub_line_groups_bracket_roles_and_title_inheritance():
    d = doc(
        P(" ◦ 참 석:"),
        P("   - (국회) [좌장] 김주영 의원, 홍길동 의원"),
        P("   - (정부) 산업부 산업정책실장, 중견기업정책관"),
        P(" ◦ 주 제: 다른 항목"),
    )
    assert people(extract_release_facts(d)) == [
        ("국회", "국회", "김주영", "의원", "좌장"),  # a label naming one body is their organisation
        ("국회", "국회", "홍길동", "의원", None),  # 좌장 is one person's role: not carried
        ("정부", "산업부", None, "산업정책실장", None),
        ("정부", "산업부", None, "중견기업정책관", None),
    ]


def test_name_first_order_line_breaks_middots_and_summary_merge():
    d = doc(
        Table(
            rows=(
                (
                    C(
                        0,
                        0,
                        "‣ 참  석  자 : 가나위원회 위원장, 송하늘 한국대 교수,",
                        "가나위원회 사무국ㆍ다라거래소ㆍ마바공사 관계자",
                    ),
                ),
            )
        ),
        P(" □ (참 석) 김가람 가나위원회 위원장", "송하늘 한국대학교 전기공학과 교수", "허  진 민국대 기계공학과 교수"),
    )
    assert people(extract_release_facts(d)) == [
        (None, "가나위원회", "김가람", "위원장", None),
        (None, "한국대학교 전기공학과", "송하늘", "교수", None),
        (None, "민국대 기계공학과", "허진", "교수", None),
        (None, "가나위원회 사무국", None, "관계자", None),
        (None, "다라거래소", None, "관계자", None),
        (None, "마바공사", None, "관계자", None),
    ]


def test_footnote_expanded_list_and_counts():
    d = doc(
        P("▸ (참석자) 가나협회, 수요 대·중견기업 3개사*"),
        P("   * 가가(주), 나나식품, ㈜다다 등"),
        P("□ 참석자 : 가나부 정책관, 기관 담당자 등 약 160명"),
    )
    got = people(extract_release_facts(d))
    assert got[:4] == [
        (None, "가나협회", None, None, None),
        (None, "가가(주)", None, None, None),
        (None, "나나식품", None, None, None),
        (None, "㈜다다", None, None, None),
    ]
    assert (None, "가나부", None, "정책관", None) in got
    assert all("160" not in (a[1] or "") for a in got)


def test_label_cell_takes_the_cell_to_its_right():
    table = Table(rows=((C(0, 0, "참 석 자"), C(0, 1, "가나부 홍길동 국장, 다라협회")),))
    assert people(extract_release_facts(doc(table))) == [
        (None, "가나부", "홍길동", "국장", None),
        (None, "다라협회", None, None, None),
    ]


def test_narrative_sentences_are_not_lists():
    text = "관계자 30여 명이 참석한 가운데 회의가 열렸다.\n이번 행사에 참석하여 축사를 했다.\n"
    assert extract_release_facts(text).attendees == ()


def test_no_recognisable_block_gives_empty_facts():
    facts = extract_release_facts("그냥 문장 하나.\n또 하나.")
    assert facts == ReleaseFacts()
    assert extract_release_facts("") == ReleaseFacts()
    assert extract_release_facts(doc()) == ReleaseFacts()


def test_event_at_from_schedule_line():
    d = doc(P("□ (일 시) ’26. 4. 14(화), 14:00 ~ 15:30"), P("□ 본문"))
    assert extract_release_facts(d, published=dt.date(2026, 4, 13)).event_at == "2026-04-14T14:00:00+09:00"
    assert extract_release_facts(d).event_at is None  # no release date, no guess


def test_every_item_keeps_raw():
    text = "※ 참석자 : 가나부 홍길동 국장\n"
    facts = extract_release_facts(text)
    assert all(a.raw for a in facts.attendees) and all(f.raw for f in facts.footnotes)


def test_unreadable_blocks_go_to_warnings_not_records():
    facts = extract_release_facts("□ 참석자 : 약 30명\n책임자 과장 (전화 없음)\n")
    assert facts.attendees == () and facts.contacts == ()
    assert any(w.startswith("attendees:") and "약 30명" in w for w in facts.warnings)
    assert any(w.startswith("contacts:") for w in facts.warnings)


def test_flattened_crawler_text_is_split_at_bullets():
    text = (
        "□ 가나본부는 가나실장 주재로 7월 22일(수) 10시 청사에서 관계부처* 점검회의를 개최하였다. "
        "* (참석) 복지부, 문체부, 성평등부, 경찰청 등 □ 정부는 앞으로 " + "계속 노력할 계획이다. " * 30
    )
    facts = extract_release_facts(text, published=dt.date(2026, 7, 22))
    assert [a.organization for a in facts.attendees] == ["복지부", "문체부", "성평등부", "경찰청"]
    assert facts.event_at == "2026-07-22T10:00:00+09:00"
    assert [f.marker for f in facts.footnotes] == ["*"]


def test_people_run_together_when_line_breaks_were_lost():
    text = "□ (참 석) 김가람 가나위원회 위원장 송하늘 한국대학교 교수 허 진 민국대 기계공학과 교수\n"
    assert people(extract_release_facts(text)) == [
        (None, "가나위원회", "김가람", "위원장", None),
        (None, "한국대학교", "송하늘", "교수", None),
        (None, "민국대 기계공학과", "허진", "교수", None),
    ]


def test_unspaced_agency_and_office_title_split_but_bare_ranks_stay_whole():
    text = "ㅇ (참석자): 산업부산업정책실장, 중견기업정책관, 국토부장관, 금융위원장\n"
    assert people(extract_release_facts(text)) == [
        (None, "산업부", None, "산업정책실장", None),
        (None, "산업부", None, "중견기업정책관", None),
        (None, None, None, "국토부장관", None),
        (None, None, None, "금융위원장", None),
    ]
