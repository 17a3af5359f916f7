"""Attendee forms of issue 18 (invented lists): group label cells beside their entries — in a
table, in viewer Markdown, flattened into PDF lines, spaced letter by letter —, one event listed
twice (a summary box, then the detailed list), labels naming one body, and programme tables,
which are no attendee lists. Each test asserts the exact entries."""

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


GROUPED = [
    ("정부", "가나부", None, "장관", None),
    ("정부", "다라청", None, "실장", None),
    ("부처및공공기관", "마바부", None, None, None),
    ("부처및공공기관", "사아진흥원", None, None, None),
]
LABEL_TABLE = Table(
    rows=(
        (C(0, 0, "정 부"), C(0, 1, "가나부 장관, 다라청 실장")),
        (C(1, 0, "부처 및", "공공기관"), C(1, 1, "마바부, 사아진흥원 등")),
    )
)
MARKDOWN_ROWS = "| 정 부 | 가나부 장관, 다라청 실장 |\n| 부처 및 공공기관 | 마바부, 사아진흥원 등 |\n"


def test_label_cells_under_a_summary_of_the_groups():
    assert entries(doc(P("□ 참석자 : 정부, 공공기관 등 20여명"), LABEL_TABLE)) == GROUPED


def test_label_cells_under_a_roster_heading_without_column_heads():
    assert entries(doc(P("< 참석자 명단 >"), LABEL_TABLE)) == GROUPED


def test_label_cells_in_viewer_markdown():
    assert entries("□ 참석자\n" + MARKDOWN_ROWS) == GROUPED
    assert entries("□ 참석 : 정부, 공공기관 등\n" + MARKDOWN_ROWS) == GROUPED
    assert entries("< 참석자 명단 >\n" + MARKDOWN_ROWS) == GROUPED


def test_label_cells_flattened_into_pdf_lines():
    text = "□ 참석자\n정 부 가나부 장관, 다라청 실장\n부처 및 공공기관 마바부, 사아진흥원 등\n"
    assert entries(text) == GROUPED
    cut = "□ 참석자\n정 부\n가나부 장관, 다라청 실장\n부처 및\n공공기관\n마바부, 사아진흥원 등\n"
    assert entries(cut) == GROUPED


def test_a_group_word_before_a_body_is_its_label_but_before_a_title_an_entry():
    assert entries("□ 참석자\n공공기관 마바공단 이사장\n") == [("공공기관", "마바공단", None, "이사장", None)]
    assert entries("* 참석 : 가나부 차관, 업계 관계자\n") == [
        (None, "가나부", None, "차관", None),
        (None, "업계", None, "관계자", None),
    ]


def test_a_label_naming_one_body_spaced_letter_by_letter():
    assert entries("□ 참석자\n - (노 동 부) 장관, 노동정책실장\n") == [
        ("노동부", "노동부", None, "장관", None),
        ("노동부", "노동부", None, "노동정책실장", None),
    ]


def test_a_roster_group_naming_one_body_is_the_organisation_of_its_rows():
    roster = Table(
        rows=(
            (C(0, 0, "구분"), C(0, 1, "직위"), C(0, 2, "성명")),
            (C(1, 0, "노동부"), C(1, 1, "장관"), C(1, 2, "홍길동")),
            (C(2, 0, ""), C(2, 1, "노동정책실장"), C(2, 2, "김하늘")),
            (C(3, 0, "업계"), C(3, 1, "회장"), C(3, 2, "이바다")),
        )
    )
    assert entries(doc(P("< 참석자 명단 >"), roster)) == [
        ("노동부", "노동부", "홍길동", "장관", None),
        ("노동부", "노동부", "김하늘", "노동정책실장", None),
        ("업계", None, "이바다", "회장", None),
    ]


def test_a_summary_box_and_the_detailed_list_give_each_person_once():
    box = Table(rows=((C(0, 0, P("▸ (일시) 4.5.(화) 10:00"), P("▸ (참석) 가나부 장관, 다라청장, 마바협회장 등")),),))
    assert entries(
        doc(
            box,
            P("□ 참석자"),
            P(" - (정부) 가나부 장관 홍길동, 다라청장 김하늘", indent=1000),
            P(" - (업계) 마바협회 회장 이바다, 사아㈜ 대표", indent=1000),
        )
    ) == [
        ("정부", "가나부", "홍길동", "장관", None),
        ("정부", None, "김하늘", "다라청장", None),
        ("업계", "마바협회", "이바다", "회장", None),
        ("업계", "사아㈜", None, "대표", None),
    ]


def test_a_summary_note_and_a_detailed_table_give_each_person_once():
    table = Table(
        rows=(
            (C(0, 0, "정 부"), C(0, 1, "가나부 홍길동 제1차관")),
            (C(1, 0, "공공기관"), C(1, 1, "다라공단 김하늘 이사장, 마바협회")),
        )
    )
    expected = [
        ("정부", "가나부", "홍길동", "제1차관", None),
        ("공공기관", "다라공단", "김하늘", "이사장", None),
        ("공공기관", "마바협회", None, None, None),
    ]
    summary = "* 참석 : 가나부 제1차관, 다라공단 이사장, 마바협회 등"
    assert entries(doc(P(summary), P("< 참석자 명단 >"), table)) == expected
    markdown = "< 참석자 명단 >\n| 정 부 | 가나부 홍길동 제1차관 |\n| 공공기관 | 다라공단 김하늘 이사장, 마바협회 |\n"
    assert entries(summary + "\n" + markdown) == expected


PROGRAMME = Table(
    rows=(
        (C(0, 0, "시 간"), C(0, 1, "주 요 내 용"), C(0, 2, "비 고")),
        (C(1, 0, "14:00~14:30"), C(1, 1, "등록"), C(1, 2, "")),
        (C(2, 0, "14:30~14:35"), C(2, 1, "개회"), C(2, 2, "사회자")),
        (C(3, 0, "14:35~14:40"), C(3, 1, "내빈소개"), C(3, 2, "")),
        (C(4, 0, "14:40~14:50"), C(4, 1, "축사"), C(4, 2, "가나부 차관")),
    )
)


def test_a_programme_table_is_no_attendee_list():
    listed = [(None, "가나부", None, "차관", None), (None, None, None, "다라시장", None)]
    assert entries(doc(P("□ 참석자"), P("ㅇ 가나부 차관, 다라시장 등 100여명"), PROGRAMME)) == listed
    assert entries(doc(P("< 참석자 >"), PROGRAMME)) == []
    markdown = "| 시 간 | 주 요 내 용 | 비 고 |\n| 14:00~14:30 | 등록 | |\n| 14:40~14:50 | 축사 | 가나부 차관 |\n"
    assert entries("□ 참석자\n" + markdown) == []
