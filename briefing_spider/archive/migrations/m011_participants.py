"""`participants`, a child table of `briefings`, and the views that count them (views_m011.py)."""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.archive.migrations.views_m011 import VIEWS


def migrate(db: Database) -> None:
    """`participants`: the people and bodies a release's title, sub-titles and sentences say took
    part in the event it reports (parse/participants), a child table of `briefings` keyed (site,
    news_id, position); the `appearances`, `people` and `co_attendance` views count them (source
    `participant`, `people.as_participant`; a counterpart met is someone met). Self-contained: its
    own SQL, no project code. Rows come with the next crawl or `briefing reparse`; a record
    without participants keeps its content hash, so reparse changes only the records that gain
    some."""
    db.execute(
        "CREATE TABLE [participants] ([site] TEXT, [news_id] TEXT, [position] INTEGER, "
        "[organization] TEXT, [organization_canonical] TEXT, [organization_key] TEXT, "
        "[name] TEXT, [title] TEXT, [role] TEXT, [raw] TEXT, "
        "PRIMARY KEY ([site], [news_id], [position]), "
        "FOREIGN KEY([site], [news_id]) REFERENCES [briefings]([site], [news_id]))"
    )
    db.execute("CREATE INDEX [idx_participants_organization_key_name] ON [participants] ([organization_key], [name])")
    db.execute("CREATE INDEX [idx_participants_name] ON [participants] ([name])")
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS [{name}]")
        db.execute(f"CREATE VIEW [{name}] AS {sql.strip()}")
