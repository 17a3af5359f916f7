"""Registry of central agencies on korea.kr and resolution of a ministry name as written.

Data: `ministries.csv` next to this module (one row per name in force for a period; sources in its
header). `resolve_ministry` maps a name as written (full name, short form such as 복지부, or a
spaced form such as `경 찰 청`) to a `Ministry` whose `canonical` is the name in force **on the
given date** for that organisation: follow `successor` forward when the written name had already
ended by then (환경부 on 2026-04-13 → 기후에너지환경부), and walk back to the predecessor when the
date is before the name existed (기후부 on 2024-01-01 → 환경부). Without a date, the canonical is
the name in force today. A split follows the legal continuation (기획재정부 → 재정경제부).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.resources
import re
from dataclasses import dataclass
from functools import lru_cache

from briefing_spider.records import Ministry

# A package resource, so it is found inside a zipped egg too (scrapyd).
DATA_FILE = importlib.resources.files(__package__) / "ministries.csv"
_SPACE_RE = re.compile(r"\s+")
_PAREN_RE = re.compile(r"\(.*?\)|（.*?）")


@dataclass(frozen=True)
class _Row:
    lineage: str
    code: str | None
    name: str
    name_en: str | None
    short_forms: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None  # exclusive
    successor: str | None

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def _rows() -> tuple[_Row, ...]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return tuple(
        _Row(
            lineage=r["lineage"],
            code=r["code"] or None,
            name=r["name"],
            name_en=r["name_en"] or None,
            short_forms=tuple(s for s in r["short_forms"].split("|") if s),
            valid_from=_date(r["valid_from"]),
            valid_to=_date(r["valid_to"]),
            successor=r["successor"] or None,
        )
        for r in csv.DictReader(lines)
    )


def normalize_name(name: str) -> str:
    """All whitespace removed, a trailing parenthetical dropped (`외교부 (Ministry…)` → 외교부)."""
    return _SPACE_RE.sub("", _PAREN_RE.sub("", name or ""))


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[_Row]], dict[str, list[_Row]]]:
    by_name: dict[str, list[_Row]] = {}
    by_short: dict[str, list[_Row]] = {}
    for row in _rows():
        by_name.setdefault(row.name, []).append(row)
        for short in row.short_forms:
            by_short.setdefault(short, []).append(row)
    return by_name, by_short


def _pick(rows: list[_Row], on: dt.date | None) -> _Row:
    """The row in force on `on`; else the one nearest in time; without a date the latest."""
    if on is not None:
        for row in rows:
            if row.covers(on):
                return row
        return min(rows, key=lambda r: _distance(r, on))
    return max(rows, key=lambda r: r.valid_from or dt.date.min)


def _distance(row: _Row, day: dt.date) -> int:
    if row.valid_from and day < row.valid_from:
        return (row.valid_from - day).days
    if row.valid_to and day >= row.valid_to:
        return (day - row.valid_to).days + 1
    return 0


def _forward(row: _Row, on: dt.date | None) -> _Row:
    by_name, _ = _index()
    seen = {id(row)}
    while row.successor and (on is None or (row.valid_to is not None and on >= row.valid_to)):
        nxt = [r for r in by_name.get(row.successor, ()) if r.valid_from == row.valid_to]
        nxt = nxt or by_name.get(row.successor, [])
        if not nxt or id(nxt[0]) in seen:
            break
        row = nxt[0]
        seen.add(id(row))
    return row


def _backward(row: _Row, on: dt.date) -> _Row:
    seen = {id(row)}
    while row.valid_from is not None and on < row.valid_from:
        prev = [
            r for r in _rows() if r.successor == row.name and r.valid_to == row.valid_from and r.lineage == row.lineage
        ]
        if not prev or id(prev[0]) in seen:
            break
        row = prev[0]
        seen.add(id(row))
    return row


def _lookup(name: str, on: dt.date | None, code: str | None) -> _Row | None:
    """The row of a ministry: by its repCode when the page gives one the registry knows (the
    code names the organisation exactly; among its rows, the one of the name or of the date),
    else by name or short form."""
    by_name, by_short = _index()
    key = normalize_name(name)
    named = by_name.get(key) or by_short.get(key) or []
    coded = [r for r in _rows() if r.code == code] if code else []
    if coded:
        lineages = {r.lineage for r in coded}
        return _pick([r for r in named if r.lineage in lineages] or coded, on)
    return _pick(named, on) if named else None


def resolve_ministry(name: str, *, on: dt.date | None = None, code: str | None = None) -> Ministry | None:
    """A name as written → `Ministry(name=as written, code, canonical on `on`, name_en)`, or None.

    `code` (a korea.kr repCode) disambiguates and is a fallback when the name is unknown.
    """
    if not name or not name.strip():
        return None
    row = _lookup(name, on, code)
    if row is None:
        return None
    current = _forward(row, on)
    if on is not None:
        current = _backward(current, on)
    return Ministry(
        name=name.strip(),
        code=current.code or row.code or code,
        canonical=current.name,
        name_en=current.name_en,
    )


def is_ministry(name: str) -> bool:
    """True when `name` (full or short form) is a registered agency."""
    return _lookup(name, None, None) is not None


def ministry_in_organization(organization: str | None, *, on: dt.date | None = None) -> Ministry | None:
    """The agency an attendee's organisation names, for linking (the organisation stays as written).

    Tries the whole string, then its first word (`기후부 전기위원회` → 기후에너지환경부).
    """
    if not organization:
        return None
    found = resolve_ministry(organization, on=on)
    if found is None:
        first = organization.split()[0]
        if first != organization.strip():
            found = resolve_ministry(first, on=on)
    return found


def ministry_rows() -> list[dict[str, object]]:
    """Rows for a `ministries` table: one per name and period."""
    return [
        {
            "lineage": r.lineage,
            "code": r.code,
            "name": r.name,
            "name_en": r.name_en,
            "short_forms": "|".join(r.short_forms),
            "valid_from": r.valid_from.isoformat() if r.valid_from else None,
            "valid_to": r.valid_to.isoformat() if r.valid_to else None,
            "successor": r.successor,
        }
        for r in _rows()
    ]
