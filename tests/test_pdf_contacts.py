"""Contact blocks in PDF text (the table flattened into visual lines; invented examples): a
department written before a row's role is that row's, a name spaced letter by letter is one
name, a phone that went onto the next line belongs to its row."""

from briefing_spider.parse.contacts import extract_contacts
from briefing_spider.parse.documents.model import Cell, Paragraph, Table
from briefing_spider.parse.text_lines import lines_of


def contacts(text):
    return [(c.department, c.role, c.title, c.name, c.phone) for c in extract_contacts([], lines_of(text))]


def test_each_row_keeps_the_department_written_before_its_role():
    text = "담당 부서\n가나정책관 책임자 과 장 홍길동 (044-123-4567)\n다라협상과 담당자 사무관 김하늘 (044-123-4568)\n"
    assert contacts(text) == [
        ("가나정책관", "책임자", "과 장", "홍길동", "044-123-4567"),
        ("다라협상과", "담당자", "사무관", "김하늘", "044-123-4568"),
    ]


def test_a_name_spaced_letter_by_letter_and_a_row_under_the_label_line():
    text = "담당 부서 가나기획관 책임자 과 장 최바다 (044-123-1111)\n마바담당관 담당자 사무관 배 인 (044-123-2222)\n"
    assert contacts(text) == [
        ("가나기획관", "책임자", "과 장", "최바다", "044-123-1111"),
        ("마바담당관", "담당자", "사무관", "배인", "044-123-2222"),
    ]


def test_a_row_whose_phone_wrapped_onto_the_next_line():
    text = "담당 부서\n사아지원단 책임자 과 장 이하늘\n(044-123-3333)\n담당자 사무관 박구름 (044-123-4444)\n"
    assert contacts(text) == [
        ("사아지원단", "책임자", "과 장", "이하늘", "044-123-3333"),
        ("사아지원단", "담당자", "사무관", "박구름", "044-123-4444"),
    ]


# A PDF's contact table, read from its rules (pdf_tables.py): where the rules leave rows
# undivided, one cell holds several lines — a person a line, or a role a line.


def cell(row, col, *lines, row_span=1):
    return Cell(row=row, col=col, row_span=row_span, blocks=(Paragraph(lines=lines),) if lines else ())


def table_contacts(*rows):
    found = extract_contacts([Table(rows=rows)], [])
    return [(c.department, c.role, c.title, c.name, c.phone) for c in found]


def test_a_cell_holding_title_name_and_phone_gives_the_person():
    rows = (
        (
            cell(0, 0, "담당 부서"),
            cell(0, 1, "가나과"),
            cell(0, 2, "책임자"),
            cell(0, 3, "과 장 홍길동 (044-123-4567)"),
        ),
    )
    assert table_contacts(*rows) == [("가나과", "책임자", "과 장", "홍길동", "044-123-4567")]


def test_a_cell_of_several_people_gives_one_contact_a_line():
    people = ("사무관 김하늘 (044-123-1111)", "주무관 이바다", "(044-123-2222)", "사무관 박구름 (pak@korea.kr)")
    rows = ((cell(0, 0, "가나과"), cell(0, 1, "담당자"), cell(0, 2, *people)),)
    assert table_contacts(*rows) == [
        ("가나과", "담당자", "사무관", "김하늘", "044-123-1111"),
        ("가나과", "담당자", "주무관", "이바다", "044-123-2222"),
        ("가나과", "담당자", "사무관", "박구름", None),
    ]


def test_a_role_cell_of_two_roles_pairs_them_with_the_people_in_order():
    rows = (
        (
            cell(0, 0, "담당부서"),
            cell(0, 1, "다라실", "마바과"),
            cell(0, 2, "책임자", "담당자"),
            cell(0, 3, "과 장 최바다 (044-123-3333)", "사무관 정하늘 (044-123-4444)"),
        ),
    )
    assert table_contacts(*rows) == [
        ("다라실 마바과", "책임자", "과 장", "최바다", "044-123-3333"),
        ("다라실 마바과", "담당자", "사무관", "정하늘", "044-123-4444"),
    ]
