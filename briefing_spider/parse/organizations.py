"""One key per organisation, whatever name a release gives it. Pure: no I/O, no clock.

`organization_key(name, on=date)`:

- a ministry (the whole name, or its first word: `산업부 무역정책관실`) → its registry
  `lineage` (`motie` for 지식경제부, 산업통상자원부, 산업부, 산업통상부 alike), through the
  short forms and renames of parse/ministries.csv; the unit after the ministry is dropped from
  the key (it stays in `organization` as written);
- any other body → its name normalised: the company marks ㈜, (주), 주식회사 and a trailing
  등 removed, all whitespace removed (`㈜ 한국 전력 등` → `한국전력`). A body the registry does
  not know is its own organisation: no similarity guess joins two spellings;
- nothing (None, blank, only marks) → None.

Lineage ids are lower-case Latin (`mofa`); normalised body names keep their case, so a key says
which of the two it is (`is_ministry_key`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefing_spider.parse.ministries import ministry_in_organization, ministry_rows

COMPANY_MARK_RE = re.compile(r"㈜|\(\s*주\s*\)|（\s*주\s*）|주식회사")
# `… 등` (and others); a word that itself ends in 등 (고등, 평등…) keeps it.
TRAILING_ETC_RE = re.compile(r"(?<!고|초|중|평|균|동|대|차|열|우|상|하)\s*등\s*$")
SPACES_RE = re.compile(r"\s+")


def normalize_body_name(name: str | None) -> str | None:
    """`㈜ 한국 전력 등` → `한국전력`; None when nothing is left."""
    if not name:
        return None
    text = COMPANY_MARK_RE.sub(" ", name)
    text = TRAILING_ETC_RE.sub("", text.strip())
    text = SPACES_RE.sub("", text)
    return text or None


def organization_key(name: str | None, *, on: dt.date | None = None) -> str | None:
    """The ministry's lineage id, else the normalised name, else None."""
    if not name or not name.strip():
        return None
    ministry = ministry_in_organization(name.strip(), on=on)
    if ministry is not None:
        lineage = lineage_of(ministry.canonical)
        if lineage is not None:
            return lineage
    return normalize_body_name(name)


def lineage_of(canonical: str | None) -> str | None:
    """The registry lineage of a ministry name (as the registry spells it)."""
    return _lineages().get(canonical or "")


def is_ministry_key(key: str | None) -> bool:
    return key is not None and key in set(_lineages().values())


@lru_cache(maxsize=1)
def _lineages() -> dict[str, str]:
    return {str(row["name"]): str(row["lineage"]) for row in ministry_rows()}
