"""The archive's schema, as sqlite-utils migrations. Add a new migration; never edit an old one."""

from __future__ import annotations

import re

from sqlite_utils import Database, Migrations

migrations = Migrations("briefing_archive")

CHILD_TABLES = ("attachments", "contacts", "footnotes", "attendees")
# A kind's own parts (records.SECTION_PARTS): briefing utterances, the press report a fact check
# answers, a cabinet meeting's agenda items. Child tables of `briefings` since m010.
SECTION_TABLES = ("utterances", "press_reports", "agenda_items")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("briefings").create(
        {
            "news_id": str,
            "kind": str,
            "url": str,
            "title": str,
            "published_at": str,
            "modified_at": str,
            "ministry": str,
            "ministry_code": str,
            "ministry_canonical": str,
            "ministry_en": str,
            "body_html": str,
            "body_text": str,
            "body_source": str,
            "event_at": str,
            "warnings": str,
            "content_hash": str,
            "first_seen_at": str,
            "updated_at": str,
        },
        pk="news_id",
        not_null={"kind", "url", "title", "published_at", "content_hash"},
    )
    db.table("briefings").create_index(["published_at"])
    db.table("briefings").create_index(["ministry_canonical", "published_at"])
    db.table("briefings").create_index(["kind", "published_at"])
    _child(
        db,
        "attachments",
        {
            "name": str,
            "url": str,
            "kind": str,
            "sha256": str,
            "size": int,
            "text": str,
            "pages": int,
            "paragraphs": int,
            "error": str,
        },
    )
    _child(db, "contacts", {"department": str, "role": str, "title": str, "name": str, "phone": str, "raw": str})
    _child(db, "footnotes", {"marker": str, "text": str, "raw": str})
    _child(db, "attendees", {"group": str, "organization": str, "name": str, "title": str, "role": str, "raw": str})
    db.table("raw_responses").create(
        {
            "url": str,
            "sha256": str,
            "status": int,
            "headers": str,
            "size": int,
            "kind": str,
            "role": str,
            "news_id": str,
            "error": str,
            "fetched_at": str,
            "last_fetched_at": str,
        },
        pk=("url", "sha256"),
    )
    db.table("raw_responses").create_index(["news_id", "role"])
    db.table("raw_responses").create_index(["url", "last_fetched_at"])
    db.table("revisions").create(
        {"id": int, "news_id": str, "content_hash": str, "record": str, "changed_fields": str, "superseded_at": str},
        pk="id",
        foreign_keys=[("news_id", "briefings", "news_id")],
    )
    db.table("revisions").create_index(["news_id"])
    db.table("crawl_runs").create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "arguments": str,
            "status": str,
            "pages": int,
            "new": int,
            "updated": int,
            "unchanged": int,
            "errors": int,
            "bytes": int,
        },
        pk="id",
    )
    db.table("crawl_errors").create(
        {"id": int, "run_id": int, "url": str, "kind": str, "reason": str, "at": str},
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )


def _child(db: Database, name: str, columns: dict) -> None:
    db.table(name).create(
        {"news_id": str, "position": int, **columns},
        pk=("news_id", "position"),
        foreign_keys=[("news_id", "briefings", "news_id")],
    )


@migrations()
def m002_query_layer(db: Database) -> None:
    """The `ministries` registry table, indexes for people and ministries, and the views."""
    from briefing_spider.archive.views import create_views, sync_ministries

    db.table("ministries").create(
        {
            "id": int,
            "lineage": str,
            "code": str,
            "name": str,
            "name_en": str,
            "short_forms": str,
            "valid_from": str,
            "valid_to": str,
            "successor": str,
            "predecessors": str,
        },
        pk="id",
        not_null={"lineage", "name"},
    )
    db.table("ministries").create_index(["name"])
    db.table("ministries").create_index(["lineage"])
    sync_ministries(db)
    db.table("attendees").create_index(["name"])
    db.table("attendees").create_index(["organization", "title"])
    db.table("contacts").create_index(["name"])
    db.table("briefings").create_index(["ministry_code"])
    db.table("revisions").create_index(["superseded_at"])
    create_views(db)


@migrations()
def m003_search_index(db: Database) -> None:
    """Korean full-text search (docs/search.md), filled from the releases already archived."""
    from briefing_spider.archive.search import create_search_index, rebuild_search_index

    create_search_index(db)
    rebuild_search_index(db)


@migrations()
def m004_contentless_search_index(db: Database) -> None:
    """The search index without a second copy of the pieces (archives indexed by the first
    layout of m003 get the contentless one; new archives already have it)."""
    from briefing_spider.archive.search import create_search_index, rebuild_search_index

    if "search_documents" in db.table_names():
        return
    db.execute("DROP TABLE IF EXISTS search_index")
    create_search_index(db)
    rebuild_search_index(db)


@migrations()
def m005_crawl_days(db: Database) -> None:
    """Each crawl's count per day: the site's own `총 N 건` against what the archive holds."""
    db.table("crawl_days").create(
        {"run_id": int, "day": str, "site_total": int, "archived": int},
        pk=("run_id", "day"),
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )


@migrations()
def m006_item_sources_and_query_values(db: Database) -> None:
    """Contacts, footnotes and attendees say which attachment they came from; contacts get
    their e-mail, attendees the canonical ministry; the views show it. Rows saved before are
    NULL there until `briefing reparse` rebuilds them."""
    from briefing_spider.archive.views import create_views

    db.table("contacts").add_column("email", str)
    for table in ("contacts", "footnotes", "attendees"):
        db.table(table).add_column("attachment_position", int)
    db.table("attendees").add_column("organization_canonical", str)
    db.table("attendees").create_index(["organization_canonical", "title"])
    create_views(db)


@migrations()
def m007_raw_response_paths(db: Database) -> None:
    """`raw_responses.path`: the URL without scheme and host, so a file saved through one host
    (the site, a mirror, a proxy) is found whatever host a later crawl or rebuild uses."""
    from briefing_spider.parse.url_path import path_of

    db.table("raw_responses").add_column("path", str)
    db.register_function(path_of, deterministic=True, name="path_of")
    db.execute("UPDATE raw_responses SET path = path_of(url)")
    db.table("raw_responses").create_index(["path", "last_fetched_at"])


@migrations()
def m008_organization_keys(db: Database) -> None:
    """`organization_key` on attendees and contacts (one key per organisation: a ministry's
    lineage, else the normalised name; parse/organizations.py) and the views over people and
    organisations built on it. Rows saved before are NULL there until `briefing reparse`."""
    from briefing_spider.archive.views import create_views

    for table in ("attendees", "contacts"):
        db.table(table).add_column("organization_key", str)
        db.table(table).create_index(["organization_key", "name"])
    create_views(db)


# Every record archived before m009 came from the one site the archive then knew.
FIRST_SITE = "korea_kr"


@migrations()
def m009_site_keys(db: Database) -> None:
    """Records carry their `site`: the key of `briefings` becomes (site, news_id), its child
    tables and `revisions` get the site beside the news id, `raw_responses` the site each
    response was fetched for, `crawl_days` the site whose list gave the count, and the search
    index the site of each document. Every existing
    row is kept, with site = 'korea_kr'. Content hashes are recomputed with the site in the
    record (when the stored one matches the record as stored), so `briefing reparse` finds the
    same records unchanged."""
    from briefing_spider.archive.search import DOCUMENTS, rebuild_search_index
    from briefing_spider.archive.views import create_views

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
    if DOCUMENTS in db.table_names() and "site" not in db.table(DOCUMENTS).columns_dict:
        db.table(DOCUMENTS).add_column("site", str)
    rebuild_search_index(db)
    for sql in views.values():  # as they were (a view that names the site is re-made by create_views)
        db.execute(sql)
    create_views(db)


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


REHASH_BATCH = 500


def _rehash_with_site(db: Database) -> None:
    """The stored content hash of each record, recomputed over the record with its site — only
    where the stored hash is that of the record as stored (else the next reparse updates it)."""
    from briefing_spider.archive.save import content_hash, load_briefings

    stored = {
        (row["site"], row["news_id"]): row["content_hash"]
        for row in db.query("SELECT site, news_id, content_hash FROM briefings")
    }
    keys = list(stored)
    for start in range(0, len(keys), REHASH_BATCH):  # a batch of whole records in memory at a time
        for key, record in load_briefings(db, keys[start : start + REHASH_BATCH]).items():
            without_site = {name: value for name, value in record.items() if name != "site"}
            if content_hash(without_site) == stored[key]:
                db.execute(
                    "UPDATE briefings SET content_hash = ? WHERE site = ? AND news_id = ?", [content_hash(record), *key]
                )


SECTION_COLUMNS = {  # records.py: Utterance, PressReport, AgendaItem
    "utterances": {"speaker": "TEXT", "organization": "TEXT", "title": "TEXT", "text": "TEXT"},
    "press_reports": {"outlet": "TEXT", "reported_on": "TEXT", "title": "TEXT", "raw": "TEXT"},
    "agenda_items": {"group": "TEXT", "category": "TEXT", "title": "TEXT", "ministries": "TEXT", "text": "TEXT"},
}


@migrations()
def m010_kind_parts(db: Database) -> None:
    """The parts of the briefing room's other kinds, each a child table of `briefings` keyed
    (site, news_id, position): `utterances` (a briefing transcript's remarks in order),
    `press_reports` (the report a fact check answers), `agenda_items` (a cabinet meeting's agenda,
    with the 소관 ministries). `crawl_days` gets the `kind` whose list gave the count (a run crawls
    several kinds; every earlier row counted press releases) and its key becomes (run_id, site,
    kind, day). `crawl_errors` gets `release_kind`: the kind of the page an error is about (NULL
    when not known). No record changes: the content hash leaves out the parts a record lacks."""
    for name in SECTION_TABLES:
        columns = ", ".join(f"[{column}] {sql_type}" for column, sql_type in SECTION_COLUMNS[name].items())
        db.execute(
            f"CREATE TABLE [{name}] ([site] TEXT, [news_id] TEXT, [position] INTEGER, {columns}, "
            "PRIMARY KEY ([site], [news_id], [position]), "
            "FOREIGN KEY([site], [news_id]) REFERENCES [briefings]([site], [news_id]))"
        )
    db.table("crawl_days").add_column("kind", str)
    db.execute("UPDATE crawl_days SET kind = 'press_release', site = coalesce(site, ?)", [FIRST_SITE])
    db.table("crawl_days").transform(
        pk=("run_id", "site", "kind", "day"), column_order=["run_id", "site", "kind", "day"]
    )
    db.table("crawl_errors").add_column("release_kind", str)
    db.table("agenda_items").create_index(["ministries"])


@migrations()
def m013_release_markdown(db: Database) -> None:
    """Each release's structure: `briefings.body_markdown` (the body with its headings, lists,
    tables and contact block, as Markdown) and `tables`, one row a table of one of the release's
    documents (`attachment_position`, NULL for the page body), with its `number` in its document,
    `caption`, `unit`, `header` (JSON list, one text a column) and `rows` (JSON list of lists,
    merged cells repeated into every slot they cover), `n_rows` (under the header) and
    `n_columns`. Self-contained SQL: it imports no project code. No record changes (the content
    hash leaves out an empty Markdown and no tables); `briefing reparse` fills both."""
    db.execute("ALTER TABLE [briefings] ADD COLUMN [body_markdown] TEXT")
    db.execute(
        "CREATE TABLE [tables] ([site] TEXT, [news_id] TEXT, [position] INTEGER, "
        "[attachment_position] INTEGER, [number] INTEGER, [caption] TEXT, [unit] TEXT, "
        "[header] TEXT, [rows] TEXT, [n_rows] INTEGER, [n_columns] INTEGER, "
        "PRIMARY KEY ([site], [news_id], [position]), "
        "FOREIGN KEY([site], [news_id]) REFERENCES [briefings]([site], [news_id]))"
    )
    db.execute("CREATE INDEX [idx_tables_unit] ON [tables] ([unit])")
