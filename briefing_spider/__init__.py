"""briefing-archive: crawl government briefing rooms into a queryable SQLite archive."""

__version__ = "0.1.0"
