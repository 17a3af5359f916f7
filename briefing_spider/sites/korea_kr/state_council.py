"""국무회의 (cabinet meetings, `stateCouncilView.do?newsId=N`) → the meeting's agenda items, each with its `【소관 : …】` ministries.

An item is the text before its 소관 mark, back to the previous mark or group header: its title is
the last numbered or bulleted line there (`1. …`, `① …`, `□ …`, `- …`), else the first line; the
lines between title and mark are its text, and lines before the title (a description written after
the previous item's mark) go to the previous item. A mark on the title's own line
(`1. 가나법 일부개정법률안 【소관 : 법무부】`) is read the same way. Group headers (`<의결안건>`,
`[보고안건]`, `□ 법률공포안(12건)`) name the group of the items after them. A mark names one or
more ministries (`【소관 : 가나부, 다라부】`). A page with no item raises `PageParseError`.
Read from the release's text wherever it is (the page body, else the release document:
the core's `build_release`). Pure: text in, `KindParts` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing_spider import records
from briefing_spider.contract import KindParts, PageParseError

KIND = "state_council"
MINISTRY_MARK = re.compile(r"[【\[(<〈]\s*소\s*관\s*(?:부\s*처)?\s*[:：]\s*(?P<names>[^】\])>〉]{1,80}?)\s*[】\])>〉]")
MINISTRY_SEPARATOR = re.compile(r"\s*[,，、/]\s*|\s+및\s+")
# Item heads, strongest first: an item's title is the last line of the strongest head in its block
# (`1. 가나법안` over its `- 주요내용` lines).
ITEM_HEADS = (
    re.compile(r"^\s*(?:\d{1,3}\s*[.)]|[①-⑳]|[가-하]\s*[.)])\s*"),
    re.compile(r"^\s*[□■◇◆]\s*"),
    re.compile(r"^\s*[○ㅇ◦]\s*"),
    re.compile(r"^\s*[-–▸•]\s*"),
)
GROUP_WORDS = r"(?:의결|보고|부의|토의|심의|즉석|일반|법률|대통령령|공포|조약|국정)"
GROUP_HEADER = re.compile(
    rf"^\s*(?:[<〈＜\[【]\s*(?P<b>[^<>〈〉＜＞\[\]【】]{{1,20}}?)\s*[>〉＞\]】]|[□■◆◇▣]?\s*(?P<p>{GROUP_WORDS}[^\d()]{{0,10}}?))"
    rf"\s*(?:\(\s*\d+\s*건\s*\))?\s*$"
)
GROUP_WORD = re.compile(rf"{GROUP_WORDS}|안건|사항")
TOP_GROUP = re.compile(r"안건|사항")


@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    position: int  # 0-based, in page order
    group: (
        str | None
    )  # the part of the agenda it is in: 의결안건, 보고안건… (a bracketed header, or one naming 안건/사항)
    category: str | None  # the kind of item within it, from a header such as `□ 법률안(2건)`
    title: str
    ministries: tuple[str, ...]  # as the 소관 mark names them
    text: str  # the lines that describe it ("" if none)


def state_council_parts(text: str, title: str | None, on: date | None) -> KindParts:
    """A cabinet meeting's agenda items; PageParseError when no item has a 소관 mark."""
    agenda = read_agenda(text)
    if not agenda:
        raise PageParseError("(cabinet meeting)", "agenda", "no item with a 【소관 : …】 mark")
    return KindParts(
        agenda_items=tuple(
            records.AgendaItem(
                group=item.group,
                category=item.category,
                title=item.title,
                ministries=", ".join(item.ministries),
                text=item.text,
            )
            for item in agenda
        )
    )


def read_agenda(text: str) -> tuple[AgendaItem, ...]:
    items: list[dict] = []
    group: str | None = None
    category: str | None = None
    block: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        mark = MINISTRY_MARK.search(line)
        header = None if mark else _group_header(line)
        if header:
            _spill(block, items)
            block = []
            bracketed = GROUP_HEADER.match(line)
            if TOP_GROUP.search(header) or (bracketed and bracketed["b"]):
                group, category = header, None
            else:
                category = header
        elif mark:
            before = line[: mark.start()].strip()
            block.extend([before] if before else [])
            title_at = _title_index(block)
            if title_at is None:  # a mark with nothing before it: not an item
                block = []
                continue
            _spill(block[:title_at], items)
            items.append(
                {
                    "group": group,
                    "category": category,
                    "title": _title(block[title_at]),
                    "ministries": _ministries(mark["names"]),
                    "text": block[title_at + 1 :],
                }
            )
            after = line[mark.end() :].strip()
            block = [after] if after else []
        else:
            block.append(line)
    _spill(block, items)
    return tuple(
        AgendaItem(
            position=k,
            group=item["group"],
            category=item["category"],
            title=item["title"],
            ministries=item["ministries"],
            text="\n".join(item["text"]),
        )
        for k, item in enumerate(items)
    )


def _group_header(line: str) -> str | None:
    match = GROUP_HEADER.match(line)
    if not match:
        return None
    name = " ".join((match["b"] or match["p"]).split())
    return name if GROUP_WORD.search(name) else None


def _title_index(block: list[str]) -> int | None:
    for head in ITEM_HEADS:
        heads = [k for k, line in enumerate(block) if head.match(line)]
        if heads:
            return heads[-1]
    return 0 if block else None


def _spill(lines: list[str], items: list[dict]) -> None:
    """Lines after an item's mark and before the next item: the previous item's description."""
    if lines and items:
        items[-1]["text"] = [*items[-1]["text"], *lines]


def _title(line: str) -> str:
    head = next((head for head in ITEM_HEADS if head.match(line)), None)
    return " ".join((head.sub("", line, count=1) if head else line).split())


def _ministries(names: str) -> tuple[str, ...]:
    return tuple(name for name in (n.strip() for n in MINISTRY_SEPARATOR.split(names)) if name)
