"""Each release's structure: `briefings.body_markdown` (the body with its headings, lists, tables
and contact block, as Markdown) and `tables`, one row a table of one of the release's documents
(`attachment_position`, NULL for the page body), with its `number` in its document, `caption`,
`unit`, `header` (JSON list, one text a column) and `rows` (JSON list of lists, merged cells
repeated into every slot they cover), `n_rows` (under the header) and `n_columns`. No record
changes (the content hash leaves out an empty Markdown and no tables); `briefing reparse` fills
both."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute("ALTER TABLE [briefings] ADD COLUMN [body_markdown] TEXT")
    db.execute(
        "CREATE TABLE [tables] ([site] TEXT, [news_id] TEXT, [position] INTEGER, "
        "[attachment_position] INTEGER, [number] INTEGER, [caption] TEXT, [unit] TEXT, "
        "[header] TEXT, [rows] TEXT, [n_rows] INTEGER, [n_columns] INTEGER, "
        "PRIMARY KEY ([site], [news_id], [position]), "
        "FOREIGN KEY([site], [news_id]) REFERENCES [briefings]([site], [news_id]))"
    )
    db.execute("CREATE INDEX [idx_tables_unit] ON [tables] ([unit])")
