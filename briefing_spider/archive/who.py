"""`who(db, "강인선")`: where a person or an organisation appears, and whom they met.

A query names people (a name, spaces ignored: every person of that name, each in their own
organisation) and an organisation (its key, `parse/organizations.py`: 산업부 and 산업통상자원부
are one). Its appearances come from the `appearances` view; *met* means listed in the same
release's event — its attendee list or the participants its sentences name (a counterpart met
is someone met); contacts are the release's staff, not at the table. `sources` narrows the
appearances to some of attendee, participant, contact; events come before contacts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlite_utils import Database

from briefing_spider.archive.filters import release_filters
from briefing_spider.parse.organizations import organization_key


def organization_name(key: str) -> str:
    """SQL: the display name of the organisation `key`: a ministry's latest registry name,
    else the name attendee lists give it most often."""
    return (
        f"coalesce((SELECT m.name FROM ministries m WHERE m.lineage = {key} "
        f"ORDER BY m.valid_to IS NOT NULL, m.valid_to DESC LIMIT 1), "
        f"(SELECT o.organization FROM attendees o WHERE o.organization_key = {key} "
        f"GROUP BY o.organization ORDER BY count(*) DESC, o.organization LIMIT 1), {key})"
    )


class UnknownWho(LookupError):
    """Nobody and no organisation of that name in the archive (within the dates asked)."""


@dataclass(frozen=True, kw_only=True)
class Appearance:
    published_date: str
    site: str
    news_id: str
    release_title: str
    source: str  # attendee, participant or contact
    kind: str  # person, position or organization
    participant_id: str | None
    name: str | None
    title: str | None
    role: str | None
    organization: str | None  # as written
    organization_key: str | None


@dataclass(frozen=True, kw_only=True)
class Met:
    key: str  # participant_id (people, positions) or organization_key
    label: str
    releases: int
    first_date: str
    last_date: str


@dataclass(frozen=True, kw_only=True)
class WhoAnswer:
    query: str
    organization: str | None  # the organisation's display name, when the query names one
    appearances: tuple[Appearance, ...] = ()
    people_met: tuple[Met, ...] = ()
    organizations_met: tuple[Met, ...] = field(default_factory=tuple)


SOURCES = ("attendee", "participant", "contact")
EVENT_SOURCES = ("attendee", "participant")  # at the event: listed, or named taking part


def who(
    db: Database,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 10,
    sources: tuple[str, ...] = SOURCES,
) -> WhoAnswer:
    """Appearances of the people named `query` and of the organisation `query` names — events
    (attendee, participant) first, then contacts, each oldest first — then the people (and
    positions) and organisations met most often. UnknownWho when there are none."""
    name = "".join(query.split())
    key = organization_key(query)
    if not name:
        raise UnknownWho("an empty name")
    dates, params = release_filters(db, since=since, until=until)
    marks = ", ".join(f":source{k}" for k in range(len(sources)))
    rows = list(
        db.query(
            "SELECT a.* FROM appearances a JOIN briefings b ON b.site = a.site AND b.news_id = a.news_id "
            "WHERE ((a.kind = 'person' AND replace(a.name, ' ', '') = :name) OR a.organization_key = :key)"
            f" AND a.source IN ({marks}){dates}"
            " ORDER BY a.source = 'contact', a.published_date, a.news_id, a.source, a.position",
            {**params, "name": name, "key": key, **{f"source{k}": s for k, s in enumerate(sources)}},
        )
    )
    if not rows:
        within = f" between {since or 'the start'} and {until or 'today'}" if since or until else ""
        raise UnknownWho(f"{query!r}: no person or organisation of that name in the archive{within}")
    appearances = tuple(_appearance(row) for row in rows)
    found_key = key if any(a.organization_key == key for a in appearances) else None
    organization = _display_name(db, found_key) if found_key else None
    people, organizations = _met(db, appearances, found_key)
    return WhoAnswer(
        query=query,
        organization=organization,
        appearances=appearances,
        people_met=tuple(people[:limit]),
        organizations_met=tuple(organizations[:limit]),
    )


def _appearance(row: dict) -> Appearance:
    return Appearance(
        published_date=row["published_date"],
        site=row["site"],
        news_id=row["news_id"],
        release_title=row["release_title"],
        source=row["source"],
        kind=row["kind"],
        participant_id=row["participant_id"],
        name=row["name"],
        title=row["title"],
        role=row["role"],
        organization=row["organization_as_written"],
        organization_key=row["organization_key"],
    )


def _display_name(db: Database, key: str) -> str:
    return db.execute(f"SELECT {organization_name(':key')}", {"key": key}).fetchone()[0]


def _met(db: Database, appearances: tuple[Appearance, ...], own_key: str | None) -> tuple[list[Met], list[Met]]:
    """Others at the events (attendee lists, participants) of the releases where the query took
    part; the organisations met leave out the query's own."""
    own = {a.participant_id for a in appearances if a.participant_id}
    own_organizations = {a.organization_key for a in appearances if a.kind == "person"} | {own_key}
    present = {(a.site, a.news_id) for a in appearances if a.source in EVENT_SOURCES}
    people: dict[str, list[tuple[str, str]]] = {}
    organizations: dict[str, list[tuple[str, str]]] = {}
    labels: dict[str, str] = {}
    for site, news_id in sorted(present):
        for row in db.query(
            "SELECT * FROM appearances WHERE site = :site AND news_id = :id AND source IN ('attendee', 'participant')",
            {"site": site, "id": news_id},
        ):
            if row["participant_id"] in own or (own_key and row["organization_key"] == own_key):
                continue
            seen = (f"{site}:{news_id}", row["published_date"])
            if row["participant_id"]:
                people.setdefault(row["participant_id"], []).append(seen)
                labels.setdefault(row["participant_id"], _label(row))
            if row["organization_key"] and row["organization_key"] not in own_organizations:
                organizations.setdefault(row["organization_key"], []).append(seen)
    org_labels = {key: _display_name(db, key) for key in organizations}
    return _ranked(people, labels), _ranked(organizations, org_labels)


def _label(row: dict) -> str:
    who_ = row["name"] or f"[{row['title']}]"
    return " ".join(
        part for part in (row["organization_as_written"], who_, row["title"] if row["name"] else None) if part
    )


def _ranked(seen: dict[str, list[tuple[str, str]]], labels: dict[str, str]) -> list[Met]:
    counts = Counter({key: len({news_id for news_id, _ in pairs}) for key, pairs in seen.items()})
    return [
        Met(
            key=key,
            label=labels[key],
            releases=count,
            first_date=min(day for _, day in seen[key]),
            last_date=max(day for _, day in seen[key]),
        )
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], labels[kv[0]]))
    ]
