"""The archive's schema, as sqlite-utils migrations: one module each, in order, each carrying its
own SQL — a snapshot of what it creates (its views in views_mNNN.py) — and importing no live code,
so an old migration never changes when the live code does. Add a new module; never edit an old
one. Derived data (the search index, the ministries table) is refreshed by live code after the
migrations, whenever the archive is opened for writing (archive/__init__.py: open_archive).
"""

from __future__ import annotations

from importlib import import_module

from sqlite_utils import Migrations

MIGRATION_SET = "briefing_archive"
ORDER = (
    "m001_initial",
    "m002_query_layer",
    "m003_search_index",
    "m004_contentless_search_index",
    "m005_crawl_days",
    "m006_item_sources_and_query_values",
    "m007_raw_response_paths",
    "m008_organization_keys",
    "m009_site_keys",
    "m010_kind_parts",
    "m011_participants",
    "m012_subtitle",
    "m013_release_markdown",
)

migrations = Migrations(MIGRATION_SET)
for _name in ORDER:
    migrations(name=_name)(import_module(f"{__name__}.{_name}").migrate)
