"""HWPX reader on synthetic documents built here: zip + OWPML XML written by the test."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from briefing_spider.parse.documents import DocumentError, Paragraph, Table, extract_document

NS = (
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:opf="http://www.idpf.org/2007/opf/"'
)


def para(*runs: str, para_pr: str = "0") -> str:
    return f'<hp:p paraPrIDRef="{para_pr}">' + "".join(f"<hp:run>{r}</hp:run>" for r in runs) + "</hp:p>"


def t(text: str) -> str:
    return f"<hp:t>{text}</hp:t>"


def sublist(*paras: str) -> str:
    return "<hp:subList>" + "".join(paras) + "</hp:subList>"


def cell(row: int, col: int, *paras: str, row_span: int = 1, col_span: int = 1) -> str:
    return (
        f'<hp:tc>{sublist(*paras)}<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="{col_span}" rowSpan="{row_span}"/></hp:tc>'
    )


def table(*rows: list[str]) -> str:
    return "<hp:tbl>" + "".join("<hp:tr>" + "".join(r) + "</hp:tr>" for r in rows) + "</hp:tbl>"


def section(*paras: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{"".join(paras)}</hs:sec>'.encode()


def header(indents: dict[str, tuple[int, int]]) -> bytes:
    pprs = "".join(
        f'<hh:paraPr id="{i}"><hh:margin><hc:intent value="{first}"/><hc:left value="{left}"/></hh:margin></hh:paraPr>'
        for i, (left, first) in indents.items()
    )
    return (f"<hh:head {NS}><hh:refList><hh:paraProperties>{pprs}</hh:paraProperties></hh:refList></hh:head>").encode()


def content_hpf(order: list[str]) -> bytes:
    items = "".join(f'<opf:item id="s{n}" href="Contents/section{n}.xml"/>' for n in order)
    refs = "".join(f'<opf:itemref idref="s{n}"/>' for n in order)
    return f"<opf:package {NS}><opf:manifest>{items}</opf:manifest><opf:spine>{refs}</opf:spine></opf:package>".encode()


def hwpx(*sections: bytes, head: bytes | None = None, order: list[str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/hwp+zip")
        if order is not None:
            archive.writestr("Contents/content.hpf", content_hpf(order))
        if head is not None:
            archive.writestr("Contents/header.xml", head)
        for n, xml in enumerate(sections):
            archive.writestr(f"Contents/section{n}.xml", xml)
    return buffer.getvalue()


def paragraphs(blocks) -> list[Paragraph]:
    return [b for b in blocks if isinstance(b, Paragraph)]


def test_line_breaks_split_lines_and_tabs_become_spaces():
    doc = extract_document(hwpx(section(para(t("김가나 연구위원<hp:lineBreak/>이다라<hp:tab/>교수<hp:fwSpace/>끝")))))
    assert doc.kind == "hwpx"
    assert doc.blocks == (Paragraph(lines=("김가나 연구위원", "이다라 교수 끝")),)
    assert doc.text == "김가나 연구위원\n이다라 교수 끝"


def test_leading_spaces_and_marks_are_kept_and_empty_paragraphs_dropped():
    doc = extract_document(hwpx(section(para(t("  ※ 참석자")), para(t("   ")), para(t(" - 소속")))))
    assert [p.lines for p in paragraphs(doc.blocks)] == [("  ※ 참석자",), (" - 소속",)]


def test_indent_comes_from_header_para_pr():
    head = header({"1": (2000, 0), "2": (1000, 600), "3": (3000, -1500)})
    doc = extract_document(
        hwpx(section(para(t("※ a"), para_pr="1"), para(t("- b"), para_pr="2"), para(t("- c"), para_pr="3")), head=head)
    )
    assert [p.indent for p in doc.blocks] == [2000, 1600, 3000]


def test_table_cells_with_spans_and_a_nested_table_in_reading_order():
    inner = table([cell(0, 0, para(t("안1"))), cell(0, 1, para(t("안2")))])
    outer = table(
        [cell(0, 0, para(t("부서")), row_span=2), cell(0, 1, para(t("가")))],
        [cell(1, 1, para(t("앞")), para(inner), para(t("뒤")))],
    )
    doc = extract_document(hwpx(section(para(t("전")), para(outer), para(t("후")))))
    before, tbl, after = doc.blocks
    assert isinstance(tbl, Table) and before.lines == ("전",) and after.lines == ("후",)
    merged = tbl.rows[0][0]
    assert (merged.row, merged.col, merged.row_span, merged.col_span) == (0, 0, 2, 1)
    nested_cell = tbl.rows[1][0]
    assert (nested_cell.row, nested_cell.col) == (1, 1)
    assert isinstance(nested_cell.blocks[1], Table)
    assert nested_cell.lines == ("앞", "안1", "안2", "뒤")
    assert doc.text.index("전") < doc.text.index("안1") < doc.text.index("뒤") < doc.text.index("후")


def test_one_by_one_table_renders_as_its_lines():
    box = table([cell(0, 0, para(t("□ 제목<hp:lineBreak/>부제")))])
    doc = extract_document(hwpx(section(para(box))))
    assert doc.text.splitlines() == ["□ 제목", "부제"]


def test_multi_cell_rows_render_one_line_per_row():
    grid = table([cell(0, 0, para(t("담당 부서"))), cell(0, 1, para(t("과장"))), cell(0, 2, para(t("")))])
    text = extract_document(hwpx(section(para(grid)))).text
    assert len(text.splitlines()) == 1 and "담당 부서" in text and "과장" in text
    assert text.index("담당 부서") < text.index("과장")


def test_text_box_text_is_read_where_it_is_anchored():
    box = "<hp:rect><hp:drawText>" + sublist(para(t("제목 상자"))) + "</hp:drawText></hp:rect>"
    doc = extract_document(hwpx(section(para(t("앞 문단")), para(box), para(t("뒤 문단")))))
    assert [b.lines for b in doc.blocks] == [("앞 문단",), ("제목 상자",), ("뒤 문단",)]


def test_grouped_shapes_and_captions_are_read():
    group = (
        "<hp:container><hp:rect><hp:drawText>" + sublist(para(t("첫 상자"))) + "</hp:drawText></hp:rect>"
        "<hp:pic><hp:shapeComment>그림입니다.</hp:shapeComment><hp:caption>"
        + sublist(para(t("그림 설명")))
        + "</hp:caption></hp:pic></hp:container>"
    )
    doc = extract_document(hwpx(section(para(group))))
    assert doc.text.splitlines() == ["첫 상자", "그림 설명"]


def test_footnote_control_gives_an_inline_mark_and_a_note_paragraph_after():
    note = (
        '<hp:ctrl><hp:footNote number="1" suffixChar="41">'
        + sublist(
            para(
                '<hp:ctrl><hp:autoNum num="1" numType="FOOTNOTE"><hp:autoNumFormat suffixChar=")"/>'
                "</hp:autoNum></hp:ctrl>" + t(" 일정 규모 이상만 집계")
            )
        )
        + "</hp:footNote></hp:ctrl>"
    )
    doc = extract_document(hwpx(section(para(t("평균 비율"), note, t("은 4.4%")), para(t("다음")))))
    body, footnote, following = doc.blocks
    assert body.lines == ("평균 비율1)은 4.4%",) and not body.note
    assert footnote.note and footnote.lines == ("1) 일정 규모 이상만 집계",)
    assert following.lines == ("다음",)


def test_sections_follow_the_content_hpf_spine():
    doc = extract_document(hwpx(section(para(t("영"))), section(para(t("일"))), order=["1", "0"]))
    assert doc.text.splitlines() == ["일", "영"]


def test_html_error_page_is_not_a_document_with_its_reason():
    page = b"<!DOCTYPE html><html><head><title>Error</title></head><body>oops</body></html>"
    with pytest.raises(DocumentError) as caught:
        extract_document(page)
    assert caught.value.code == "not_a_document" and "Error" in caught.value.reason


def test_truncated_archive_and_malformed_xml_are_corrupt():
    data = hwpx(section(para(t("본문 " * 200))))
    with pytest.raises(DocumentError) as caught:
        extract_document(data[: len(data) // 2])
    assert caught.value.code in {"corrupt", "not_a_document"}
    with pytest.raises(DocumentError) as caught:
        extract_document(hwpx(b"<hs:sec><unclosed>"))
    assert caught.value.code == "corrupt" and "section0.xml" in caught.value.reason


def test_too_large_input_is_refused_before_reading():
    with pytest.raises(DocumentError) as caught:
        extract_document(hwpx(section(para(t("x")))), max_bytes=10)
    assert caught.value.code == "too_large"


def _bomb(uncompressed: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/hwp+zip")
        with archive.open("Contents/section0.xml", "w", force_zip64=True) as stream:
            stream.write(f"<hs:sec {NS}><hp:p><hp:run><hp:t>".encode())
            chunk = b"A" * (1 << 20)
            for _ in range(uncompressed >> 20):
                stream.write(chunk)
            stream.write(b"</hp:t></hp:run></hp:p></hs:sec>")
    return buffer.getvalue()


def test_zip_bomb_is_refused_with_bounded_memory():
    data = _bomb(64 << 20)
    assert len(data) * 20 < 64 << 20  # really a bomb by our budget
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            extract_document(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == "zip_bomb"
    assert peak < 10 * len(data)


def test_member_inflating_past_its_declared_size_is_never_read_whole():
    body = f"<hs:sec {NS}><hp:p><hp:run><hp:t>".encode() + b"A" * (8 << 20) + b"</hp:t></hp:run></hp:p></hs:sec>"
    data = bytearray(hwpx(body))
    declared = (4096).to_bytes(4, "little")
    name = b"Contents/section0.xml"
    local = data.rfind(b"PK\x03\x04", 0, data.find(name))
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    assert data[local + 22 : local + 26] == data[central + 24 : central + 28] == len(body).to_bytes(4, "little")
    data[local + 22 : local + 26] = data[central + 24 : central + 28] = declared
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            extract_document(bytes(data))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code in {"zip_bomb", "corrupt"}
    # inflating stops at the declared size; a tiny archive cannot bound a chunk, so compare
    # against what the member really inflates to
    assert peak < len(body) // 8


def test_composed_boxed_digit_reads_as_a_digit_and_other_private_glyphs_are_dropped():
    boxed = '<hp:compose composeText="&#xF02B1;"></hp:compose>'
    private = '<hp:compose composeText="&#xE001;"></hp:compose>'
    doc = extract_document(hwpx(section(para(boxed + t(" 총괄")), para(private + t("수출")))))
    assert doc.text.splitlines() == ["１ 총괄", "수출"]


def test_cells_of_a_table_nested_in_a_text_box_stay_apart_for_the_extractors():
    """A group label cell beside its entries (`정 부 | 가나부 차관`) inside a text box anchored in a
    paragraph of a table cell: every cell is its own line with its own cell address, never glued."""
    from briefing_spider.parse.release_text import extract_release_facts
    from briefing_spider.parse.text_lines import lines_of

    labels = table(
        [cell(0, 0, para(t("정 부"))), cell(0, 1, para(t("가나부 차관, 다라청 국장")))],
        [cell(1, 0, para(t("업 계"))), cell(1, 1, para(t("마바해운 대표")))],
    )
    box = "<hp:rect><hp:drawText>" + sublist(para(t("□ 참석자")), para(labels)) + "</hp:drawText></hp:rect>"
    outer = table([cell(0, 0, para(t("ㅇ 개요"), box))])
    doc = extract_document(hwpx(section(para(outer))))
    lines = lines_of(doc)
    outer_table = lines[0].cell[0]
    assert [(ln.text, ln.cell[0] == outer_table, ln.cell[1:]) for ln in lines] == [
        ("ㅇ 개요", True, (0, 0)),
        ("□ 참석자", True, (0, 0)),
        ("정 부", False, (0, 0)),
        ("가나부 차관, 다라청 국장", False, (0, 1)),
        ("업 계", False, (1, 0)),
        ("마바해운 대표", False, (1, 1)),
    ]
    assert "정 부 | 가나부 차관, 다라청 국장" in doc.text.splitlines()
    people = [(a.group, a.organization, a.title) for a in extract_release_facts(doc).attendees]
    assert people == [("정부", "가나부", "차관"), ("정부", "다라청", "국장"), ("업계", "마바해운", "대표")]
