"""`--ministry`, `--since`, `--until`, `--site`, `--kind` as SQL over `briefings b`, shared by search and export."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from briefing_spider.contract.registry import all_sites


class FilterError(ValueError):
    """A filter value is wrong: the message names the option and the value."""


def parse_day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{option} {value!r}: not a date (YYYY-MM-DD)") from None


def ministry_names(db: Database, ministry: str) -> list[str]:
    """Every name of the organisation `ministry` names (full or short form, any period). The
    value is compared as it is: `%` or `_` are characters, not LIKE wildcards."""
    rows = list(
        db.query(
            "SELECT DISTINCT m.name FROM ministries m WHERE m.lineage IN (SELECT lineage FROM ministries "
            "WHERE name = :m OR (instr(:m, '|') = 0 "
            "AND instr('|' || coalesce(short_forms, '') || '|', '|' || :m || '|') > 0))",
            {"m": ministry},
        )
    )
    if rows:
        return [r["name"] for r in rows]
    known = next(
        db.query("SELECT 1 FROM briefings WHERE ministry = :m OR ministry_canonical = :m LIMIT 1", {"m": ministry}),
        None,
    )
    if known is None:
        raise FilterError(f"--ministry {ministry!r}: not in the ministry registry nor in the archive")
    return [ministry]


def known_kinds(db: Database) -> set[str]:
    """The kinds of the known sites, and those the archive holds (a plug-in site's, uninstalled)."""
    held = {row[0] for row in db.execute("SELECT DISTINCT kind FROM briefings").fetchall()}
    return held | {kind for site in all_sites() for kind in site.kinds}


def release_filters(
    db: Database,
    *,
    ministry: str | None = None,
    since: str | None = None,
    until: str | None = None,
    site: str | None = None,
    kind: str | None = None,
    alias: str = "b",
) -> tuple[str, dict]:
    """(" AND …" SQL, params) restricting `alias` (a briefings row) to the filters given. `kind`:
    one kind, or several comma-separated (press_release,briefing)."""
    clauses, params = [], {}
    first = parse_day(since, "--since") if since else None
    last = parse_day(until, "--until") if until else None
    if first and last and first > last:
        raise FilterError(f"--since {since} is after --until {until}")
    if first:
        clauses.append(f"{alias}.published_at >= :since")
        params["since"] = first.isoformat()
    if last:
        clauses.append(f"{alias}.published_at < :until_next")
        params["until_next"] = (last + dt.timedelta(days=1)).isoformat()
    if site:
        clauses.append(f"{alias}.site = :site")
        params["site"] = site
    if kind:
        kinds = [name.strip() for name in kind.split(",") if name.strip()]
        known = known_kinds(db)
        unknown = [name for name in kinds if name not in known]
        if unknown or not kinds:
            raise FilterError(
                f"--kind {', '.join(unknown) or repr(kind)}: no such kind (there are: {', '.join(sorted(known))})"
            )
        keys = [f"kind_{i}" for i in range(len(kinds))]
        clauses.append(f"{alias}.kind IN ({', '.join(f':{k}' for k in keys)})")
        params.update(zip(keys, kinds, strict=True))
    if ministry:
        names = ministry_names(db, ministry)
        keys = [f"ministry_{i}" for i in range(len(names))]
        listed = ", ".join(f":{k}" for k in keys)
        clauses.append(
            f"(coalesce({alias}.ministry_canonical, {alias}.ministry) IN ({listed}) OR {alias}.ministry IN ({listed}))"
        )
        params.update(zip(keys, names, strict=True))
    return "".join(f" AND {c}" for c in clauses), params
