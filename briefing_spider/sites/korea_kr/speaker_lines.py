"""The lines of a briefing transcript that say who speaks next.

Forms (the transcripts on korea.kr; see docs/extraction.md, "Other sections"):
- a person in brackets on a line of its own, `<이름 기관 직함>` (also 〈〉 ＜＞ [] 【】), read by the
  attendee entry grammar (`이름 기관 직함` or `기관 직함 이름`): `<한정애 더불어민주당 정책위의장>`;
- the Q&A labels, bracketed or between dashes: `<질문>`, `[답변]`, `- 질문 -`, `<사회자>`, and a
  questioner (title 기자) with an outlet or a name, `<가나일보 기자>`, `<홍길동 가나일보 기자>`;
- a label or a person before a colon, the remark after it: `질문 : …`, `기자: …`, `Q. …`,
  `홍길동 가나부 장관 : …`;
- the header of the Q&A part, `<질의응답>` / `- 일문일답 -`: what follows belongs to no one until
  the next label.
A bracketed label may carry the start of the remark on its line (`<질문> 오늘 …`).
Pure: a line in, a `SpeakerLine` (or None) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing_spider.parse.attendees.entry import parse_person
from briefing_spider.parse.attendees.leftovers import leftovers
from briefing_spider.records import Attendee

BRACKETED = re.compile(
    r"^\s*(?:[<〈＜\[【]\s*(?P<b>[^<>〈〉＜＞\[\]【】]{1,40}?)\s*[>〉＞\]】]"
    r"|[-－–—]\s*(?P<d>[^-－–—]{1,20}?)\s*[-－–—](?=\s|$))\s*(?P<rest>.*)$"
)
COLON_LABEL = re.compile(r"^\s*(?P<label>[^:：]{1,30}?)\s*[:：]\s*(?P<rest>.*)$")
LETTER_LABEL = re.compile(r"^\s*(?P<label>[QA])\s*[.:：)]\s*(?P<rest>\S.*)$")
SENTENCE_MARK = re.compile(r"[.?!。…]|(?:다|요|니까)$")
ANSWER_PREFIX = re.compile(r"^(?:답변|답)\s*[:：,]?\s*")
QUESTION = "question"
ANSWER = "answer"
HOST = "host"
QA_START = "qa_start"
PERSON = "person"
# Label (spaces removed) → what it marks.
LABELS = {
    "질문": QUESTION,
    "질의": QUESTION,
    "문": QUESTION,
    "기자": QUESTION,
    "Q": QUESTION,
    "답변": ANSWER,
    "답": ANSWER,
    "A": ANSWER,
    "사회자": HOST,
    "사회": HOST,
    "진행자": HOST,
    "진행": HOST,
    "질의응답": QA_START,
    "질문과답변": QA_START,
    "일문일답": QA_START,
    "문답": QA_START,
}
QUESTIONER_TITLE = "기자"  # a question's utterance: no name, the title 기자 (and the outlet if named)
HOST_TITLE = "사회자"
# A questioner's outlet the grammar can take for a name (`<마바일보 기자>`: 마 is a surname).
OUTLET_ENDING = re.compile(r"(?:일보|신문|뉴스|방송|통신|경제|타임스|저널|미디어|데일리|TV|티비)$")


@dataclass(frozen=True, kw_only=True)
class SpeakerLine:
    marks: str  # person, question, answer, host, qa_start
    person: Attendee | None  # who, when the line names someone (a questioner: outlet and 기자)
    rest: str  # the start of the remark on the same line ("" if none)


def read_speaker_line(line: str) -> SpeakerLine | None:
    """What the line says about the next speaker, or None for a line of the remarks."""
    bracketed = BRACKETED.match(line)
    if bracketed:
        label = bracketed["b"] or bracketed["d"]
        found = _label(label, bracketed=True)
        return SpeakerLine(marks=found[0], person=found[1], rest=bracketed["rest"]) if found else None
    lettered = LETTER_LABEL.match(line)
    if lettered:
        return SpeakerLine(marks=LABELS[lettered["label"]], person=None, rest=lettered["rest"])
    colon = COLON_LABEL.match(line)
    if colon:
        found = _label(colon["label"], bracketed=False)
        if found and found[0] != QA_START:
            return SpeakerLine(marks=found[0], person=found[1], rest=colon["rest"])
    return None


def _label(label: str, *, bracketed: bool) -> tuple[str, Attendee | None] | None:
    squashed = "".join(label.split())
    if squashed in LABELS:
        return LABELS[squashed], None
    if SENTENCE_MARK.search(label):
        return None
    answerer = ANSWER_PREFIX.sub("", label) if ANSWER_PREFIX.match(label) else None
    person = _person(answerer or label)
    if person is None:
        return None
    if person.title == QUESTIONER_TITLE:
        return QUESTION, _outlet_not_name(person)
    if person.name is None and not bracketed:
        return None  # `일시 : …`, `장소 : …`: only a named person makes a colon line a remark
    return (ANSWER if answerer else PERSON), person


def _outlet_not_name(person: Attendee) -> Attendee:
    if person.name and not person.organization and OUTLET_ENDING.search(person.name):
        return replace(person, organization=person.name, name=None)
    return person


def _person(text: str) -> Attendee | None:
    """A person the attendee grammar reads with a title, and nothing left unaccounted for."""
    text = " ".join(text.split())
    person = parse_person(text, None, None, raw=text)
    if person is None or person.title is None or leftovers(person):
        return None
    if person.name is None and person.organization and len(person.organization.split()) > 2:
        return None
    return person
