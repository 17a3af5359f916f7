"""The archive's current schema, as the live code knows it: the child tables of `briefings` that
the one writer replaces with a record. The migrations that make it: archive/migrations/."""

from __future__ import annotations

from briefing_spider.archive.migrations import migrations

CHILD_TABLES = ("attachments", "contacts", "footnotes", "attendees")
# A kind's own parts (records.SECTION_PARTS): briefing utterances, the press report a fact check
# answers, a cabinet meeting's agenda items. Child tables of `briefings` since m010.
SECTION_TABLES = ("utterances", "press_reports", "agenda_items")


__all__ = ["CHILD_TABLES", "SECTION_TABLES", "migrations"]
