"""The one writer of `briefings` and its child tables: upsert by (site, news id), children replaced in
the same transaction, the previous version kept in `revisions` when the content changed.

`save_briefings` writes a batch with one statement per table (`executemany`); `save_briefing`
is the same writer for one release."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive.quality import differs_only_in_hosts, only_gains_structure, worse_than_stored
from briefing_spider.archive.schema import CHILD_TABLES, SECTION_TABLES
from briefing_spider.archive.search import in_batches, index_briefings, placeholders
from briefing_spider.archive.table_rows import TABLES, insert_tables, table_item
from briefing_spider.records import (
    AgendaItem,
    Attachment,
    Attendee,
    Contact,
    Footnote,
    Participant,
    PressReport,
    Release,
    Utterance,
    hash_payload,
)

NEW, UPDATED, UNCHANGED, WORSE = "new", "updated", "unchanged", "worse"


class Worse(str):
    """The outcome "worse": the release was not saved, the stored record is better (see
    archive/quality.py); `reason` says what the new copy lost."""

    reason: str

    def __new__(cls, reason: str):
        outcome = super().__new__(cls, WORSE)
        outcome.reason = reason
        return outcome


SCALAR_FIELDS = (
    "kind",
    "url",
    "title",
    "subtitle",
    "published_at",
    "modified_at",
    "body_html",
    "body_text",
    "body_source",
    "body_markdown",
    "event_at",
)
MINISTRY_COLUMNS = {
    "ministry": "name",
    "ministry_code": "code",
    "ministry_canonical": "canonical",
    "ministry_en": "name_en",
}
BRIEFING_COLUMNS = (
    "site",
    "news_id",
    *SCALAR_FIELDS,
    *MINISTRY_COLUMNS,
    "warnings",
    "content_hash",
    "first_seen_at",
    "updated_at",
)
# Child tables added after m010 to every kind (records.OPTIONAL_PARTS): participants since m011.
LATER_TABLES = ("participants",)
# a kind's own parts (SECTION_TABLES) and the later parts are child tables too
ALL_CHILD_TABLES = (*CHILD_TABLES, *SECTION_TABLES, *LATER_TABLES)
CHILD_COLUMNS = {
    table: ("site", "news_id", "position", *(f.name for f in dataclasses.fields(item)))
    for table, item in zip(
        ALL_CHILD_TABLES,
        (Attachment, Contact, Footnote, Attendee, Utterance, PressReport, AgendaItem, Participant),
        strict=True,
    )
}


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({placeholders(columns)})"


_UPSERT_BRIEFING = (
    _insert("briefings", BRIEFING_COLUMNS)
    + " ON CONFLICT (site, news_id) DO UPDATE SET "
    + ", ".join(f"[{c}] = excluded.[{c}]" for c in BRIEFING_COLUMNS if c not in ("site", "news_id", "first_seen_at"))
)  # first seen stays
_INSERT_CHILD = {table: _insert(table, columns) for table, columns in CHILD_COLUMNS.items()}
_INSERT_REVISION = _insert(
    "revisions", ("site", "news_id", "content_hash", "record", "changed_fields", "superseded_at")
)


def save_briefing(db: Database, release: Release, *, seen_at: datetime) -> str:
    """Store `release`; returns "new", "updated" or "unchanged". All or nothing."""
    return save_briefings(db, [release], seen_at=seen_at)[0]


def save_briefings(db: Database, releases: Iterable[Release], *, seen_at: datetime) -> list[str]:
    """Store `releases` in one transaction, all or nothing; returns "new", "updated",
    "unchanged" or `Worse` for each, in order. A release is unchanged when its content hash
    equals the stored one; one worse than the stored record (`worse_than_stored`) is not saved;
    an updated release's previous version goes to `revisions` with the fields that
    changed, its child rows are replaced and its search index row rebuilt. A news id given twice
    is saved twice, in order, as `save_briefing` one after the other would."""
    seen = seen_at.isoformat()
    outcomes: list[str] = []
    with db.atomic():
        for part in _without_repeats(list(releases)):
            outcomes.extend(_save_part(db, part, seen))
    return outcomes


def _save_part(db: Database, releases: list[Release], seen: str) -> list[str]:
    """`save_briefings` for releases with distinct news ids, inside the caller's transaction."""
    conn = db.conn
    records = [release.to_dict() for release in releases]  # once: the hash, rows and revision use it
    hashes = [content_hash(record) for record in records]
    stored = _stored_hashes(db, [key_of(record) for record in records])
    changed = [
        key_of(record)
        for record, digest in zip(records, hashes, strict=True)
        if stored.get(key_of(record), digest) != digest
    ]
    previous = load_briefings(db, changed) if changed else {}
    outcomes, written, updated = [], [], []
    for record, digest in zip(records, hashes, strict=True):
        old = stored.get(key_of(record))
        if old == digest:
            outcomes.append(UNCHANGED)
            continue
        worse = old is not None and worse_than_stored(record, previous[key_of(record)])
        if worse:  # never replace a better record
            outcomes.append(Worse(worse))
            continue
        outcomes.append(NEW if old is None else UPDATED)
        written.append((record, digest))
        if old is not None:
            updated.append(record)
    revised = [
        record
        for record in updated
        if not differs_only_in_hosts(record, previous[key_of(record)])
        and not only_gains_structure(record, previous[key_of(record)])
    ]
    if not written:
        return outcomes
    if updated:
        conn.executemany(
            _INSERT_REVISION,
            [
                (
                    record["site"],
                    record["news_id"],
                    stored[key_of(record)],
                    json.dumps(previous[key_of(record)], ensure_ascii=False),
                    json.dumps(_changed_fields(previous[key_of(record)], record)),
                    seen,
                )
                for record in revised
            ],
        )  # a record that only moved to www.korea.kr URLs, or only gained its Markdown, needs none
        for table in (*ALL_CHILD_TABLES, TABLES):  # a new release has no children: foreign keys are on
            for site, batch in _by_site([key_of(record) for record in updated]):
                conn.execute(
                    f"DELETE FROM [{table}] WHERE site = ? AND news_id IN ({placeholders(batch)})", [site, *batch]
                )
    conn.executemany(_UPSERT_BRIEFING, [_briefing_values(record, digest, seen) for record, digest in written])
    for table in ALL_CHILD_TABLES:
        rows = [
            (record["site"], record["news_id"], position, *item.values())
            for record, _ in written
            for position, item in enumerate(record[table])
        ]
        if rows:
            conn.executemany(_INSERT_CHILD[table], rows)
    insert_tables(conn, [record for record, _ in written])
    index_briefings(db, [record for record, _ in written])
    return outcomes


def _without_repeats(releases: list[Release]) -> Iterator[list[Release]]:
    """Consecutive runs of `releases` in which no (site, news id) occurs twice."""
    part: list[Release] = []
    ids: set[tuple[str, str]] = set()
    for release in releases:
        key = (release.site, release.news_id)
        if key in ids:
            yield part
            part, ids = [], set()
        part.append(release)
        ids.add(key)
    if part:
        yield part


def content_hash(record: dict) -> str:
    """`Release.content_hash()` of the release whose `to_dict()` is `record`."""
    payload = json.dumps(hash_payload(record), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def key_of(record: dict) -> tuple[str, str]:
    """A record's key in the archive: (site, news_id)."""
    return record["site"], record["news_id"]


def _by_site(keys: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """(site, a batch of its news ids) for `keys`."""
    sites: dict[str, list[str]] = {}
    for site, news_id in keys:
        sites.setdefault(site, []).append(news_id)
    for site, news_ids in sites.items():
        for batch in in_batches(news_ids):
            yield site, batch


def _stored_hashes(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    return {
        (site, news_id): digest
        for site, batch in _by_site(keys)
        for news_id, digest in db.conn.execute(
            f"SELECT news_id, content_hash FROM briefings WHERE site = ? AND news_id IN ({placeholders(batch)})",
            [site, *batch],
        )
    }


def _child_item(row: dict) -> dict:
    return {key: value for key, value in row.items() if key not in ("site", "news_id", "position")}


def load_briefing(db: Database, site: str, news_id: str) -> dict | None:
    """A stored record in the shape of `Release.to_dict()`."""
    return load_briefings(db, [(site, news_id)]).get((site, news_id))


def load_briefings(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Stored records by (site, news id), in the shape of `Release.to_dict()`; missing ones are left out."""
    records: dict[tuple[str, str], dict] = {}
    for site, batch in _by_site(keys):
        marks = placeholders(batch)
        found: dict[str, dict] = {}
        for row in db.query(f"SELECT * FROM briefings WHERE site = ? AND news_id IN ({marks})", [site, *batch]):
            record = {
                "site": row["site"],
                "news_id": row["news_id"],
                **{name: row[name] for name in SCALAR_FIELDS},
            }
            record["body_markdown"] = row["body_markdown"] or ""  # NULL: a record stored before m013
            record["ministry"] = (
                None if row["ministry"] is None else {key: row[column] for column, key in MINISTRY_COLUMNS.items()}
            )
            record["warnings"] = json.loads(row["warnings"] or "[]")
            found[row["news_id"]] = record
        for table in (*ALL_CHILD_TABLES, TABLES):
            item = table_item if table == TABLES else _child_item
            for record in found.values():
                record[table] = []
            rows = db.query(
                f"SELECT * FROM [{table}] WHERE site = ? AND news_id IN ({marks}) ORDER BY news_id, position",
                [site, *batch],
            )
            for child in rows:
                if child["news_id"] in found:
                    found[child["news_id"]][table].append(item(child))
        records.update({(site, news_id): record for news_id, record in found.items()})
    return records


def _briefing_values(record: dict, digest: str, seen: str) -> tuple:
    ministry = record["ministry"] or {}
    return (
        record["site"],
        record["news_id"],
        *(record[name] for name in SCALAR_FIELDS),
        *(ministry.get(key) for key in MINISTRY_COLUMNS.values()),
        json.dumps(record["warnings"], ensure_ascii=False),
        digest,
        seen,
        seen,
    )


def _changed_fields(previous: dict, current: dict) -> list[str]:
    return sorted(key for key in current if previous.get(key) != current.get(key))
