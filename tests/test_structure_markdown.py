"""A document's structure and its Markdown, on synthetic HWPX, HWP 5, PDF and HTML written here."""

from __future__ import annotations

import re

import pytest

from briefing_spider.parse.documents import Paragraph, extract_document, render_text
from briefing_spider.parse.documents.markdown import document_markdown, page_markdown, text_markdown
from briefing_spider.parse.documents.structure import Contacts, Heading, Item, Note, TableNode, read_structure
from tests.fixtures.documents import BOLD, TITLE, hp, hp_table, make_styled_hwpx, press_release_hwpx
from tests.test_documents_hwp5 import hwp, paragraph, record
from tests.test_documents_pdf import pdf_streams


@pytest.fixture(scope="module")
def release():
    return extract_document(press_release_hwpx())


@pytest.fixture(scope="module")
def markdown(release):
    return document_markdown(release)


def test_the_plain_text_is_the_rendering_of_the_blocks_as_before(release):
    assert release.text == render_text(release.blocks)
    assert "- 바우처 확대" in release.text and "<table" not in release.text


def test_the_title_is_the_largest_type_of_the_header_and_the_header_lines_follow_it(markdown):
    head, body = markdown.split("\n## 본문\n", 1)
    assert head.splitlines()[0] == "# 가나 사업 2026년 추경 1조원 확정"
    assert "- 보도시점: 2026. 4. 13.(월) 12:00" in head and "- 다라 지원 500억원 -" in head
    assert "가나 사업 2026년 추경 1조원 확정" not in body  # the title is not repeated in the body


def test_a_banner_of_two_texts_stays_a_table_and_opens_the_body(markdown):
    body = markdown.split("## 본문\n\n", 1)[1]
    assert body.startswith("| 가나부 | 보도자료 |  |\n| --- | --- | --- |")


def test_lists_nest_as_the_document_nests_its_marks(release):
    items = [(n.depth, n.mark, n.lines[0]) for n in read_structure(release).nodes if isinstance(n, Item)]
    assert items[:5] == [
        (0, "□", "추경은 세 분야로 구성된다"),
        (1, "ㅇ", "첫째, 수출 기업 지원"),
        (2, "-", "바우처 확대"),
        (1, "ㅇ", "둘째, 소상공인 지원"),
        (0, "□", "가나부는 신속히 집행할 예정이다"),
    ]


def test_nested_items_render_as_a_markdown_list_with_their_marks(markdown):
    assert "- □ 추경은 세 분야로 구성된다\n    - ㅇ 첫째, 수출 기업 지원\n        - 바우처 확대\n" in markdown


def test_a_note_stays_under_its_item_and_its_mark_is_not_markdown(release, markdown):
    (note,) = [n for n in read_structure(release).nodes if isinstance(n, Note)]
    assert note.depth == 2 and note.lines == ("* 바우처: 수출 지원 서비스 이용권",)
    assert "\n            \\* 바우처: 수출 지원 서비스 이용권\n" in markdown


def test_the_contact_table_is_the_contact_block_as_the_viewer_shows_it(markdown):
    block = markdown.split("## 담당 부서\n\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [
        "- 담당 부서: 가나정책관 / 책임자 과장 홍길동 / (044-000-1111)",
        "- 가나정책과: 담당자 사무관 김철수 / (044-000-1112)",
    ]


def test_headings_from_a_box_a_bold_numbered_line_and_an_outline_level(release, markdown):
    headings = [(n.level, n.text) for n in read_structure(release).nodes if isinstance(n, Heading)]
    assert headings == [(2, "Ⅰ. 추경 개요"), (3, "1. 추진 배경"), (2, "개요")]
    assert "\n## Ⅰ. 추경 개요\n" in markdown and "\n### 1. 추진 배경\n" in markdown


def test_a_table_with_merged_cells_is_html_with_its_spans(markdown):
    (table,) = re.findall(r"<table>.*?</table>", markdown)
    assert table.startswith(
        '<table><tr><td rowspan="2">구분</td><td colspan="2">’26년</td><td rowspan="2">증감</td></tr>'
    )
    assert "<tr><td>본예산</td><td>추경</td></tr>" in table


def test_a_table_without_merged_cells_is_a_pipe_table():
    doc = extract_document(make_styled_hwpx(hp("본문 문단"), hp_table(["지역", "인원"], ["서울", "10|20"])))
    assert "| 지역 | 인원 |\n| --- | --- |\n| 서울 | 10\\|20 |" in document_markdown(doc)


def test_the_automatic_bullet_of_the_format_makes_a_list_item(markdown):
    assert markdown.rstrip().endswith("- 자동 글머리 항목")


def test_a_box_of_one_short_line_is_a_heading_but_a_note_box_is_not():
    doc = extract_document(
        make_styled_hwpx(hp("본문"), hp_table(["□ 추진 배경"]), hp_table(["※ 붙임 참고"]), hp_table(["<추진 계획>"]))
    )
    nodes = read_structure(doc).nodes
    assert [n.text for n in nodes if isinstance(n, Heading)] == ["□ 추진 배경", "추진 계획"]
    assert any(isinstance(n, Note) and n.lines == ("※ 붙임 참고",) for n in nodes)


def test_a_bracketed_unit_line_is_a_caption_not_a_heading():
    doc = extract_document(
        make_styled_hwpx(hp("본문"), hp("【 예산 현황 (단위: 억원) 】"), hp_table(["a", "b"], ["1", "2"]))
    )
    nodes = read_structure(doc).nodes
    assert not any(isinstance(n, Heading) for n in nodes)
    (table,) = [n for n in nodes if isinstance(n, TableNode)]
    assert table.caption == "【 예산 현황 (단위: 억원) 】"


def test_a_section_number_is_a_heading_only_when_it_stands_out():
    doc = extract_document(make_styled_hwpx(hp("본문"), hp("1. 보통 글자의 번호 줄"), hp("2. 굵은 번호 줄", char=BOLD)))
    assert [n.text for n in read_structure(doc).nodes if isinstance(n, Heading)] == ["2. 굵은 번호 줄"]


def test_markdown_syntax_at_a_line_start_is_escaped():
    doc = extract_document(make_styled_hwpx(hp("# 해시로 시작"), hp("2026. 4. 13. 날짜 줄")))
    markdown = document_markdown(doc)
    assert "\\# 해시로 시작" in markdown and "2026. 4. 13. 날짜 줄" in markdown


def test_a_document_without_a_larger_title_has_no_title_heading():
    doc = extract_document(make_styled_hwpx(hp("첫 문단"), hp("둘째 문단")))
    markdown = document_markdown(doc)
    assert not markdown.startswith("# ") and markdown.startswith("## 본문")
    assert document_markdown(doc, title="페이지 제목").startswith("# 페이지 제목\n")


def test_the_attachments_are_listed_when_given(release):
    markdown = document_markdown(release, attachments=["보도자료.hwpx", "보도자료.pdf"])
    assert markdown.rstrip().endswith("## 첨부파일\n\n- 보도자료.hwpx\n- 보도자료.pdf")


def test_contact_tables_under_group_labels_make_one_block_under_one_heading():
    contact = ["담당 부서", "가나과", "책임자", "과장", "홍길동", "(044-000-1111)"]
    doc = extract_document(
        make_styled_hwpx(
            hp("본문"), hp_table(contact), hp("<통관 관련>"), hp_table(contact), hp("끝 문단"), hp_table(contact)
        )
    )
    markdown = document_markdown(doc)
    assert markdown.count("## 담당 부서") == 1
    assert "\n- 통관 관련\n- 담당 부서: 가나과" in markdown
    contacts = [n for n in read_structure(doc).nodes if isinstance(n, Contacts)]
    assert [len(n.rows) for n in contacts] == [3, 1] and [n.continued for n in contacts] == [False, True]


# --- HWP 5: the type size and outline level come from DocInfo ----------------------------


def char_shape(size: int, bold: bool = False) -> bytes:
    return b"\0" * 42 + size.to_bytes(4, "little") + (2 if bold else 0).to_bytes(4, "little") + b"\0" * 26


def para_shape(kind: int = 0, level: int = 0) -> bytes:
    return (kind << 23 | level << 25).to_bytes(4, "little") + b"\0" * 50


def styled_paragraph(text: str, *, shape: int = 0, char: int = 0) -> bytes:
    header = b"\0" * 8 + shape.to_bytes(2, "little") + b"\0" * 12
    units = text.encode("utf-16-le") + (13).to_bytes(2, "little")
    return (
        record(0x42, 0, header)
        + record(0x43, 1, units)
        + record(0x44, 1, (0).to_bytes(4, "little") + char.to_bytes(4, "little"))
    )


def test_hwp5_title_and_outline_heading_from_docinfo():
    docinfo = (
        record(0x15, 0, char_shape(1400))
        + record(0x15, 0, char_shape(2600, bold=True))
        + record(0x19, 0, para_shape())
        + record(0x19, 0, para_shape(kind=1, level=1))
    )
    section = (
        styled_paragraph("가나 정책 발표", char=1)
        + styled_paragraph("본문은 여기 있고 충분히 길게 적어서 제목과 구별되는 문단이 되도록 하였습니다 정말로요.")
        + styled_paragraph("세부 내용", shape=1)
        + styled_paragraph("□ 첫 항목")
    )
    document = extract_document(hwp(section, docinfo=docinfo))
    markdown = document_markdown(document)
    assert markdown.startswith("# 가나 정책 발표\n") and "\n### 세부 내용\n" in markdown
    assert "- □ 첫 항목" in markdown
    assert document.text.splitlines()[0] == "가나 정책 발표"


def test_hwp5_without_docinfo_still_gives_markdown():
    document = extract_document(hwp(paragraph(0, "□ 항목 하나") + paragraph(0, " ㅇ 그 아래")))
    assert "- □ 항목 하나\n    - ㅇ 그 아래" in document_markdown(document)


# --- PDF: the title from the drawn type size, page numbers left out ----------------------


def test_pdf_title_from_the_largest_type_and_page_numbers_dropped():
    stream = (
        "BT /F1 24 Tf 72 720 Td (Big Title Here) Tj ET "
        "BT /F1 11 Tf 72 680 Td (Body text that runs long enough to be the body of the page, really.) Tj ET "
        "BT /F1 11 Tf 72 660 Td (- item one) Tj ET "
        "BT /F1 9 Tf 290 40 Td (- 1 -) Tj ET"
    )
    document = extract_document(pdf_streams(stream))
    markdown = document_markdown(document)
    assert markdown.startswith("# Big Title Here\n") and "- item one" in markdown
    assert "- 1 -" not in markdown and "- 1 -" in document.text


# --- page bodies (HTML) and plain text ---------------------------------------------------


def test_a_page_body_is_read_like_a_document():
    body = (
        '<p><span style="font-size:10pt">본문 첫 문단입니다.</span></p><h3>추진 배경</h3>'
        "<ul><li>첫째 항목<ul><li>그 아래</li></ul></li></ul>"
        '<table><tr><td rowspan="2">구분</td><td>가</td></tr><tr><td>나</td></tr></table>'
    )
    markdown = page_markdown(body, title="페이지 제목")
    assert markdown.startswith("# 페이지 제목\n\n## 본문\n\n본문 첫 문단입니다.")
    assert "\n#### 추진 배경\n" in markdown
    assert "- 첫째 항목\n    - 그 아래" in markdown
    assert '<td rowspan="2">구분</td>' in markdown


def test_plain_text_lines_are_read_with_their_marks():
    markdown = text_markdown("□ 첫째\n ㅇ 둘째\n※ 주석", title="제목")
    assert markdown == "# 제목\n\n## 본문\n\n- □ 첫째\n    - ㅇ 둘째\n\n※ 주석\n"


def test_structure_keeps_every_paragraph_of_the_body(release):
    """Every line of the plain text appears in the Markdown (marks and spacing aside)."""
    markdown = re.sub(r"\s+", "", document_markdown(release))
    for block in release.blocks:
        if isinstance(block, Paragraph):
            for line in block.lines:
                words = re.sub(r"\s+", "", line).lstrip("□ㅇ-*")
                assert words in markdown, line


def test_an_unnumbered_box_over_a_table_is_its_caption_not_a_heading():
    doc = extract_document(
        make_styled_hwpx(hp("본문"), hp_table(["수출 현황(억달러)"]), hp_table(["품목", "금액"], ["반도체", "100"]))
    )
    nodes = read_structure(doc).nodes
    assert not any(isinstance(n, Heading) for n in nodes)
    (table,) = [n for n in nodes if isinstance(n, TableNode)]
    assert table.caption == "수출 현황(억달러)"


def test_an_embargo_label_spanning_two_rows_is_read_into_the_header():
    doc = extract_document(
        make_styled_hwpx(
            hp_table([("보도시점", 2, 1), "(온라인) 4. 12.(일) 12:00"], ["(지면) 4. 13.(월) 조간"]),
            hp_table([[hp("가나 제목", char=TITLE)]]),
            hp("본문 문단은 이렇게 충분히 길게 써서 머리말이 아닌 본문으로 읽히게 한다. 정말 그렇다."),
        )
    )
    structure = read_structure(doc)
    assert structure.title == "가나 제목"
    assert structure.header == ("보도시점: (온라인) 4. 12.(일) 12:00", "(지면) 4. 13.(월) 조간")
    assert not any(isinstance(n, TableNode) for n in structure.nodes)


def test_text_that_looks_like_html_is_escaped_but_korean_brackets_stay():
    markdown = text_markdown('<div class="source"> 출처 <붙임 1> 표')
    assert '\\<div class="source"> 출처 <붙임 1> 표' in markdown
