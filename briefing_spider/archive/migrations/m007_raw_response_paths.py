"""`raw_responses.path`: the URL without scheme and host."""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlite_utils import Database


def path_of(url: str) -> str:
    """The URL without scheme and host, as m007 wrote it (parse/url_path.py keeps the live one)."""
    parts = urlsplit(url)
    return (
        (parts.path or "/")
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def migrate(db: Database) -> None:
    """`raw_responses.path`: the URL without scheme and host, so a file saved through one host
    (the site, a mirror, a proxy) is found whatever host a later crawl or rebuild uses."""
    db.table("raw_responses").add_column("path", str)
    db.register_function(path_of, deterministic=True, name="path_of")
    db.execute("UPDATE raw_responses SET path = path_of(url)")
    db.table("raw_responses").create_index(["path", "last_fetched_at"])
