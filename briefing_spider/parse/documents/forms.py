"""The written forms a release's structure is read from: list marks, note marks, numbered and
annex headings, the contact table, captions. Named constants only; `structure.py` applies them.

Korean government releases type their outline by hand: □ for a main point, ○/ㅇ/◦ under it,
- and · under those, ※ and * for notes, Ⅰ./1./가. or a boxed digit for sections, 붙임/참고 for
annexes. Which mark nests under which is read from the document itself (`outline.py`).
"""

from __future__ import annotations

import re

# A list item opens with one of these marks (then a space, or text right after the mark).
BOX_MARKS = "□■◆◇◈▣☐❑❒"
CIRCLE_MARKS = "○ㅇ◦●◎❍⊙◉"
DASH_MARKS = "-–―"
DOT_MARKS = "·⋅ㆍ∙•・‧․"
SMALL_MARKS = "▪▫▸▹▶►‣▴▲△▷"
ARROW_MARKS = "☞⇒→➡↳✓✔"
LIST_MARKS = BOX_MARKS + CIRCLE_MARKS + DASH_MARKS + DOT_MARKS + SMALL_MARKS + ARROW_MARKS
CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮➊➋➌➍➎➏➐➑➒➓❶❷❸❹❺❻❼❽❾❿"
ENUMERATED = re.compile(r"^(?:\(\d{1,2}\)|\([가-하]\)|\d{1,2}\)|[가-하]\)|[" + CIRCLED_NUMBERS + r"])\s*")
MARK = re.compile(r"^([" + re.escape(LIST_MARKS) + r"])\s*")
PRIVATE_BULLET = re.compile(r"^([\ue000-\uf8ff])\s*")  # a symbol-font bullet (Wingdings …)


# Notes: ※, *, ** … (full-width ＊ too) at the start of a paragraph.
NOTE = re.compile(r"^(※|[*＊]{1,3})\s*")

# Headings by their numbering: Ⅰ./I. (parts), 1./１/❶/boxed digits (sections), 가. (subsections).
ROMAN_HEAD = re.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[.．]?|(?:IX|IV|VI{0,3}|I{1,3}|X)\s*[.．])\s*\S")
NUMBER_HEAD = re.compile(r"^(?:\d{1,2}[.．](?!\d)|[１２３４５６７８９]|[\U000f02b1-\U000f02b9])\s*\S")
HANGUL_HEAD = re.compile(r"^[가-하][.．]\s*\S")
ANNEX_HEAD = re.compile(r"^[\[<【(]?\s*(?:붙\s*임|별\s*첨|참\s*고|첨\s*부)\s*\d*\s*[\]>】)]?\s*[.:：]?\s*")
HEADING_MAX_CHARS = 80  # a heading is one short line
# A label: a short line wholly in brackets (<추진 배경>, [ 제1차 회의 ], 【붙임】), naming what follows;
# one that gives a unit (단위) is a table's caption instead.
LABEL = re.compile(
    r"^\s*(?:<(?P<a>[^<>]+)>|〈(?P<b>[^〈〉]+)〉|\[(?P<c>[^\[\]]+)\]|【(?P<d>[^【】]+)】|≪(?P<e>[^≪≫]+)≫)\s*$"
)
UNIT = re.compile(r"단\s*위")
SENTENCE_END = re.compile(r"(?:다|요|음|함|됨|임)\s*[.。]\s*$")

# Hancom private-use digits, drawn as boxed digits; shown as the viewer shows them.
BOXED_DIGITS = {chr(0xF02B0 + n): chr(0xFF10 + n) for n in range(10)}

# The contact table: a role cell and a phone or e-mail (parse/contacts.py reads the people).
CONTACT_LABEL = re.compile(r"^[<\[(]?\s*담\s*당\s*(?:부\s*서|기\s*관|자)\s*[>\])]?$")
CONTACT_HEADING = "담당 부서"

# A caption: the line right above a table that names it; a unit line (`(단위: 억원)`) may stand
# between the two.
CAPTION = re.compile(r"^\s*(?:[<\[【〈《]|\(?\s*(?:표|그림)\s*\d)")
UNIT_LINE = re.compile(r"^\s*[(<\[]?\s*단\s*위\s*[:：]")
