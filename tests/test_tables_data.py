"""Tables as data (parse/documents/tables.py) on synthetic HWPX written here."""

from __future__ import annotations

from briefing_spider.parse.documents import extract_document
from briefing_spider.parse.documents.structure import read_structure
from briefing_spider.parse.documents.tables import document_tables
from tests.fixtures.documents import hp, hp_table, make_styled_hwpx, press_release_hwpx


def tables_of(data: bytes):
    return document_tables(read_structure(extract_document(data)))


def test_the_budget_table_of_a_release_with_its_caption_unit_and_folded_header():
    (table,) = tables_of(press_release_hwpx())  # not the banner (one row), not the contact table
    assert table.number == 1
    assert table.caption == "【 2026년 가나부 추가경정예산 (단위: 억원) 】" and table.unit == "억원"
    assert table.header == ("구분", "’26년 본예산", "’26년 추경", "증감")
    assert table.rows == (("총지출", "1,000", "1,500", "+500"), ("- 바우처", "300", "800", "+500"))
    assert (table.n_rows, table.n_columns) == (2, 4)


def test_a_merged_cell_is_repeated_into_every_cell_it_covers():
    data = make_styled_hwpx(
        hp("본문"),
        hp_table(
            ["지역", "기관", "인원"], [("수도권", 2, 1), "서울청", "10"], ["경기청", "20"], ["합계", ("30", 1, 2)]
        ),
    )
    (table,) = tables_of(data)
    assert table.rows == (("수도권", "서울청", "10"), ("수도권", "경기청", "20"), ("합계", "30", "30"))


def test_a_first_row_holding_only_the_unit_gives_the_unit_not_the_header():
    data = make_styled_hwpx(hp("본문"), hp_table(["", "(단위: 명)"], ["구분", "인원"], ["서울", "10"]))
    (table,) = tables_of(data)
    assert table.unit == "명" and table.header == ("구분", "인원") and table.rows == (("서울", "10"),)


def test_the_heading_above_names_a_table_without_a_caption_and_tables_are_numbered():
    data = make_styled_hwpx(
        hp("본문"),
        hp_table(["□ 지원 현황"]),
        hp_table(["구분", "금액(억원)"], ["가", "1"]),
        hp("<표 2> 인원"),
        hp_table(["구분", "인원"], ["가", "2"]),
    )
    first, second = tables_of(data)
    assert (first.number, first.caption, first.unit) == (1, "□ 지원 현황", "억원")
    assert (second.number, second.caption, second.unit) == (2, "<표 2> 인원", None)


def test_cell_text_is_cleaned_for_use_as_data():
    data = make_styled_hwpx(hp("본문"), hp_table(["구  분", "값"], ["\U000f02b1 항목", "\uf0a7 내용"]))
    (table,) = tables_of(data)
    assert table.header == ("구 분", "값") and table.rows == (("１ 항목", "내용"),)


def test_a_first_row_across_the_table_is_its_title_not_its_header():
    data = make_styled_hwpx(hp("본문"), hp_table([("<방문기업 개요>", 1, 2)], ["분야", "기업"], ["의료", "가나"]))
    (table,) = tables_of(data)
    assert table.caption == "<방문기업 개요>" and table.header == ("분야", "기업") and table.rows == (("의료", "가나"),)
