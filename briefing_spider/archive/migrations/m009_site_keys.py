"""Records carry their `site`: the key of `briefings` becomes (site, news_id); the views are keyed by
site (views_m009.py); content hashes are recomputed with the site in the record."""

from __future__ import annotations

import hashlib
import json
import re

from sqlite_utils import Database

from briefing_spider.archive.migrations.views_m009 import VIEWS

# Every record archived before m009 came from the one site the archive then knew.
FIRST_SITE = "korea_kr"
CHILD_TABLES = ("attachments", "contacts", "footnotes", "attendees")
# A record as the code of m009's time stored it and hashed it (archive/save.py then): these scalar
# columns, the ministry as a dict, the warnings as a list, each child table's rows in order.
SCALAR_FIELDS = (
    "kind",
    "url",
    "title",
    "published_at",
    "modified_at",
    "body_html",
    "body_text",
    "body_source",
    "event_at",
)
MINISTRY_COLUMNS = {
    "ministry": "name",
    "ministry_code": "code",
    "ministry_canonical": "canonical",
    "ministry_en": "name_en",
}
REHASH_BATCH = 500


def migrate(db: Database) -> None:
    """Records carry their `site`: the key of `briefings` becomes (site, news_id), its child
    tables and `revisions` get the site beside the news id, `raw_responses` the site each
    response was fetched for, `crawl_days` the site whose list gave the count, and the search
    index the site of each document. Every existing
    row is kept, with site = 'korea_kr'. Content hashes are recomputed with the site in the
    record (when the stored one matches the record as stored), so `briefing reparse` finds the
    same records unchanged."""
    views = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for view in views:  # they name the tables rebuilt below: back at the end
        db.execute(f"DROP VIEW [{view}]")
    for name in ("briefings", *CHILD_TABLES, "revisions", "raw_responses", "crawl_days"):
        db.table(name).add_column("site", str)
        db.execute(f"UPDATE [{name}] SET site = ?", [FIRST_SITE])
    keyed = ["site", "news_id"]
    for name in CHILD_TABLES:  # the old foreign key named news_id alone, no longer a key
        db.table(name).transform(
            pk=[*keyed, "position"], column_order=[*keyed, "position"], drop_foreign_keys=["news_id"]
        )
    db.table("revisions").transform(column_order=["id", *keyed], drop_foreign_keys=["news_id"])
    db.table("briefings").transform(pk=keyed, not_null={"site"}, column_order=keyed)
    for name in (*CHILD_TABLES, "revisions"):
        _refer_to_release(db, name)
    db.table("revisions").create_index(keyed)
    db.table("raw_responses").create_index(["site", "news_id", "role"])
    _rehash_with_site(db)
    if "search_documents" in db.table_names() and "site" not in db.table("search_documents").columns_dict:
        db.table("search_documents").add_column("site", str)  # filled by the next open (refresh_search_index)
    for view in views:  # a view of the user's own, dropped above, comes back as it was
        if view not in VIEWS:
            db.execute(views[view])
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def _refer_to_release(db: Database, name: str) -> None:
    """Rebuild table `name` with the foreign key (site, news_id) → briefings (SQLite cannot add
    one to a table, and sqlite-utils writes single-column keys only); its indexes come back."""
    table = db.table(name)
    indexes = [
        (index.columns, index.unique) for index in table.indexes if not index.name.startswith("sqlite_autoindex")
    ]
    temporary = f"{name}_m009"
    create = re.sub(r'^CREATE TABLE\s+("[^"]+"|\[[^\]]+\]|\S+)', f"CREATE TABLE [{temporary}]", table.schema.strip())
    create = create[: create.rindex(")")].rstrip() + (
        ",\n   FOREIGN KEY([site], [news_id]) REFERENCES [briefings]([site], [news_id])\n)"
    )
    columns = ", ".join(f"[{column}]" for column in table.columns_dict)
    db.execute(create)
    db.execute(f"INSERT INTO [{temporary}] ({columns}) SELECT {columns} FROM [{name}]")
    db.execute(f"DROP TABLE [{name}]")
    db.execute(f"ALTER TABLE [{temporary}] RENAME TO [{name}]")
    for columns_of, unique in indexes:
        db.table(name).create_index(columns_of, unique=unique)


def _rehash_with_site(db: Database) -> None:
    """The stored content hash of each record, recomputed over the record with its site — only
    where the stored hash is that of the record as stored (else the next reparse updates it)."""
    keys = [(row[0], row[1], row[2]) for row in db.execute("SELECT site, news_id, content_hash FROM briefings")]
    for start in range(0, len(keys), REHASH_BATCH):  # a batch of whole records in memory at a time
        for site, news_id, stored in keys[start : start + REHASH_BATCH]:
            record = _stored_record(db, site, news_id)
            without_site = {name: value for name, value in record.items() if name != "site"}
            if _content_hash(without_site) == stored:
                db.execute(
                    "UPDATE briefings SET content_hash = ? WHERE site = ? AND news_id = ?",
                    [_content_hash(record), site, news_id],
                )


def _stored_record(db: Database, site: str, news_id: str) -> dict:
    row = next(db.query("SELECT * FROM briefings WHERE site = ? AND news_id = ?", [site, news_id]))
    record = {"site": row["site"], "news_id": row["news_id"], **{name: row[name] for name in SCALAR_FIELDS}}
    record["ministry"] = (
        None if row["ministry"] is None else {key: row[column] for column, key in MINISTRY_COLUMNS.items()}
    )
    record["warnings"] = json.loads(row["warnings"] or "[]")
    for table in CHILD_TABLES:
        rows = db.query(f"SELECT * FROM [{table}] WHERE site = ? AND news_id = ? ORDER BY position", [site, news_id])
        record[table] = [{k: v for k, v in child.items() if k not in ("site", "news_id", "position")} for child in rows]
    return record


def _content_hash(record: dict) -> str:
    payload = json.dumps(record, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
