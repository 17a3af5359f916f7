"""Korean date and time forms → ISO 8601, with missing years filled from the release date.

Explicit patterns for the forms releases use (`’26. 4. 9(목) 10:30`, `7월 22일(수) 10시`,
`6.21(금)`, `2024.7월`, `오후 3시 반`, `'26.4.9.`, `2026. 4. 13.(월) 9:30`); python-dateutil for
plain ISO-like or English dates. A year left out is the one, of the release year and its
neighbours, that puts the date nearest the release date and agrees with a written weekday.
Results: `YYYY-MM`, `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:00+09:00` (Korea time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateutil import parser as du_parser

WEEKDAYS = "월화수목금토일"
# Apostrophe and prime forms before a two-digit year (’26, ‵26, ′26, ＇26).
_Q = "['’‘`´‵′‛＇]"
_WD = r"(?:\.?\s*\(\s*(?P<wd>[월화수목금토일])(?:요일)?\s*\))?"

# 2026년 4월 13일 / 2026. 4. 13. / 2026.04.13 / ’26. 4. 9 / '26.4.9. / 26.4.9
FULL_DATE_RE = re.compile(
    rf"(?:(?P<y4>(?:19|20)\d\d)|{_Q}\s?(?P<y2>\d\d))\s*(?:년|[.\-/])\s*"
    rf"(?P<m>1[0-2]|0?[1-9])\s*(?:월|[.\-/])\s*(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)\s*(?:일|\.)?{_WD}"
)
# 7월 22일(수)  /  4.13일(월)  /  6.21(금)  /  7. 22.(수) — a dotted form needs its weekday
MONTH_DAY_RE = re.compile(
    rf"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s*월\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일{_WD}"
    rf"|(?<![\d.])(?P<m2>1[0-2]|0?[1-9])\s*\.\s*(?P<d2>3[01]|[12]\d|0?[1-9])(?!\d)\s*(?:일|\.)?"
    rf"\.?\s*\(\s*(?P<wd2>[월화수목금토일])(?:요일)?\s*\)"
)
# 2024.7월 / 2024년 7월
YEAR_MONTH_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*(?:년|\.)\s*(?P<m>1[0-2]|0?[1-9])\s*월(?!\s*\d+\s*일)")
# 10:30 / 08:00 / 오후 3시 반 / 10시 30분 / 오전 9시
TIME_RE = re.compile(
    r"(?P<ampm>오전|오후|낮|밤|저녁|새벽)?\s*"
    r"(?:(?P<h>[01]?\d|2[0-4])\s*:\s*(?P<mi>[0-5]\d)"
    r"|(?P<h2>[01]?\d|2[0-4])\s*시(?:\s*(?P<mi2>[0-5]?\d)\s*분|\s*(?P<half>반))?)"
)
EVENT_LABEL_RE = re.compile(r"^\W*\(?\s*일\s*시\s*\)?\s*(?:/\s*장\s*소)?\s*[:：]?")
# Verbs of a meeting or visit; 진행/실시/발표 also describe periods and statistics, so not here.
EVENT_VERB_RE = re.compile(r"개최|열[린렸리]|주재|참석|방문|찾아|출범|개막|가졌|갖는다|갖고")
PM_WORDS = {"오후", "밤", "저녁"}
# Lines that date the release itself, not the event: `보도시점 2026. 4. 13.(월) 9:30 배포 …`.
EMBARGO_LINE_RE = re.compile(r"^\W*(?:보\s*도\s*(?:시\s*점|일\s*시)|배\s*포|엠\s*바\s*고)")
SENTENCE_END_RE = re.compile(r"[다.]\s*$")
BULLET_START_RE = re.compile(r"^[□■○◦ㅇ▸‣•·※*\-–<〈\[(]")
# What joins the two ends of a period: `4월 6일부터 4월 10일까지`, `4.6.(월) ~ 4.10.(금)`.
RANGE_JOIN_RE = re.compile(r"\s*(?:\d{1,2}\s*:\s*\d\d\s*)?(?:부터|~|∼|〜|-|–)\s*")


@dataclass(frozen=True)
class _Found:
    year: int | None
    month: int
    day: int | None
    weekday: str | None
    end: int


def _year2(y2: str) -> int:
    return 2000 + int(y2)


def _find_date(text: str) -> _Found | None:
    hits: list[tuple[int, _Found]] = []
    m = FULL_DATE_RE.search(text)
    if m:
        year = int(m["y4"]) if m["y4"] else _year2(m["y2"])
        hits.append((m.start(), _Found(year, int(m["m"]), int(m["d"]), m["wd"], m.end())))
    m = MONTH_DAY_RE.search(text)
    if m:
        month = m["m"] or m["m2"]
        day = m["d"] or m["d2"]
        hits.append((m.start(), _Found(None, int(month), int(day), m["wd"] or m["wd2"], m.end())))
    m = YEAR_MONTH_RE.search(text)
    if m:
        hits.append((m.start(), _Found(int(m["y"]), int(m["m"]), None, None, m.end())))
    if not hits:
        return None
    hits.sort(key=lambda h: (h[0], h[1].year is None))
    return hits[0][1]


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fill_year(found: _Found, published: dt.date | None) -> dt.date | None:
    assert found.day is not None
    if found.year is not None:
        return _valid(found.year, found.month, found.day)
    base = published or dt.date.today()
    options = [d for y in (base.year - 1, base.year, base.year + 1) if (d := _valid(y, found.month, found.day))]
    if found.weekday:
        matching = [d for d in options if WEEKDAYS[d.weekday()] == found.weekday]
        options = matching or options
    return min(options, key=lambda d: abs((d - base).days)) if options else None


def parse_time(text: str) -> tuple[int, int] | None:
    """`10:30`, `10시`, `10시 30분`, `오후 3시 반` → (hour, minute) on a 24-hour clock."""
    m = TIME_RE.search(text)
    if not m:
        return None
    hour = int(m["h"] if m["h"] is not None else m["h2"])
    if m["mi"] is not None:
        minute = int(m["mi"])
    elif m["mi2"] is not None:
        minute = int(m["mi2"])
    else:
        minute = 30 if m["half"] else 0
    if m["ampm"] in PM_WORDS and hour < 12:
        hour += 12
    if hour > 23 or (m["h2"] is None and m["h"] is None):
        return None
    return hour, minute


def parse_korean_date(text: str, *, published: dt.date | None = None, with_time: bool = True) -> str | None:
    """The first date (and the time right after it) in `text` as ISO 8601, or None."""
    if not text:
        return None
    found = _find_date(text)
    if found is None:
        return _dateutil_fallback(text)
    if found.day is None:
        return f"{found.year:04d}-{found.month:02d}"
    day = _fill_year(found, published)
    if day is None:
        return None
    if with_time:
        tail = text[found.end : found.end + 20]
        clock = parse_time(tail) if re.match(r"^[\s,]*(?:오전|오후|낮|밤|저녁|새벽|\d)", tail) else None
        if clock:
            return f"{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}:00+09:00"
    return day.isoformat()


def _dateutil_fallback(text: str) -> str | None:
    """Plain ISO / English dates (`2024-09-20`, `Sep 20, 2024`); Korean text never reaches here."""
    candidate = text.strip()
    if not re.fullmatch(r"[0-9A-Za-z ,:/.\-+T]{8,40}", candidate):
        return None
    try:
        value = du_parser.parse(candidate, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if value.year == 1900:
        return None
    if value.hour or value.minute:
        return value.strftime("%Y-%m-%dT%H:%M:00+09:00")
    return value.date().isoformat()


def extract_event_at(lines: Iterable[str], *, published: dt.date) -> str | None:
    """The event's date/time when the release states one; None rather than a guess.

    First an `일시` line (`□ 일시 : ’26. 4. 9(목) 10:30`, `* 일시/장소 : …`); else the first lead
    sentence with an event verb (개최, 주재, 참석…) and a full day date before it: the date
    nearest before the verb. Korean puts the event's own time right before its place and verb
    (`…는 4월 13일(월) 서울에서 회의를 개최하였다`); a date further back in the sentence belongs
    to a clause about something else (`4월 10일(금) 국회에서 …이 의결됨에 따라, …`).
    """
    lines = [line for line in lines if line and line.strip()]
    for line in lines:
        body = line.strip().lstrip("□○ㅇ◦▸‣-*※•·").strip()
        label = EVENT_LABEL_RE.match(body)
        if label and label.end() > 0 and "일" in body[: label.end()]:
            value = parse_korean_date(body[label.end() :], published=published)
            if value and len(value) >= 10:
                return value
    for line in _lead_lines(lines[:40]):
        for sentence in re.split(r"(?<=[다.])\s+", line):
            verbs = [verb.start() for verb in EVENT_VERB_RE.finditer(sentence)]
            if not verbs:
                continue
            value = next(filter(None, (_date_before(sentence, end, published) for end in verbs)), None)
            if value:
                return value
            break
    return None


def _lead_lines(lines: list[str]) -> Iterator[str]:
    """Lines for the lead-sentence rule: embargo lines (보도시점, 배포) left out, and a line
    with a date whose sentence runs on (a PDF's visual line) joined with the next line — one
    that neither starts indented (a new paragraph) nor with a bullet or note mark."""
    kept = [line for line in lines if not EMBARGO_LINE_RE.match(line)]
    for index, line in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else ""
        runs_on = (
            following
            and not BULLET_START_RE.match(line.strip())
            and not SENTENCE_END_RE.search(line)
            and not following[:1].isspace()
            and not BULLET_START_RE.match(following)
            and (FULL_DATE_RE.search(line) or MONTH_DAY_RE.search(line))
        )
        yield f"{line.strip()} {following.strip()}" if runs_on else line.strip()


def _date_before(sentence: str, end: int, published: dt.date) -> str | None:
    """The day date (with its time) nearest before `end` in `sentence`, or None. A date that
    ends a period (`4월 6일부터 4월 10일까지`, `4.6.(월)~4.10.(금)`) gives the period's start."""
    spans = sorted(
        {(m.start(), m.end()) for regex in (FULL_DATE_RE, MONTH_DAY_RE) for m in regex.finditer(sentence, 0, end)}
    )
    spans = [span for span in spans if not any(o[0] < span[0] < o[1] for o in spans)]  # inside another
    for index in range(len(spans) - 1, -1, -1):
        while index > 0 and RANGE_JOIN_RE.fullmatch(sentence[spans[index - 1][1] : spans[index][0]]):
            index -= 1
        value = parse_korean_date(sentence[spans[index][0] :], published=published)
        if value and len(value) >= 10:
            return value
    return None
