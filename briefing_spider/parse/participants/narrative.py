"""The sentences a participant is read from: the title, the sub-titles, then the body's
narrative lines. Left out: lines in tables (outline boxes, programmes, 붙임 tables), notes
(`※`, `*`), everything from a reference or annex heading (`[참고]`, `붙임`) or the contact block
on, and quoted speech (`“…”라고 말했다` says nothing about who took part). A ministry head in the
parenthesis that identifies the ministry (`가나부(장관 홍길동)`) is taken out of the sentence and
kept aside: that person takes part only when a later sentence names them acting (`홍 장관은`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_spider.parse.text_lines import TextLine, collapse

NOTE_RE = re.compile(r"^\s*(?:※|\*{1,3}|＊)")
# A heading that opens a reference box, an annex or the contact block: nothing after it is the event.
STOP_RE = re.compile(
    r"^\s*[<\[〈【(]?\s*(?:참\s*고|붙\s*임|별\s*첨|첨\s*부)\s*\d*\s*[>\]〉】)]|^\s*붙\s*임\s*\d?\s*[.:]|담\s*당\s*부\s*서"
)
QUOTE_RE = re.compile(r'[“"][^”"]{2,}[”"]')  # speech; ‘…’ and 「…」 name things
# `가나부(장관 홍길동, 이하 가나부)`, `(위원장 최바다)`: a body's head named to identify the body.
HEAD_PAREN_RE = re.compile(
    r"(?P<org>[^\s()]{1,30})\(\s*(?P<title>장관|위원장|청장|처장|원장|총장|이사장|사장|회장|대표|실장|본부장|차관|총재|원장)\s+"
    r"(?P<name>[가-힣]{2,4})\s*(?:,[^()]*)?\)"
)
OTHER_PAREN_RE = re.compile(r"\((?:이하|약칭|이하 ‘)[^()]*\)|\([A-Za-z][^()]*\)")
SENTENCE_SPLIT_RE = re.compile(r"(?<=다\.)\s+")
BULLET_RE = re.compile(r"^\s*(?:[□■○●◦ㅇ▸▶►‣•◆◇❍\-–ㆍ·]|\d+[.)]|[가-하][.)])\s*")


@dataclass(frozen=True)
class Head:
    """A body's head named in the parenthesis that identifies the body."""

    organization: str
    title: str
    name: str


@dataclass(frozen=True)
class Narrative:
    sentences: tuple[str, ...]
    heads: tuple[Head, ...]


def narrative(title: str, subtitles: tuple[str, ...], lines: list[TextLine]) -> Narrative:
    heads: list[Head] = []
    sentences: list[str] = []
    for text in [title, *subtitles, *_sentences(_body_lines(lines))]:
        text, found = _without_heads(QUOTE_RE.sub(" ", text))
        heads.extend(found)
        text = collapse(OTHER_PAREN_RE.sub("", text))
        if text:
            sentences.append(text)
    return Narrative(tuple(sentences), tuple(dict.fromkeys(heads)))


def _body_lines(lines: list[TextLine]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if STOP_RE.search(line.text):
            break
        if line.cell is None and not NOTE_RE.match(line.text) and not line.note:
            out.append(line.text)
    return out


def _sentences(body: list[str]) -> list[str]:
    """Lines joined into sentences: a line that opens with a bullet starts one, a sentence
    ends at `…다.`."""
    out: list[str] = []
    current = ""
    for text in body:
        if BULLET_RE.match(text) and current:
            out.append(current)
            current = ""
        *done, current = SENTENCE_SPLIT_RE.split(f"{current} {BULLET_RE.sub('', text).strip()}".strip())
        out.extend(done)
        if current.endswith("다."):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _without_heads(text: str) -> tuple[str, list[Head]]:
    heads = [Head(m["org"], m["title"], m["name"]) for m in HEAD_PAREN_RE.finditer(text)]
    return HEAD_PAREN_RE.sub(lambda m: m["org"], text), heads
