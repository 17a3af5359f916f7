"""Ruled tables of a PDF (pdf_tables.py, pdf_lines.py) on small PDFs written by the test, and the
grid rules on rules written by hand."""

from __future__ import annotations

from briefing_spider.parse.documents import Paragraph, Table, extract_document
from briefing_spider.parse.documents.pdf_rules import Rule, dotted_rules
from briefing_spider.parse.documents.pdf_tables import ruled_tables
from tests.test_documents_pdf import pdf_streams


def text(x: float, y: float, words: str) -> str:
    return f"BT /F1 12 Tf {x} {y} Td ({words}) Tj ET "


def line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"{x1} {y1} m {x2} {y2} l S "


def dotted(x1: float, x2: float, y: float) -> str:
    """A horizontal dotted line: a one-point dash every two points, each its own path object."""
    return "".join(line(x, y, x + 1, y) for x in range(int(x1), int(x2), 2))


def framed_table(row_rule: str) -> str:
    """Text, then a 2 × 2 ruled table whose top row is one merged cell, then text."""
    return (
        text(72, 700, "Before the table.")
        + "0.5 w "
        + line(72, 660, 372, 660)
        + row_rule
        + line(72, 600, 372, 600)
        + line(72, 600, 72, 660)
        + line(372, 600, 372, 660)
        + line(222, 600, 222, 630)  # the middle rule only in the lower row: the top row is merged
        + text(80, 640, "Header")
        + text(80, 610, "a1")
        + text(230, 610, "b1")
        + text(72, 560, "After the table.")
    )


def cells(table: Table) -> list[tuple[int, int, int, int, tuple[str, ...]]]:
    return [(c.row, c.col, c.row_span, c.col_span, c.lines) for row in table.rows for c in row]


def test_a_ruled_table_becomes_a_table_in_its_place_with_its_merged_cell():
    doc = extract_document(pdf_streams(framed_table(line(72, 630, 372, 630))))
    before, table, after = doc.blocks
    assert isinstance(before, Paragraph) and before.lines == ("Before the table.",)
    assert isinstance(table, Table)
    assert cells(table) == [(0, 0, 1, 2, ("Header",)), (1, 0, 1, 1, ("a1",)), (1, 1, 1, 1, ("b1",))]
    assert isinstance(after, Paragraph) and after.lines == ("After the table.",)
    assert doc.text.splitlines() == ["Before the table.", "Header", "a1 | b1", "After the table."]


def test_a_dotted_rule_divides_rows_like_a_solid_one():
    doc = extract_document(pdf_streams(framed_table(dotted(72, 372, 630))))
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert cells(table) == [(0, 0, 1, 2, ("Header",)), (1, 0, 1, 1, ("a1",)), (1, 1, 1, 1, ("b1",))]


def test_without_the_rule_between_rows_the_cells_are_merged_down_as_drawn():
    doc = extract_document(pdf_streams(framed_table("")))
    table = doc.blocks[1]
    assert isinstance(table, Table)
    # the middle rule reaches only the lower half: the two rows are one row of two cells
    assert [(c.col, c.col_span, c.lines) for row in table.rows for c in row] == [
        (0, 1, ("Header", "a1")),
        (1, 1, ("b1",)),
    ]


def test_filled_shapes_and_a_lone_underline_are_no_table():
    stream = (
        "72 600 40 60 re f 130 600 40 30 re f "  # chart bars: filled, not stroked
        + text(80, 610, "bar")
        + "0.5 w "
        + line(72, 560, 372, 560)  # an underline
        + text(72, 565, "Underlined")
    )
    doc = extract_document(pdf_streams(stream))
    assert all(isinstance(block, Paragraph) for block in doc.blocks)
    assert doc.text.splitlines() == ["bar", "Underlined"]


def test_an_empty_frame_is_left_out_and_text_outside_stays_text():
    stream = "0.5 w " + line(72, 660, 372, 660) + line(72, 600, 372, 600) + line(72, 600, 72, 660)
    stream += line(372, 600, 372, 660) + text(72, 700, "Only text.")
    doc = extract_document(pdf_streams(stream))
    assert [b.lines for b in doc.blocks if isinstance(b, Paragraph)] == [("Only text.",)]
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_an_open_table_without_side_rules_keeps_its_outer_columns():
    # rules across at 100, 80, 60 from x 0 to 300; rules down only at x 100 and 200
    rules = [Rule(True, y, 0, 300) for y in (100, 80, 60)] + [Rule(False, x, 60, 100) for x in (100, 200)]
    (table,) = ruled_tables(rules)
    assert (table.n_rows, table.n_cols) == (2, 3)
    assert table.box == (0, 60, 300, 100)
    assert [(c.row, c.col, c.col_span) for c in table.cells] == [(0, 0, 1), (0, 1, 1), (0, 2, 1)] + [
        (1, 0, 1),
        (1, 1, 1),
        (1, 2, 1),
    ]
    assert table.cell_at(250, 70) == 5 and table.cell_at(400, 70) is None


def test_a_row_span_where_the_rule_below_stops_short():
    # a 2 × 2 grid; the rule between the rows covers only the right column: the left cell spans both
    rules = [Rule(True, 100, 0, 200), Rule(True, 0, 0, 200), Rule(True, 50, 100, 200)]
    rules += [Rule(False, x, 0, 100) for x in (0, 100, 200)]
    (table,) = ruled_tables(rules)
    assert [(c.row, c.col, c.row_span, c.col_span) for c in table.cells] == [(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)]


def test_separate_rule_groups_are_separate_tables_top_first():
    low = [Rule(True, y, 0, 100) for y in (10, 0)] + [Rule(False, x, 0, 10) for x in (0, 100)]
    high = [Rule(True, y, 0, 100) for y in (210, 200)] + [Rule(False, x, 200, 210) for x in (0, 100)]
    assert [t.box[3] for t in ruled_tables(low + high)] == [210, 10]


def test_dots_in_a_line_join_into_one_rule_and_stray_dots_do_not():
    dots = [(x, 99.8, x + 1, 100.2) for x in range(0, 40, 2)]  # a dotted line from 0 to 39
    dots += [(200, 50, 201, 50.5)]  # a stray dot
    assert dotted_rules(dots, horizontal=True) == [Rule(True, 100, 0, 39)]
    assert dotted_rules(dots, horizontal=False) == []


def test_boxes_side_by_side_on_one_band_are_one_bar():
    # `붙임 1` boxed, and its title boxed 7 points to the right, both from y 740 to 770
    label = [Rule(True, y, 58, 117) for y in (740, 770)] + [Rule(False, x, 740, 770) for x in (58, 117)]
    title = [Rule(True, y, 124, 537) for y in (740, 770)] + [Rule(False, x, 740, 770) for x in (124, 537)]
    below = [Rule(True, y, 58, 537) for y in (600, 700)] + [Rule(False, x, 600, 700) for x in (58, 537)]
    bar, box = ruled_tables(label + title + below)
    assert (bar.n_rows, bar.n_cols, len(bar.cells)) == (1, 2, 2)
    assert bar.cell_at(100, 750) == 0 and bar.cell_at(120, 750) == 0 and bar.cell_at(300, 750) == 1
    assert (box.n_rows, box.n_cols) == (1, 1)  # a box on another band stays a table of its own

    # the title box drawn a fraction of a point higher sorts first: still one bar, label first
    title = [Rule(True, y, 124, 537) for y in (740.5, 770.5)] + [Rule(False, x, 740.5, 770.5) for x in (124, 537)]
    bar, _ = ruled_tables(label + title + below)
    assert bar.n_cols == 2 and bar.cell_at(100, 750) == 0 and bar.cell_at(300, 750) == 1


def test_a_dot_counts_along_the_way_it_is_drawn():
    # dashes of horizontal lines stacked 2 points apart (a hatching, a flow chart's arrows) draw no
    # vertical rule; the same stack drawn as vertical dashes does
    across = [(100, y, 101, y + 0.5) for y in range(0, 40, 2)]
    down = [(100, y, 100.5, y + 1) for y in range(0, 40, 2)]
    assert dotted_rules(across, horizontal=False) == []
    assert dotted_rules(down, horizontal=False) == [Rule(False, 100, 0, 39)]


def ruled_rows(n_rows: int, second_column: list[tuple[str, str]]) -> str:
    """An n-row table of two ruled columns (x 72–222, 222–372), rows 30 points high from y 660
    down; the second column's cells hold two texts at x 230 and x 300, no rule between them."""
    bottom = 660 - 30 * n_rows
    stream = "0.5 w " + "".join(line(72, 660 - 30 * k, 372, 660 - 30 * k) for k in range(n_rows + 1))
    stream += "".join(line(x, bottom, x, 660) for x in (72, 222, 372))
    for k, (left, right) in enumerate(second_column):
        y = 640 - 30 * k
        stream += text(80, y, f"row{k}") + text(230, y, left) + (text(300, y, right) if right else "")
    return stream


def test_a_gutter_down_a_column_in_every_row_divides_it():
    doc = extract_document(pdf_streams(ruled_rows(3, [("Title", "Name"), ("Chief", "Kim"), ("Officer", "Lee")])))
    (table,) = doc.blocks
    assert [[c.lines for c in row] for row in table.rows] == [
        [("row0",), ("Title",), ("Name",)],
        [("row1",), ("Chief",), ("Kim",)],
        [("row2",), ("Officer",), ("Lee",)],
    ]


def test_no_division_for_two_rows_or_for_one_letter_a_side():
    two_rows = extract_document(pdf_streams(ruled_rows(2, [("Title", "Name"), ("Chief", "Kim")])))
    spaced = extract_document(pdf_streams(ruled_rows(3, [("A", "B"), ("C", "D"), ("E", "F")])))
    for doc in (two_rows, spaced):
        (table,) = doc.blocks
        assert all(len(row) == 2 for row in table.rows)
