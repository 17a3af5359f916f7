"""Items say which attachment they came from; contacts get their e-mail, attendees the canonical
ministry (views_m006.py)."""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.archive.migrations.views_m006 import VIEWS


def migrate(db: Database) -> None:
    """Contacts, footnotes and attendees say which attachment they came from; contacts get
    their e-mail, attendees the canonical ministry; the views show it. Rows saved before are
    NULL there until `briefing reparse` rebuilds them."""
    db.table("contacts").add_column("email", str)
    for table in ("contacts", "footnotes", "attendees"):
        db.table(table).add_column("attachment_position", int)
    db.table("attendees").add_column("organization_canonical", str)
    db.table("attendees").create_index(["organization_canonical", "title"])
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
