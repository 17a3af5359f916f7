"""The rules drawn on a PDF page: the lines its tables are made of (see `pdf_tables.py`).

Path objects thinner than `RULE_WIDTH` and at least `MIN_LENGTH` long are rules; a stroked
rectangle counts as its four edges; filled shapes (cell shading, chart bars) are not rules. A
dotted line is drawn as hundreds of dots: dots in a line, `DOT_GAP` apart at most, are one rule.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

RULE_WIDTH = 2.5  # points: a drawn line thinner than this is a rule
MIN_LENGTH = 5.0  # points: shorter marks are dots or ticks, not rules
DOT_GAP = 3.0  # points: dots (marks shorter than MIN_LENGTH) this close in a line draw one rule
RECTANGLE_SEGMENTS = 4  # a stroked path of at least this many segments is read as a rectangle
FORM_DEPTH = 3  # form XObjects nested this deep are looked into
SNAP = 2.0  # points: rules this close are one line (dots one height, grid lines); ends this close touch


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
    at most DOT_GAP apart, joined; a run shorter than MIN_LENGTH is no rule. A dot counts along
    the way it is drawn, across when at least as wide as high (a dash of a horizontal line is),
    down when at least as high as wide."""
    lines: dict[int, list[tuple[float, float]]] = {}
    for left, bottom, right, top in dots:
        if horizontal and right - left >= top - bottom:
            lines.setdefault(round((bottom + top) / 2 / SNAP), []).append((left, right))
        elif not horizontal and top - bottom >= right - left:
            lines.setdefault(round((left + right) / 2 / SNAP), []).append((bottom, top))
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
