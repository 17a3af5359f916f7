"""Footnotes: paragraphs or table lines that begin with ※ or footnote asterisks (*, **, ***).

Per the golden GUIDE: the mark must start the line; a note runs on over the following lines of
its paragraph (line breaks) and over deeper-indented unmarked paragraphs; a `-` sub-line directly
under a note, indented at least as deep as the note's mark, joins it (with a space); a shallower
`-` is the document's own bullet. The site's boilerplate (브리핑룸 보도자료…, 공공누리, 전재) is
not a note.

PDF text (`pdf=True`) has no paragraph indents, and its reader groups visual lines into
paragraphs by their marks and sentence ends: a line of a note's paragraph that opens with a
space is the next body paragraph (its bullet glyph dropped), not the note; a flush line right
after an indented note that ended without a sentence end (`… :`) is the note's text wrapped to
the left margin. A page number (`- 2 -`) is never a sub-line.
"""

from __future__ import annotations

import re
import unicodedata

from briefing_spider.parse.text_lines import TextLine, collapse
from briefing_spider.records import Footnote

NOTE_START_RE = re.compile(r"^\s*(?P<mark>※|\*{1,3}|＊{1,3})\s*(?P<text>.*)$")
SUB_LINE_RE = re.compile(r"^\s*[-–‐ㆍ]\s*(?P<text>.*)$")
BULLET_RE = re.compile(
    r"^\s*(?:[□■○●◦ㅇ▸▶‣•◆◇❍➊-➓①-⑳➀-➉❶-❿󰊱-󰊺]|\d+[.)]|[가-하][.)]|붙임|별첨|참고|[<〈\[［]\s*(?:그림|표|참고|사진))"
)
PAGE_NUMBER_RE = re.compile(r"^\s*[-–]\s*\d{1,3}\s*[-–]\s*$")
# PDF visual lines: a line that ends so is complete; one that ends so runs on.
SENTENCE_ENDS = (".", "다", "요")
OPEN_ENDS = (",", "，", "·", "ㆍ", "및", "→", ":", "：")
WRAP_SHARE = 0.85
CAPTION_RE = re.compile(r"^\s*[<〈＜]")
BOILERPLATE_RE = re.compile(
    r"브리핑룸\s*보도자료는|공공누리|전재하여\s*제공|출처를\s*표시|저작권|무단\s*전재|재배포\s*금지"
)


def extract_footnotes(
    lines: list[TextLine], *, drop_sub_dash: bool = False, wrap: bool = True, pdf: bool = False
) -> tuple[Footnote, ...]:
    """`wrap`: unmarked deeper paragraphs continue a note (documents); off for page text.
    `pdf`: the lines are a PDF's visual lines (module doc)."""
    notes: list[Footnote] = []
    full = full_width(lines) if pdf else 0.0
    i = 0
    while i < len(lines):
        line = lines[i]
        start = NOTE_START_RE.match(line.text)
        if not start or not start["text"].strip() or BOILERPLATE_RE.search(line.text):
            i += 1
            continue
        parts = [start["text"]]
        raw = [line.text]
        j = i + 1
        while j < len(lines) and _continues(line, lines[j], wrap, pdf=pdf, last=lines[j - 1], full=full):
            parts.append(_sub_text(lines[j], drop_sub_dash))
            raw.append(lines[j].text)
            j += 1
        mark = start["mark"].replace("＊", "*")
        notes.append(Footnote(marker=mark, text=collapse(" ".join(parts)), raw="\n".join(raw)))
        i = j
    return tuple(notes)


def _continues(
    note: TextLine, nxt: TextLine, wrap: bool, *, pdf: bool = False, last: TextLine | None = None, full: float = 0.0
) -> bool:
    if nxt.cell != note.cell or NOTE_START_RE.match(nxt.text) or PAGE_NUMBER_RE.match(nxt.text):
        return False
    if SUB_LINE_RE.match(nxt.text):
        return _is_sub(note, nxt)
    if BULLET_RE.match(nxt.text):
        return False
    if pdf:
        return _pdf_wrap(note, nxt, last or note, full)
    if nxt.para == note.para:  # a line break inside the note's paragraph
        return True
    # an unmarked paragraph that wraps the note: deeper than the mark, not a bullet
    return wrap and nxt.indent > note.indent and not _looks_like_body(nxt)


def _pdf_wrap(note: TextLine, nxt: TextLine, last: TextLine, full: float) -> bool:
    """A PDF's next visual line wraps the note. A line opening with a space starts the next
    paragraph (its bullet glyph dropped) unless the line before broke after a comma (a hanging
    wrap); a flush line goes on the note's paragraph unless the line before ended a sentence,
    and goes on past it only when the line before ran to the right margin (≥ WRAP_SHARE of the
    document's full line width: an indented note wrapped to the left margin) or broke open."""
    ended = last.stripped.endswith(SENTENCE_ENDS)
    open_end = last.stripped.endswith(OPEN_ENDS)
    if nxt.indent > 0:
        return open_end
    if nxt.para == last.para:
        return not ended
    if ended or _looks_like_body(nxt) or CAPTION_RE.match(nxt.text):
        return False
    outdented = last.para == note.para and note.indent > 0  # an indented note wrapped to the margin
    return open_end or outdented and visual_width(last.stripped) >= WRAP_SHARE * full


def visual_width(text: str) -> int:
    """Columns a line takes: a Hangul, CJK or full-width character two, any other one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def full_width(lines: list[TextLine]) -> float:
    """The width of a full line of the document: the 90th percentile of its lines' widths."""
    widths = sorted(visual_width(line.stripped) for line in lines)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0.0


def _is_sub(note: TextLine, nxt: TextLine) -> bool:
    return bool(SUB_LINE_RE.match(nxt.text)) and nxt.indent >= note.indent and nxt.cell == note.cell


def _looks_like_body(line: TextLine) -> bool:
    """A body sentence (ends like a Korean sentence) or a heading is not a wrapped note."""
    text = line.stripped
    return text.endswith(("다.", "다", "요.")) or len(text) > 200


def _sub_text(line: TextLine, drop_dash: bool) -> str:
    sub = SUB_LINE_RE.match(line.text)
    if sub and drop_dash:
        return sub["text"]
    return line.stripped
