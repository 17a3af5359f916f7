"""A PDF page's ruled tables, read from the lines drawn on it.

A PDF keeps no tables, only what is drawn: the text, and the rules that frame it. Releases draw
each border as a thin stroked line (a path object a fraction of a point wide), so a table is a
set of rules that touch one another:

- **Rules** (`pdf_rules.py`): thin drawn lines, dotted lines, stroked rectangles' edges.
- **Tables**: rules joined where they touch (within `SNAP`); a group with two horizontal rules
  and a vertical one is a table. Its grid lines are the rules' positions, snapped, with the
  outer edge of rules that stop short of a border (an open table's sides) added.
- **Cells**: a slot of the grid joins its right neighbour where no vertical rule divides them,
  and the row below where no horizontal rule does — merged cells, as drawn.
- **Bars**: one-row tables side by side on one band, at most `BAR_GAP` apart, are one table
  (an annex label boxed beside its title, `붙임 1 | 행사 개요`).

`ruled_tables(rules)` is geometry alone (no PDF), so it is tested on rules written by hand; the
rules come from `pdf_rules.page_rules(page)`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .pdf_rules import SNAP, Rule

BAR_GAP = 12.0  # points: one-row tables this close side by side are one bar


@dataclass(frozen=True)
class RuledCell:
    row: int
    col: int
    row_span: int
    col_span: int
    box: tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True)
class RuledTable:
    xs: tuple[float, ...]  # the grid's lines, left to right
    ys: tuple[float, ...]  # … and bottom to top
    cells: tuple[RuledCell, ...]  # row by row, each anchored once
    slots: tuple[int, ...]  # per grid slot (row by row from the top), the index of its cell

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def box(self) -> tuple[float, float, float, float]:
        """left, bottom, right, top"""
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell holding the point, None when it lies outside the table."""
        left, bottom, right, top = self.box
        if not (left <= x <= right and bottom <= y <= top):
            return None
        col = min(bisect.bisect_right(self.xs, x) - 1, self.n_cols - 1)
        row = self.n_rows - 1 - min(bisect.bisect_right(self.ys, y) - 1, self.n_rows - 1)
        return self.slots[row * self.n_cols + col]


def ruled_tables(rules: list[Rule]) -> list[RuledTable]:
    """The tables the rules draw, top of the page first."""
    tables = [table for group in _touching(rules) if (table := _table(group))]
    return _bars(sorted(tables, key=lambda table: (-table.box[3], table.box[0])))


def _bars(tables: list[RuledTable]) -> list[RuledTable]:
    """One-row tables side by side — the same top and bottom, at most BAR_GAP apart — are one
    bar, as the document's own table (`붙임 1` boxed beside its title)."""
    out: list[RuledTable] = []
    for table in tables:
        at = next((k for k, other in enumerate(out) if _one_band(other, table)), None)
        if at is None:
            out.append(table)
        else:
            left, right = sorted((out[at], table), key=lambda bar: bar.box[0])
            out[at] = _joined(left, right)
    return out


def _one_band(one: RuledTable, other: RuledTable) -> bool:
    """Both one row, the same top and bottom, side by side at most BAR_GAP apart (either first)."""
    if not one.n_rows == other.n_rows == 1:
        return False
    left, right = sorted((one.box, other.box))
    same_band = abs(left[1] - right[1]) <= SNAP and abs(left[3] - right[3]) <= SNAP
    return same_band and 0 <= right[0] - left[2] <= BAR_GAP


def _joined(left: RuledTable, right: RuledTable) -> RuledTable:
    """`right` appended to `left`'s row; left's last column reaches to right's first edge."""
    xs = left.xs[:-1] + right.xs
    cells = [
        RuledCell(0, c.col, 1, c.col_span, (c.box[0], c.box[1], xs[c.col + c.col_span], c.box[3])) for c in left.cells
    ]
    cells += [RuledCell(0, c.col + left.n_cols, 1, c.col_span, c.box) for c in right.cells]
    ys = (min(left.box[1], right.box[1]), max(left.box[3], right.box[3]))
    return grid_table(xs, ys, tuple(cells))


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
    return grid_table(tuple(xs), tuple(ys), _cells(xs, ys[::-1], across, down))


def grid_table(xs: tuple[float, ...], ys: tuple[float, ...], cells: tuple[RuledCell, ...]) -> RuledTable:
    """The table of a grid (lines ascending) and its cells, which cover every slot once."""
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    slots = [0] * (n_rows * n_cols)
    for index, cell in enumerate(cells):
        for row in range(cell.row, cell.row + cell.row_span):
            for col in range(cell.col, cell.col + cell.col_span):
                slots[row * n_cols + col] = index
    return RuledTable(xs, ys, cells, tuple(slots))


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
