"""Footnotes: paragraphs or table lines that begin with ※ or footnote asterisks (*, **, ***).

Per the golden GUIDE: the mark must start the line; a note runs on over the following lines of
its paragraph (line breaks) and over deeper-indented unmarked paragraphs; a `-` sub-line directly
under a note, indented at least as deep as the note's mark, joins it (with a space); a shallower
`-` is the document's own bullet. The site's boilerplate (브리핑룸 보도자료…, 공공누리, 전재) is
not a note.
"""

from __future__ import annotations

import re

from briefing_spider.parse.text_lines import TextLine, collapse
from briefing_spider.records import Footnote

NOTE_START_RE = re.compile(r"^\s*(?P<mark>※|\*{1,3}|＊{1,3})\s*(?P<text>.*)$")
SUB_LINE_RE = re.compile(r"^\s*[-–‐ㆍ]\s*(?P<text>.*)$")
BULLET_RE = re.compile(
    r"^\s*(?:[□■○●◦ㅇ▸▶‣•◆◇❍➊-➓①-⑳󰊱-󰊺]|\d+[.)]|[가-하][.)]|붙임|별첨|참고|[<〈\[［]\s*(?:그림|표|참고|사진))"
)
BOILERPLATE_RE = re.compile(
    r"브리핑룸\s*보도자료는|공공누리|전재하여\s*제공|출처를\s*표시|저작권|무단\s*전재|재배포\s*금지"
)


def extract_footnotes(lines: list[TextLine], *, drop_sub_dash: bool = False, wrap: bool = True) -> tuple[Footnote, ...]:
    """`wrap`: unmarked deeper paragraphs continue a note (documents); off for page text."""
    notes: list[Footnote] = []
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
        while j < len(lines) and _continues(line, lines[j], wrap):
            parts.append(_sub_text(lines[j], drop_sub_dash))
            raw.append(lines[j].text)
            j += 1
        mark = start["mark"].replace("＊", "*")
        notes.append(Footnote(marker=mark, text=collapse(" ".join(parts)), raw="\n".join(raw)))
        i = j
    return tuple(notes)


def _continues(note: TextLine, nxt: TextLine, wrap: bool) -> bool:
    if nxt.cell != note.cell or NOTE_START_RE.match(nxt.text):
        return False
    if SUB_LINE_RE.match(nxt.text):
        return _is_sub(note, nxt)
    if BULLET_RE.match(nxt.text):
        return False
    if nxt.para == note.para:  # a line break inside the note's paragraph
        return True
    # an unmarked paragraph that wraps the note: deeper than the mark, not a bullet
    return wrap and nxt.indent > note.indent and not _looks_like_body(nxt)


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
