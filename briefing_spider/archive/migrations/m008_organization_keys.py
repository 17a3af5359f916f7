"""`organization_key` on attendees and contacts, and the views over people and organisations
(views_m008.py)."""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.archive.migrations.views_m008 import VIEWS


def migrate(db: Database) -> None:
    """`organization_key` on attendees and contacts (one key per organisation: a ministry's
    lineage, else the normalised name; parse/organizations.py) and the views over people and
    organisations built on it. Rows saved before are NULL there until `briefing reparse`."""
    for table in ("attendees", "contacts"):
        db.table(table).add_column("organization_key", str)
        db.table(table).create_index(["organization_key", "name"])
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


# Every record archived before m009 came from the one site the archive then knew.
FIRST_SITE = "korea_kr"
