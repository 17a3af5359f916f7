"""The one writer of `briefings` and its child tables: upsert by news id, children replaced in
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

from briefing_spider.archive.quality import differs_only_in_hosts, worse_than_stored
from briefing_spider.archive.schema import CHILD_TABLES
from briefing_spider.archive.search import in_batches, index_briefings, placeholders
from briefing_spider.records import Attachment, Attendee, Contact, Footnote, Release

NEW, UPDATED, UNCHANGED, WORSE = "new", "updated", "unchanged", "worse"


class Worse(str):
    """The outcome "worse": the release was not saved, the stored record is better (see
    archive/quality.py); `reason` says what the new copy lost."""

    reason: str

    def __new__(cls, reason: str):
        outcome = super().__new__(cls, WORSE)
        outcome.reason = reason
        return outcome

SCALAR_FIELDS = ("kind", "url", "title", "published_at", "modified_at", "body_html", "body_text",
                 "body_source", "event_at")
MINISTRY_COLUMNS = {"ministry": "name", "ministry_code": "code", "ministry_canonical": "canonical",
                    "ministry_en": "name_en"}
BRIEFING_COLUMNS = ("news_id", *SCALAR_FIELDS, *MINISTRY_COLUMNS, "warnings", "content_hash",
                    "first_seen_at", "updated_at")
CHILD_COLUMNS = {table: ("news_id", "position", *(f.name for f in dataclasses.fields(item)))
                 for table, item in zip(CHILD_TABLES, (Attachment, Contact, Footnote, Attendee))}


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({placeholders(columns)})")


_UPSERT_BRIEFING = (_insert("briefings", BRIEFING_COLUMNS) + " ON CONFLICT (news_id) DO UPDATE SET "
                    + ", ".join(f"[{c}] = excluded.[{c}]" for c in BRIEFING_COLUMNS
                                if c not in ("news_id", "first_seen_at")))  # first seen stays
_INSERT_CHILD = {table: _insert(table, columns) for table, columns in CHILD_COLUMNS.items()}
_INSERT_REVISION = _insert("revisions", ("news_id", "content_hash", "record", "changed_fields", "superseded_at"))


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
    stored = _stored_hashes(db, [release.news_id for release in releases])
    changed = [record["news_id"] for record, digest in zip(records, hashes) if stored.get(record["news_id"], digest) != digest]
    previous = load_briefings(db, changed) if changed else {}
    outcomes, written, updated = [], [], []
    for record, digest in zip(records, hashes):
        old = stored.get(record["news_id"])
        if old == digest:
            outcomes.append(UNCHANGED)
            continue
        worse = old is not None and worse_than_stored(record, previous[record["news_id"]])
        if worse:  # never replace a better record
            outcomes.append(Worse(worse))
            continue
        outcomes.append(NEW if old is None else UPDATED)
        written.append((record, digest))
        if old is not None:
            updated.append(record)
    revised = [record for record in updated if not differs_only_in_hosts(record, previous[record["news_id"]])]
    if not written:
        return outcomes
    if updated:
        conn.executemany(_INSERT_REVISION, [
            (record["news_id"], stored[record["news_id"]], json.dumps(previous[record["news_id"]], ensure_ascii=False),
             json.dumps(_changed_fields(previous[record["news_id"]], record)), seen)
            for record in revised])  # a record that only moved to www.korea.kr URLs needs none
        for table in CHILD_TABLES:  # a new release has no children: foreign keys are on
            for batch in in_batches([record["news_id"] for record in updated]):
                conn.execute(f"DELETE FROM [{table}] WHERE news_id IN ({placeholders(batch)})", batch)
    conn.executemany(_UPSERT_BRIEFING, [_briefing_values(record, digest, seen) for record, digest in written])
    for table in CHILD_TABLES:
        rows = [(record["news_id"], position, *item.values())
                for record, _ in written for position, item in enumerate(record[table])]
        if rows:
            conn.executemany(_INSERT_CHILD[table], rows)
    index_briefings(db, [record for record, _ in written])
    return outcomes


def _without_repeats(releases: list[Release]) -> Iterator[list[Release]]:
    """Consecutive runs of `releases` in which no news id occurs twice."""
    part: list[Release] = []
    ids: set[str] = set()
    for release in releases:
        if release.news_id in ids:
            yield part
            part, ids = [], set()
        part.append(release)
        ids.add(release.news_id)
    if part:
        yield part


def content_hash(record: dict) -> str:
    """`Release.content_hash()` of the release whose `to_dict()` is `record`."""
    payload = json.dumps(record, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _stored_hashes(db: Database, news_ids: list[str]) -> dict[str, str]:
    return {news_id: digest for batch in in_batches(news_ids) for news_id, digest in db.conn.execute(
        f"SELECT news_id, content_hash FROM briefings WHERE news_id IN ({placeholders(batch)})", batch)}


def load_briefing(db: Database, news_id: str) -> dict | None:
    """A stored record in the shape of `Release.to_dict()`."""
    return load_briefings(db, [news_id]).get(news_id)


def load_briefings(db: Database, news_ids: list[str]) -> dict[str, dict]:
    """Stored records by news id, in the shape of `Release.to_dict()`; missing ids are left out."""
    records: dict[str, dict] = {}
    for batch in in_batches(list(news_ids)):
        marks = placeholders(batch)
        found: dict[str, dict] = {}
        for row in db.query(f"SELECT * FROM briefings WHERE news_id IN ({marks})", batch):
            record = {"news_id": row["news_id"], **{name: row[name] for name in SCALAR_FIELDS}}
            record["ministry"] = None if row["ministry"] is None else {
                key: row[column] for column, key in MINISTRY_COLUMNS.items()}
            record["warnings"] = json.loads(row["warnings"] or "[]")
            found[row["news_id"]] = record
        for table in CHILD_TABLES:
            for record in found.values():
                record[table] = []
            rows = db.query(f"SELECT * FROM [{table}] WHERE news_id IN ({marks}) ORDER BY news_id, position", batch)
            for child in rows:
                if child["news_id"] in found:
                    found[child["news_id"]][table].append(
                        {k: v for k, v in child.items() if k not in ("news_id", "position")})
        records.update(found)
    return records


def _briefing_values(record: dict, digest: str, seen: str) -> tuple:
    ministry = record["ministry"] or {}
    return (record["news_id"], *(record[name] for name in SCALAR_FIELDS),
            *(ministry.get(key) for key in MINISTRY_COLUMNS.values()),
            json.dumps(record["warnings"], ensure_ascii=False), digest, seen, seen)


def _changed_fields(previous: dict, current: dict) -> list[str]:
    return sorted(key for key in current if previous.get(key) != current.get(key))
