"""The `ministries` table, filled from the registry (parse/ministries.csv) whenever the archive is
opened for writing. (The views are made by the migrations, each with its own SQL: archive/migrations.)
"""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.parse.ministries import ministry_rows


def ministry_table_rows() -> list[dict]:
    """Registry rows with a stable `id` and the names each one took over from (`predecessors`)."""
    rows = ministry_rows()
    predecessors: dict[tuple, list[str]] = {}
    for row in rows:
        if row["successor"]:  # the successor row starts the day this name ended
            predecessors.setdefault((row["successor"], row["valid_to"]), []).append(str(row["name"]))
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
