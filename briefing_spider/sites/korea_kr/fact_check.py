"""사실은 이렇습니다 (the government's answers to press reports, `actuallyView.do?newsId=N`) → the
press report it answers (outlet, date,
title — when the page names them) and the answer's text.

The body is cut into parts by header lines: a report header (`<언론 보도 내용>`, `[보도 내용]`,
`보도 요지`) and an answer header (`<기획재정부 설명>`, `[해명 내용]`, `[설명]`, `사실은 이렇습니다`).
The report is read from a line citing it — a title in 「」/『』 with the outlet and the date beside
it (`가나일보 7월 22일자 「…」 기사`, `7.22.(수) 가나일보 「…」 보도`, `「…」(가나일보, 7.22.)`):
the report part's first such line, else the body's first, else the page's title. A date without its
year takes the page's year (the year before, if that would put it after the page). The answer is
the answer part; with no answer header, the body without the report part. No answer text raises
`PageParseError`. Read from the release's text wherever it is (the page body, else the attached
document). Pure: text in, `KindParts` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing_spider import records
from briefing_spider.contract import KindParts, PageParseError

KIND = "fact_check"
LABEL = re.compile(
    r"^\s*(?:[<〈＜\[【(]\s*(?P<b>[^<>〈〉＜＞\[\]【】()]{1,30}?)\s*[>〉＞\]】)]|[□■◆◇▣]\s*(?P<m>.{1,20}?))\s*$"
)
REPORT_HEADER = re.compile(r"보도\s*(?:내용|요지|개요)|기사\s*(?:내용|요지)")
ANSWER_HEADER = re.compile(r"설명|해명|입장|사실\s*관계|사실은\s*이렇습니다|반박")
CITED_TITLE = re.compile(r"[「『](?P<title>[^」』]{2,200})[」』]")
FULL_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})\s*일?\.?"
)
SHORT_DATE = re.compile(r"(?<![\d.])(?P<m>\d{1,2})\s*(?:\.|월)\s*(?P<d>\d{1,2})\s*일?\.?(?!\d)")
WEEKDAY = re.compile(r"\(\s*[월화수목금토일]\s*\)")
# Words around a citation that are not the outlet.
FILLER = re.compile(
    r"^(?:[○ㅇ□■◦▸•·\-–*]+|지난|언론|일부|매체|보도|보도에서|보도한|기사|기사에서|자|일자|자\s*기사|관련|등|및|의|에서|는|은)$"
)
PARTICLE = re.compile(r"(?<=[가-힣A-Za-z0-9])(?:에서|에서는|의|은|는|이|가|에|와|과)$")
OUTLET_WORDS_MAX = 3


@dataclass(frozen=True, kw_only=True)
class PressReport:
    outlet: str | None
    reported_on: date | None
    title: str | None
    raw: str  # the line it was read from


def read_fact_check(text: str, title: str | None, on: date | None) -> tuple[PressReport | None, str]:
    """(the report answered, the answer's text); PageParseError when there is no answer."""
    report_lines, answer_lines, other_lines = _parts(text.splitlines())
    answer = answer_lines if answer_lines else other_lines
    answer_text = "\n".join(line for line in answer if line.strip())
    if not answer_text:
        raise PageParseError("(fact check)", "answer", "no text under an answer header or outside the report")
    report = _first_citation(report_lines, on) or _first_citation(other_lines, on) or _first_citation([title or ""], on)
    return report, answer_text


def fact_check_parts(text: str, title: str | None, on: date | None) -> KindParts:
    """The press report a fact check answers (when it names one)."""
    report, _ = read_fact_check(text, title, on)
    if report is None:
        return KindParts()
    reported_on = report.reported_on.isoformat() if report.reported_on else None
    return KindParts(
        press_reports=(
            records.PressReport(outlet=report.outlet, reported_on=reported_on, title=report.title, raw=report.raw),
        )
    )


def _parts(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(lines under a report header, lines under an answer header, the other lines)."""
    parts: dict[str, list[str]] = {"report": [], "answer": [], "other": []}
    current = "other"
    for line in lines:
        label = LABEL.match(line)
        text = (label["b"] or label["m"]) if label else ""
        if label and REPORT_HEADER.search(text):
            current = "report"
        elif label and ANSWER_HEADER.search(text):
            current = "answer"
        else:
            parts[current].append(line)
    return parts["report"], parts["answer"], parts["other"]


def _first_citation(lines: list[str], on: date | None) -> PressReport | None:
    for line in lines:
        cited = CITED_TITLE.search(line)
        if cited:
            return _citation(line, cited, on)
    return None


def _citation(line: str, cited: re.Match, on: date | None) -> PressReport:
    before, after = line[: cited.start()], line[cited.end() :]
    inside = re.match(r"\s*\((?P<x>[^()]{1,40})\)", after)
    reported_on, before_rest = _date(before, on)
    outlet = _outlet(before_rest)
    if inside and (reported_on is None or outlet is None):
        day, rest = _date(inside["x"], on)
        reported_on = reported_on or day
        outlet = outlet or _outlet(rest.replace(",", " "))
    if reported_on is None:
        reported_on, _ = _date(after, on)
    return PressReport(outlet=outlet, reported_on=reported_on, title=" ".join(cited["title"].split()), raw=line.strip())


def _date(text: str, on: date | None) -> tuple[date | None, str]:
    """The first date in `text` and the text without it."""
    text = WEEKDAY.sub(" ", text)
    full = FULL_DATE.search(text)
    if full:
        return _day(int(full["y"]), int(full["m"]), int(full["d"])), text[: full.start()] + " " + text[full.end() :]
    short = SHORT_DATE.search(text)
    if short and on is not None:
        day = _day(on.year, int(short["m"]), int(short["d"]))
        if day and day > on:
            day = _day(on.year - 1, int(short["m"]), int(short["d"]))
        return day, text[: short.start()] + " " + text[short.end() :]
    if short:
        return None, text[: short.start()] + " " + text[short.end() :]
    return None, text


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _outlet(text: str) -> str | None:
    """The words left beside the citation once fillers and particles are gone: the outlet."""
    words = [PARTICLE.sub("", word.strip(",，:")) for word in text.split()]
    words = [word for word in words if word and not FILLER.match(word) and not re.fullmatch(r"[\d.()~]+", word)]
    return " ".join(words) if 0 < len(words) <= OUTLET_WORDS_MAX else None
