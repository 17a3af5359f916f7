"""A PDF page's ruled tables, read from the lines drawn on it.

A PDF keeps no tables, only what is drawn: the text, and the rules that frame it. Releases draw
each border as a thin stroked line (a path object a fraction of a point wide), so a table is a
set of rules that touch one another:

- **Rules**: path objects thinner than `RULE_WIDTH` and longer than `MIN_LENGTH` (a stroked
  rectangle counts as its four edges); filled shapes (cell shading, chart bars) are not rules.
  A dotted line is drawn as hundreds of dots: dots in a line, `DOT_GAP` apart at most, are one
  rule.
- **Tables**: rules joined where they touch (within `SNAP`); a group with two horizontal rules
  and a vertical one is a table. Its grid lines are the rules' positions, snapped, with the
  outer edge of rules that stop short of a border (an open table's sides) added.
- **Cells**: a slot of the grid joins its right neighbour where no vertical rule divides them,
  and the row below where no horizontal rule does — merged cells, as drawn.

`ruled_tables(rules)` is geometry alone (no PDF), so it is tested on rules written by hand.
"""

from __future__ import annotations

import bisect
import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

RULE_WIDTH = 2.5  # points: a drawn line thinner than this is a rule
MIN_LENGTH = 5.0  # points: shorter marks are dots or ticks, not rules
SNAP = 2.0  # points: rules this close are one grid line; ends this close touch
DOT_GAP = 3.0  # points: dots (marks shorter than MIN_LENGTH) this close in a line draw one rule
RECTANGLE_SEGMENTS = 4  # a stroked path of at least this many segments is read as a rectangle
FORM_DEPTH = 3  # form XObjects nested this deep are looked into


@dataclass(frozen=True)
class Rule:
    horizontal: bool
    at: float  # y of a horizontal rule, x of a vertical one (page points, y upwards)
    start: float
    end: float

    def box(self) -> tuple[float, float, float, float]:
        """left, bottom, right, top"""
        if self.horizontal:
            return self.start, self.at, self.end, self.at
        return self.at, self.start, self.at, self.end


@dataclass(frozen=True)
class RuledCell:
    row: int
    col: int
    row_span: int
    col_span: int
    box: tuple[float, float, float, float]  # left, bottom, right, top

    def holds(self, x: float, y: float) -> bool:
        left, bottom, right, top = self.box
        return left <= x <= right and bottom <= y <= top


@dataclass(frozen=True)
class RuledTable:
    n_rows: int
    n_cols: int
    cells: tuple[RuledCell, ...]  # row by row, each anchored once
    box: tuple[float, float, float, float]
    xs: tuple[float, ...] = ()  # the grid's lines, left to right
    ys: tuple[float, ...] = ()  # … and bottom to top
    slots: tuple[int, ...] = ()  # per grid slot (row by row from the top), the index of its cell

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell holding the point, None when it lies outside the table."""
        left, bottom, right, top = self.box
        if not (left <= x <= right and bottom <= y <= top):
            return None
        col = min(bisect.bisect_right(self.xs, x) - 1, self.n_cols - 1)
        row = self.n_rows - 1 - min(bisect.bisect_right(self.ys, y) - 1, self.n_rows - 1)
        return self.slots[row * self.n_cols + col]


def page_rules(page: pdfium.PdfPage) -> list[Rule]:
    rules: list[Rule] = []
    dots: list[tuple[float, float, float, float]] = []
    for obj, (left, bottom, right, top) in _paths(
        page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    ):
        width, height = right - left, top - bottom
        if width < MIN_LENGTH and height < MIN_LENGTH and min(width, height) < RULE_WIDTH:
            dots.append((left, bottom, right, top))
        elif height < RULE_WIDTH and width >= MIN_LENGTH:
            rules.append(Rule(True, (bottom + top) / 2, left, right))
        elif width < RULE_WIDTH and height >= MIN_LENGTH:
            rules.append(Rule(False, (left + right) / 2, bottom, top))
        elif width >= MIN_LENGTH and height >= MIN_LENGTH and _stroked_rectangle(obj):
            rules += [Rule(True, bottom, left, right), Rule(True, top, left, right)]
            rules += [Rule(False, left, bottom, top), Rule(False, right, bottom, top)]
    return rules + dotted_rules(dots, horizontal=True) + dotted_rules(dots, horizontal=False)


def _paths(parent, count, get, depth: int = 0):
    """The path objects of a page (or form XObject, FORM_DEPTH deep) with their bounds, by
    PDFium's own calls: a page holds thousands of rules, too many for a wrapper per object."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(count(parent)):
        obj = get(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                yield obj, (left.value, bottom.value, right.value, top.value)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < FORM_DEPTH:
            yield from _paths(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, depth + 1)


def _stroked_rectangle(obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
    return bool(stroke.value) and pdfium_c.FPDFPath_CountSegments(obj) >= RECTANGLE_SEGMENTS


def dotted_rules(dots: list[tuple[float, float, float, float]], *, horizontal: bool) -> list[Rule]:
    """Rules drawn as dots (boxes: left, bottom, right, top): dots at one height (or one x),
    at most DOT_GAP apart, joined; a run shorter than MIN_LENGTH is no rule."""
    lines: dict[int, list[tuple[float, float]]] = {}
    for left, bottom, right, top in dots:
        at, start, end = ((bottom + top) / 2, left, right) if horizontal else ((left + right) / 2, bottom, top)
        lines.setdefault(round(at / SNAP), []).append((start, end))
    rules = []
    for key, spans in lines.items():
        spans.sort()
        run_start, run_end = spans[0]
        for start, end in [*spans[1:], (float("inf"), float("inf"))]:
            if start - run_end <= DOT_GAP:
                run_end = max(run_end, end)
                continue
            if run_end - run_start >= MIN_LENGTH:
                rules.append(Rule(horizontal, key * SNAP, run_start, run_end))
            run_start, run_end = start, end
    return rules


def ruled_tables(rules: list[Rule]) -> list[RuledTable]:
    """The tables the rules draw, top of the page first."""
    tables = [table for group in _touching(rules) if (table := _table(group))]
    return sorted(tables, key=lambda table: (-table.box[3], table.box[0]))


def _touching(rules: list[Rule]) -> list[list[Rule]]:
    """Rules grouped where they touch or cross (union-find over a sweep by left edge)."""
    order = sorted(range(len(rules)), key=lambda i: rules[i].box()[0])
    boxes = [rules[i].box() for i in order]
    parent = list(range(len(order)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, bottom, right, top) in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            other = boxes[j]
            if other[0] > right + SNAP:
                break
            if other[1] <= top + SNAP and bottom <= other[3] + SNAP:
                parent[root(i)] = root(j)
    groups: dict[int, list[Rule]] = {}
    for i, index in enumerate(order):
        groups.setdefault(root(i), []).append(rules[index])
    return list(groups.values())


def _table(group: list[Rule]) -> RuledTable | None:
    across = [rule for rule in group if rule.horizontal]
    down = [rule for rule in group if not rule.horizontal]
    if len(across) < 2 or not down:
        return None
    xs = _lines([rule.at for rule in down] + [min(r.start for r in across), max(r.end for r in across)])
    ys = _lines([rule.at for rule in across] + [min(r.start for r in down), max(r.end for r in down)])
    if len(xs) < 2 or len(ys) < 2:
        return None
    top_first = ys[::-1]
    cells = _cells(xs, top_first, across, down)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    slots = [0] * (n_rows * n_cols)
    for index, cell in enumerate(cells):
        for row in range(cell.row, cell.row + cell.row_span):
            for col in range(cell.col, cell.col + cell.col_span):
                slots[row * n_cols + col] = index
    box = (xs[0], ys[0], xs[-1], ys[-1])
    return RuledTable(n_rows, n_cols, cells, box, xs=tuple(xs), ys=tuple(ys), slots=tuple(slots))


def _lines(positions: list[float]) -> list[float]:
    """Positions within SNAP of the last one kept are one grid line (their mean), ascending."""
    groups: list[list[float]] = []
    for position in sorted(positions):
        if groups and position - groups[-1][-1] <= SNAP:
            groups[-1].append(position)
        else:
            groups.append([position])
    return [sum(group) / len(group) for group in groups]


def _cells(xs: list[float], ys: list[float], across: list[Rule], down: list[Rule]) -> tuple[RuledCell, ...]:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    taken = [[False] * n_cols for _ in range(n_rows)]
    cells = []
    for row in range(n_rows):
        for col in range(n_cols):
            if taken[row][col]:
                continue
            span = 1
            while (
                col + span < n_cols
                and not taken[row][col + span]
                and not _ruled(down, xs[col + span], ys[row + 1], ys[row])
            ):
                span += 1
            rows = 1
            while row + rows < n_rows and not _ruled(across, ys[row + rows], xs[col], xs[col + span]):
                rows += 1
            for r in range(row, row + rows):
                for c in range(col, col + span):
                    taken[r][c] = True
            box = (xs[col], ys[row + rows], xs[col + span], ys[row])
            cells.append(RuledCell(row=row, col=col, row_span=rows, col_span=span, box=box))
    return tuple(cells)


def _ruled(rules: list[Rule], at: float, low: float, high: float) -> bool:
    """A rule at `at` divides the stretch low…high (covers most of it)."""
    need = (high - low) / 2
    return (
        sum(max(0.0, min(rule.end, high) - max(rule.start, low)) for rule in rules if abs(rule.at - at) <= SNAP) >= need
    )
