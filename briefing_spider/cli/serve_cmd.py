"""`briefing serve`: browse the archive in Datasette, read-only.

The archive is opened with `mode=ro`, never `immutable` unless asked (`--immutable`): SQLite
trusts an immutable file not to change, so a crawl that starts writing while Datasette serves
it would give wrong answers (rows half seen, a blob read as a news id).
"""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3

import click

from briefing_spider.archive import ArchiveError, open_archive_read_only
from briefing_spider.cli import cli, db_option
from briefing_spider.ops.lock import is_held

SETTINGS = {"sql_time_limit_ms": 5000, "max_returned_rows": 1000, "facet_time_limit_ms": 500, "allow_download": False}


def check_archive(db_path: str) -> None:
    """The archive exists and is at this version's schema (read-only: nothing is migrated)."""
    open_archive_read_only(db_path).close()


def checkpoint(db_path: str) -> bool:
    """For `--immutable` only: fold the WAL into the file; True when nothing is left in the WAL
    and no crawl holds the archive, so that the file can be served as immutable."""
    if is_held(db_path):
        return False
    connection = sqlite3.connect(db_path)
    try:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


def build_datasette(db_path: str, *, immutable: bool):
    """A Datasette over the archive, opened with mode=ro (or immutable=1 when asked)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from briefing_spider.archive import datasette_metadata

    if not pm.is_registered(datasette_metadata):
        pm.register(datasette_metadata, name="briefing-archive-search")
    files = {"immutables": [db_path]} if immutable else {"files": [db_path]}
    return Datasette(
        **files,
        metadata=datasette_metadata.metadata(db_path),
        settings=SETTINGS,
        template_dir=str(datasette_metadata.TEMPLATES),
    )


@cli.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 exposes the archive to your network).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option(
    "--immutable",
    is_flag=True,
    help="Serve the file as immutable (a little faster): only for an archive no crawl will write "
    "to while it is served — refused when one holds it now.",
)
def serve(db_path, host, port, immutable):
    """Browse and query the archive in Datasette (read-only) at http://HOST:PORT/.

    Facets by ministry, kind and month; canned queries (full-text search, who attended what,
    releases per month); every column described (below each table's rows). A release's own
    page (/briefings/briefings/SITE,NEWS_ID) reads as the release: title, date, ministry, its
    body rendered from Markdown, then attachments, contacts, footnotes, attendees. Stop with Ctrl-C.

    \b
    Example:
        briefing serve --db data/briefings.db --port 8001
    """
    import uvicorn

    check_port(host, port)
    try:
        check_archive(db_path)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    if immutable and not checkpoint(db_path):
        raise click.ClickException(
            f"--immutable: {db_path} is being written to (a crawl holds it or its WAL "
            "is busy); serve it without --immutable"
        )
    datasette = build_datasette(db_path, immutable=immutable)
    asyncio.run(datasette.invoke_startup())
    mode = "immutable" if immutable else "read-only"
    click.echo(f"serving {db_path} ({mode}) at http://{host}:{port}/", err=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")


def check_port(host: str, port: int) -> None:
    """Fail early, in one line, when the address can't be listened on."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise click.ClickException(
            f"--host {host} --port {port}: cannot listen there ({os.strerror(error.errno) if error.errno else error})"
        ) from None
