"""The parts of the briefing room's other kinds, as child tables of `briefings`."""

from __future__ import annotations

from sqlite_utils import Database

FIRST_SITE = "korea_kr"
SECTION_TABLES = ("utterances", "press_reports", "agenda_items")
SECTION_COLUMNS = {  # records.py: Utterance, PressReport, AgendaItem
    "utterances": {"speaker": "TEXT", "organization": "TEXT", "title": "TEXT", "text": "TEXT"},
    "press_reports": {"outlet": "TEXT", "reported_on": "TEXT", "title": "TEXT", "raw": "TEXT"},
    "agenda_items": {"group": "TEXT", "category": "TEXT", "title": "TEXT", "ministries": "TEXT", "text": "TEXT"},
}


def migrate(db: Database) -> None:
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
