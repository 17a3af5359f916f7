"""Datasette for the archive: metadata (titles, column descriptions, facets, canned queries),
templates (`datasette_templates/`: a release's row page reads as the release, table pages open
on their rows) and a plugin giving SQL the search functions `search_match(q)` and
`search_snippet(text, q)` and the release page its content (`release_page.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils import urlsafe_components

from briefing_spider.archive.descriptions import COLUMNS, TABLES
from briefing_spider.archive.release_page import release_page
from briefing_spider.archive.search import WEIGHTS, SearchError, match_expression, snippet
from briefing_spider.contract.registry import archive_title

_WEIGHTS = ", ".join(str(w) for w in WEIGHTS.values())
TEMPLATES = Path(__file__).resolve().parent / "datasette_templates"
RELEASES = "briefings"  # the table whose row page is a release page

QUERIES = {
    "search": {
        "title": "Search releases (Korean full text)",
        "description": "Every word must occur anywhere inside a word: 핵심광물 finds 핵심광물의. See docs/search.md.",
        "sql": "SELECT substr(b.published_at, 1, 10) AS published_date, "
        "coalesce(b.ministry_canonical, b.ministry) AS ministry, b.title, b.site, b.news_id, "
        "search_snippet(d.body, :q) AS snippet, b.url FROM search_index s "
        "JOIN search_documents d ON d.id = s.rowid JOIN briefings b ON b.site = d.site AND b.news_id = d.news_id WHERE search_index MATCH search_match(:q) "
        f"ORDER BY bm25(search_index, {_WEIGHTS}), b.published_at DESC LIMIT 100",
    },
    "attendee_meetings": {
        "title": "Meetings a person or office attended in a year",
        "description": "e.g. organization 외교부, title 2차관, year 2024. The organization is matched "
        "as written (산업부) or as its ministry's name in force on the release date (산업통상부).",
        "sql": "SELECT published_date, release_title, release_ministry, organization, name, role, site, news_id "
        "FROM attendee_appearances WHERE :organization IN (organization, organization_canonical) "
        "AND title = :title "
        "AND substr(published_date, 1, 4) = :year ORDER BY published_date",
    },
    "releases_per_ministry_and_month": {
        "title": "Releases per ministry and month",
        "sql": "SELECT published_month, ministry, count(*) AS releases FROM releases "
        "GROUP BY published_month, ministry ORDER BY published_month DESC, releases DESC",
    },
    "tables_in_a_unit": {
        "title": "Tables of a year in a unit (e.g. 억원)",
        "description": "Every table of the year's releases whose header or unit line names the unit "
        "(year 2026, unit 억원: the budget tables). Cells: the tables table's rows (JSON).",
        "sql": "SELECT b.published_at, coalesce(b.ministry_canonical, b.ministry) AS ministry, b.title, "
        "t.number, t.caption, t.unit, t.header, t.n_rows, t.n_columns, b.site, b.news_id FROM tables t "
        "JOIN briefings b ON b.site = t.site AND b.news_id = t.news_id "
        "WHERE substr(b.published_at, 1, 4) = :year AND (t.header LIKE '%' || :unit || '%' "
        "OR t.unit LIKE '%' || :unit || '%') ORDER BY b.published_at, b.news_id, t.position",
    },
    "recently_changed": {
        "title": "Releases changed after publication",
        "sql": "SELECT last_changed_at, ministry, title, changed_fields, revision_count, site, news_id "
        "FROM latest_revisions ORDER BY last_changed_at DESC LIMIT 100",
    },
}

TABLE_OPTIONS: dict[str, dict[str, Any]] = {
    "briefings": {
        "facets": ["ministry_canonical", "kind", "body_source"],
        "sort_desc": "published_at",
        "fts_table": "search_index",
        "fts_pk": "news_id",
    },
    "releases": {"facets": ["ministry", "kind", "published_month"], "sort_desc": "published_at"},
    "attendee_appearances": {
        "facets": ["release_ministry", "organization_canonical", "organization", "title"],
        "sort_desc": "published_at",
    },
    "latest_revisions": {"sort_desc": "last_changed_at"},
    "attachments": {"facets": ["kind"]},
    "tables": {"facets": ["unit", "n_columns"]},
    "ministries": {"facets": ["lineage"]},
}


def metadata(db_path: str | Path) -> dict:
    """Datasette metadata for the archive at `db_path` (Datasette names it by the file stem)."""
    tables = {
        name: {"description": description, "columns": COLUMNS.get(name, {}), **TABLE_OPTIONS.get(name, {})}
        for name, description in TABLES.items()
    }
    return {
        "title": "Briefing archive",
        "description": f"{archive_title()}. Records are keyed by (site, news_id). "
        "Schema: docs/schema.md; search: docs/search.md.",
        "databases": {Path(db_path).stem: {"tables": tables, "queries": QUERIES}},
    }


def _search_match(query):
    try:
        return match_expression(query or "")
    except SearchError:
        return '""'  # nothing searchable: an empty phrase matches no row


def _search_snippet(text, query):
    return snippet(text or "", (query or "").split())


@hookimpl
def prepare_connection(conn):
    conn.create_function("search_match", 1, _search_match, deterministic=True)
    conn.create_function("search_snippet", 2, _search_snippet, deterministic=True)


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    """`release_page` for the row page of a release (None elsewhere: the default page)."""
    if view_name != "row" or table != RELEASES or request is None:
        return {"release_page": None}

    async def inner():
        keys = urlsafe_components(request.url_vars.get("pks", ""))
        if len(keys) != 2:
            return {"release_page": None}
        return {"release_page": await release_page(datasette.get_database(database), keys[0], keys[1])}

    return inner
