"""Views for everyday questions, and the `ministries` table filled from the registry.

A view changes only through a new migration that calls `create_views(db)` again (it replaces
them all), so an archive's views always match the migrations it has applied.
"""

from __future__ import annotations

import re

from sqlite_utils import Database

from briefing_spider.archive.people_views import PEOPLE_VIEWS, PEOPLE_VIEWS_BEFORE_PARTICIPANTS
from briefing_spider.parse.ministries import ministry_rows

RELEASES = """
SELECT
  b.site,
  b.news_id,
  b.kind,
  substr(b.published_at, 1, 10) AS published_date,
  substr(b.published_at, 1, 7) AS published_month,
  b.published_at,
  b.title,
  coalesce(b.ministry_canonical, b.ministry) AS ministry,
  b.ministry AS ministry_as_written,
  b.ministry_code,
  b.ministry_en,
  b.body_source,
  length(b.body_text) AS text_length,
  (SELECT count(*) FROM attachments a WHERE a.site = b.site AND a.news_id = b.news_id) AS attachment_count,
  (SELECT count(*) FROM footnotes f WHERE f.site = b.site AND f.news_id = b.news_id) AS footnote_count,
  (SELECT count(*) FROM attendees p WHERE p.site = b.site AND p.news_id = b.news_id) AS attendee_count,
  (SELECT count(*) FROM revisions r WHERE r.site = b.site AND r.news_id = b.news_id) AS revision_count,
  b.event_at,
  b.url,
  b.first_seen_at,
  b.updated_at
FROM briefings b
"""

ATTENDEE_APPEARANCES = """
SELECT
  p.site,
  p.news_id,
  substr(b.published_at, 1, 10) AS published_date,
  b.published_at,
  b.event_at,
  b.title AS release_title,
  coalesce(b.ministry_canonical, b.ministry) AS release_ministry,
  p.position,
  p."group" AS attendee_group,
  p.organization,
  p.organization_canonical,
  p.name,
  p.title,
  p.role,
  p.raw,
  p.attachment_position,
  a.name AS attachment_name,
  b.url
FROM attendees p
JOIN briefings b ON b.site = p.site AND b.news_id = p.news_id
LEFT JOIN attachments a ON a.site = p.site AND a.news_id = p.news_id AND a.position = p.attachment_position
"""

LATEST_REVISIONS = """
SELECT
  r.site,
  r.news_id,
  b.title,
  coalesce(b.ministry_canonical, b.ministry) AS ministry,
  b.published_at,
  (SELECT count(*) FROM revisions n WHERE n.site = r.site AND n.news_id = r.news_id) AS revision_count,
  r.superseded_at AS last_changed_at,
  r.changed_fields,
  r.content_hash AS previous_content_hash,
  b.content_hash AS current_content_hash,
  r.id AS revision_id
FROM revisions r
JOIN briefings b ON b.site = r.site AND b.news_id = r.news_id
WHERE r.id = (SELECT max(m.id) FROM revisions m WHERE m.site = r.site AND m.news_id = r.news_id)
"""

VIEWS = {
    "releases": RELEASES,
    "attendee_appearances": ATTENDEE_APPEARANCES,
    "latest_revisions": LATEST_REVISIONS,
    **PEOPLE_VIEWS,  # appearances, organizations, people, co_attendance (m008)
}


SITE_TERMS = re.compile(r"\b\w\.site = \w\.site AND |  \w\.site,\n")


def create_views(db: Database) -> None:
    """(Re)create every view in `VIEWS`. An archive not yet keyed by (site, news_id) (a
    migration older than m008 calling this) gets them without the site; one before m012 gets the
    people views without participants."""
    keyed_by_site = "site" in db.table("briefings").columns_dict
    views = VIEWS if db.table("participants").exists() else {**VIEWS, **PEOPLE_VIEWS_BEFORE_PARTICIPANTS}
    for name, sql in views.items():
        db.create_view(name, (sql if keyed_by_site else SITE_TERMS.sub("", sql)).strip(), replace=True)


def ministry_table_rows() -> list[dict]:
    """Registry rows with a stable `id` and the names each one took over from (`predecessors`)."""
    rows = ministry_rows()
    predecessors: dict[tuple, list[str]] = {}
    for row in rows:
        if row["successor"]:  # the successor row starts the day this name ended
            predecessors.setdefault((row["successor"], row["valid_to"]), []).append(row["name"])
    return [
        {"id": number, **row, "predecessors": "|".join(predecessors.get((row["name"], row["valid_from"]), [])) or None}
        for number, row in enumerate(rows, start=1)
    ]


def refresh_ministries(db: Database) -> bool:
    """Bring the `ministries` table in line with parse/ministries.csv when they differ (a newer
    registry shipped with a new version): all rows replaced in one transaction. Cheap when they
    match: one read. True when it changed the table."""
    if not db.table("ministries").exists():
        return False  # an archive before m002: the migration fills it
    wanted = ministry_table_rows()
    columns = list(wanted[0]) if wanted else []
    held = db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM ministries ORDER BY id").fetchall()
    if held == [tuple(row[c] for c in columns) for row in wanted]:
        return False
    with db.atomic():
        sync_ministries(db)
    return True


def sync_ministries(db: Database) -> None:
    """Replace the `ministries` table's rows with the registry's current rows."""
    db.execute("DELETE FROM ministries")
    db.table("ministries").insert_all(ministry_table_rows())
