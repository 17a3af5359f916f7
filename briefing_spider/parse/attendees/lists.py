"""Where attendee lists are and what lines they run over (GUIDE `attendees`).

A list starts at a line (paragraph, note or table cell) labelled 참석자 / 참석 / 참 석 자 / 참석기관 /
참석 대상 / (참석) / [참석] / 주요 참석자, after any bullet glyph (□ ○ ◦ ㅇ ▸ ‣ ￭ ▪ …, HWP
private-use symbols), with a colon or a bracketed label, or alone. It runs over the rest of its
paragraph (until a new bullet or a sentence), deeper `-` sub-lines, deeper bullet items that
open with a group or role tag or hold entries only, a block under a bare label, lines wrapped
without a bullet that hold entries only, and a small table of group label cells under a bare
label. A label alone in a table cell takes the cell to its right. Rules: `attendees`.
"""

from __future__ import annotations

import re

from briefing_spider.parse.attendees.cells import beside_label, column_below, is_programme, label_table
from briefing_spider.parse.attendees.entry import LEADING_TAG_RE, TRAILING_ETC_RE, is_name, is_org, is_title
from briefing_spider.parse.attendees.lexicon import GROUP_WORDS, NARRATIVE_RE
from briefing_spider.parse.text_lines import TextLine, squash

BULLETS = "□■○●◦ㅇ▸▶►▷‣•￭▪▫◆◇◈◎❍❏❑➢➤✓✔☐☑⊙◉▣▢◐◑☞\ue000-\uf8ff\U000f0000-\U000ffffd"
_NUMBERED = r"\d{1,2}[.)]|[가-하][.)]|[\u2460-\u2473\u2776-\u277F]"  # 1. 가. ①
_MARKS = r"(?:[\s" + BULLETS + r"\-–—※*＊·ㆍ‧#|]|" + _NUMBERED + r")*"  # `#`, `|`, `**`: viewer Markdown
# 참석자, 참석 기관, 참석 대상, and the lists named by whom they hold: 참석 인사 / 위원 / 기업 / 단체
_LABEL_WORD = r"(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관|대\s*상\s*(?:자|기\s*관)?|인\s*사|위\s*원|기\s*업|단\s*체)?"
_OPEN, _CLOSE = r"[(\[<〈【［〔]?", r"[)\]>〉】］〕]?"
_COUNT = r"(?:\s*\((?:약|총)?\s*\d[\d,]*\s*(?:여\s*)?(?:명|인|곳|개\s*(?:사|기관|부처|단체|기업)?)?(?:\s*내외)?\))?"  # 참석자(30여명) :
_PART = r"(?:[(\[](?![^)\]]*참)[^()\[\]]{1,8}[)\]]\s*)?"  # `ㅇ (1부) 참석 :`: a short tag before the label
LABEL_RE = re.compile(
    _MARKS
    + _PART
    + _OPEN
    + r"\s*"
    + _LABEL_WORD
    + r"\s*"
    + _CLOSE
    + r"\**"
    + _COUNT
    + r"\s*(?:(?P<colon>[:：])|(?P<bar>\|))?\s*"
)
LABEL_ONLY_RE = re.compile(r"^" + _MARKS + _OPEN + r"\s*" + _LABEL_WORD + r"\s*" + _CLOSE + _COUNT + r"\s*[:：]?\s*$")
# `참석 : 요청 가능`, `참석 대상 : 신청자 중 …`: about attending, not who attended. (A list may start
# with any syllable: `참석자 : 이바다 교수`, `(참석) 한빛은행장` — a colon or bracket makes a label.)
NOT_A_LIST_RE = re.compile(
    r"\s*(?:요청|인원|예정|가능|신청|신청자|자격|여부|방법|희망자?|선착순|누구나|사전|없음|미정|추후|"
    r"별도|해당\s*없음|비고|내용|구분|소속|성명|직위|역할)(?:\s|$|[,.])"
)  # (비고…: a header row)
# The other items of an event's outline: a line opening with one ends the list.
ITEM_LABEL_RE = re.compile(
    r"^[\s" + BULLETS + r"\-–·ㆍ]*[(\[<]?\s*(?:일\s*시|장\s*소|시\s*간|기\s*간|주\s*요\s*내\s*용|내\s*용|"
    r"안\s*건|주\s*제|목\s*적|개\s*요|주\s*최|주\s*관|후\s*원|문\s*의)\s*(?:/\s*\S+\s*)?(?:[)\]>:：]|\t|(?<=\S)\s{2,})"
)
WHO_MAY_ATTEND_RE = re.compile(r"누구나|선착순|사전\s*신청|신청\s*(?:필요|가능|접수)")  # `… 종사자 누구나`
# A sentence's last word (`…했다`, `…이다`, `…있다`), not a name that ends in 다 (`이바다`).
SENTENCE_END_RE = re.compile(r"(?:했|였|됐|었|았|한|된|있|없|이|니|하|린|는|렸|졌|겠)다$")
# A contact line, a time or a phone number is never list material.
NOT_ENTRIES_RE = re.compile(r"담\s*당\s*(?:부\s*서|자)|책\s*임\s*자|\d{2,4}-\d{3,4}-\d{4}|@|\d{1,2}:\d{2}")
ROSTER_HEADING_RE = re.compile(
    r"^[\s" + BULLETS + r"\-–*#<〈\[(]*참\s*석\s*(?:자|기\s*관|대\s*상)?\s*(?:명\s*단|현\s*황|명\s*부)\s*[>〉\])]?\s*$"
)
MD_ROW_RE = re.compile(r"^\s*\|[^|]+\|.*\|\s*$")  # `| 정 부 | 가나부 장관, … |`
SUMMARY_TAIL_RE = re.compile(
    r"\s*(?:등|외)?\s*(?:약|총)?\s*(?:\d[\d,]*\s*(?:여\s*)?(?:명|인|개\s*기관|개사)(?:\s*내외)?)?\s*$"
)
GROUP_CUT_END_RE = re.compile(r"\s*(?:및|[·ㆍ‧,])\s*$")  # `부처 및` / `공공기관`: a label cut at a line end
SUB_LINE_RE = re.compile(r"^\s*[-–ㆍ·‧]\s*")
BULLET_START_RE = re.compile(r"^\s*(?:[" + BULLETS + r"※*＊]|\d+[.)]\s|[가-하][.)]\s|<|\[붙임|붙\s*임)")
BULLET_RANKS = ("□■", "○ㅇ◦●❍", "-–▸▶‣▪￭•", "·ㆍ‧")
_NUMBERS = r"[\u2460-\u2473\u2776-\u277F]|\d{1,2}[.)]\s|\(\d{1,2}\)\s"  # ① ❶ 1. 1) (1)
ITEM_START_RE = re.compile(r"^\s*(?:[" + BULLETS + r"]|" + _NUMBERS + ")")  # not ※ or *: those open notes
BULLET_RE = re.compile(r"^\s*(?:[" + BULLETS + r"※*＊]+|" + _NUMBERS + r")\s*")


def list_body(lines: list[TextLine], i: int, used: set[int]) -> list[str] | None:
    line = lines[i]
    label = LABEL_RE.match(line.text)
    if not label:
        return None
    rest = line.text[label.end() :]
    if ROSTER_HEADING_RE.match(line.text):
        rest = ""  # `< 참석자 명단 >` over a table that is no roster: a bare label
    if line.text.lstrip().startswith("|"):
        rest = rest.rstrip().rstrip("|")  # `| 참석자 | 가나부 장관, … |`: a Markdown table row
    labelled = (
        label["colon"] or label["bar"] or re.search(r"[)\]>〉】］〕]\s*$", line.text[: label.end()]) or not rest.strip()
    )
    head = line.text[: label.end()]  # a label cell flattened into text: a tab or a wide gap, or 참석자 + a comma list
    spaced = _entries_only(rest) and (
        re.search(r"(?:\t|\s{2,})$", head) or re.search(r"(?:자|관)\s+$", head) and "," in rest
    )
    if not (labelled or spaced) or NOT_A_LIST_RE.match(rest) or WHO_MAY_ATTEND_RE.search(rest) or _sentence(rest):
        return None  # `참 석 자 가나부 장관, …` (a label cell in page text) is a list; a sentence is not
    bare = not rest.strip()
    summary = bare or groups_only(rest)  # `참석 : 정부, 공공기관 등 20여명` over the detailed rows
    if line.cell and LABEL_ONLY_RE.match(line.text):
        table, row, col = line.cell
        beside = beside_label(lines, i)
        if beside:
            used.update([i, *beside[0]])
            return beside[1]
        below = column_below(lines, i)
        if below:
            used.update([i, *below])
            return [lines[k].text for k in below]
        if any(ln.cell and ln.cell[0] == table and ln.cell[1] == row and ln.cell[2] < col for ln in lines):
            return None  # a label in a 비고 column after the row's content
    body = [rest] if rest.strip() else []
    used.add(i)
    j = i + 1
    while j < len(lines):
        nxt = lines[j]
        if nxt.cell != line.cell:
            labelled = label_table(lines, j) if summary and len(body) <= 1 and nxt.cell else None
            if labelled:
                body.extend(labelled[0])
                used.update(range(j, labelled[1]))
            break
        if LABEL_RE.match(nxt.text) and not SUB_LINE_RE.match(nxt.text) or ITEM_LABEL_RE.match(nxt.text):
            break  # another label: `(장소) …`, `일 시 : …`
        same_para = nxt.para == line.para and not BULLET_START_RE.match(nxt.text) and not _narrative(nxt.text)
        sub = SUB_LINE_RE.match(nxt.text) and nxt.indent >= line.indent
        wrapped = bool(body) and body[-1].rstrip().endswith((",", "·", "ㆍ")) and nxt.indent >= line.indent
        block = bare and nxt.indent > line.indent and _list_item(nxt.text)
        item = _beneath(nxt, line) and ITEM_START_RE.match(nxt.text) and _list_item(nxt.text)
        plain = (
            (bool(body) or bare)
            and nxt.indent >= line.indent
            and not BULLET_START_RE.match(nxt.text)
            and (_entries_only(nxt.text) or is_group_word(GROUP_CUT_END_RE.sub("", nxt.text)))
        )
        md_row = summary and bool(MD_ROW_RE.match(nxt.text)) and not _programme_row(nxt.text)
        if not (same_para or sub or wrapped or block or plain or item or md_row):
            break
        body.append(SUB_LINE_RE.sub("", nxt.text) if sub else BULLET_RE.sub("", nxt.text) if item else nxt.text)
        used.add(j)
        j += 1
    return body or None


def _bullet_rank(text: str) -> int | None:
    char = text.lstrip()[:1]
    return next((rank for rank, marks in enumerate(BULLET_RANKS) if char and char in marks), None)


def _beneath(nxt: TextLine, line: TextLine) -> bool:
    """Deeper than the label line: indented further, or (text without indents, PDF) a bullet of
    a lower rank (□ over ㅇ○◦ over - ▸ over ·)."""
    if nxt.indent > line.indent:
        return True
    ranks = _bullet_rank(nxt.text), _bullet_rank(line.text)
    return ranks[0] is not None and ranks[1] is not None and ranks[0] > ranks[1]


def _list_item(text: str) -> bool:
    """A deeper bullet item under a labelled line that carries on its list: it opens with a
    group or role tag (`ㅇ [토론] …`, `ㅇ (정부) …`) or holds entries only."""
    content = BULLET_RE.sub("", text)
    return bool(LEADING_TAG_RE.match(content)) or is_group_word(content) or _entries_only(content)


def is_group_word(text: str) -> bool:
    """A line that is only a group label, unbracketed (`정 부`, `업 계` — a label in a text box
    beside its entries; `부처 및 공공기관`, `정부·공공기관`: group words joined): a group word (a
    kind of people; a line `국회` or `가나부` alone is a body of a one-per-line list, not a label)."""
    word = squash(text).strip("()[]<>:：")
    if not 0 < len(word) <= 12:
        return False
    return all(part in SQUASHED_GROUP_WORDS for part in GROUP_JOIN_RE.split(word)) and len(word) > 0


SQUASHED_GROUP_WORDS = {squash(word) for word in GROUP_WORDS}
GROUP_JOIN_RE = re.compile(r"및|[·ㆍ‧,/]")


def _programme_row(text: str) -> bool:
    """A Markdown row of an event's programme (`| 14:00 | 개회 | … |`, `| 시 간 | 내 용 |`)."""
    cells = [c for c in text.strip().strip("|").split("|")]
    return is_programme({0: {k: [c] for k, c in enumerate(cells)}})


def groups_only(text: str) -> bool:
    """A summary of the list's groups (`정부, 공공기관 등 20여명`): group words and a count only."""
    words = SUMMARY_TAIL_RE.sub("", text.strip())
    return bool(words) and all(is_group_word(word) for word in re.split(r"[,，]", words) if word.strip())


def _narrative(text: str) -> bool:
    """A sentence or clause, not list material (`…을 반영하여`, `…하였다.`)."""
    text = text.strip()
    return (
        text.endswith("다.")
        or bool(SENTENCE_END_RE.search(text))
        or any(NARRATIVE_RE.search(w.strip(",.")) for w in text.split())
    )


def _entries_only(text: str) -> bool:
    """A line with no bullet that continues a list: no clause or sentence, and it ends in a body,
    a title, or a comma (`가나협회, 다라공단`, `송하늘 한국대 교수`)."""
    text = text.strip()
    words = text.rstrip(",").split()
    if not words or len(text) > 200 or text.endswith(".") or _narrative(text) or NOT_ENTRIES_RE.search(text):
        return False
    last = TRAILING_ETC_RE.sub("", text.rstrip(",")).split() or words
    last_word = re.sub(r"[(\[].*$", "", last[-1]) or last[-1]
    title_then_name = len(last) >= 2 and is_title(last[-2]) and is_name(last_word)  # 가나부 장관 홍길동
    return text.endswith(",") or is_org(last_word) or is_title(last_word) or title_then_name


def _sentence(text: str) -> bool:
    """A clause after a label (`(참석) 가나부 장관은 … 참석하여 …`): narrative, not a list."""
    return bool(SENTENCE_END_RE.search(text.strip().rstrip(".")))
