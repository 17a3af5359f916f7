"""`briefing serve`: browse the archive in Datasette, read-only."""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3

import click

from briefing_spider.archive import ArchiveError, open_archive
from briefing_spider.cli import cli, db_option

SETTINGS = {"sql_time_limit_ms": 5000, "max_returned_rows": 1000, "facet_time_limit_ms": 500,
            "allow_download": False}


def checkpoint(db_path: str) -> bool:
    """Migrate, then fold the WAL into the file; True when nothing is left in the WAL (nobody
    is writing), so that the file can be served as immutable."""
    db = open_archive(db_path, create=False)
    try:
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
    except sqlite3.OperationalError:
        return False
    finally:
        db.close()


def build_datasette(db_path: str, *, immutable: bool):
    """A Datasette over the archive: immutable when possible, else opened with mode=ro."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from briefing_spider.archive import datasette_metadata

    if not pm.is_registered(datasette_metadata):
        pm.register(datasette_metadata, name="briefing-archive-search")
    files = {"immutables": [db_path]} if immutable else {"files": [db_path]}
    return Datasette(**files, metadata=datasette_metadata.metadata(db_path), settings=SETTINGS)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the archive to your network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def serve(db_path, host, port):
    """Browse and query the archive in Datasette (read-only) at http://HOST:PORT/.

    Facets by ministry, kind and month; canned queries (full-text search, who attended what,
    releases per month); every column described. Stop with Ctrl-C.

    \b
    Example:
        briefing serve --db data/briefings.db --port 8001
    """
    import uvicorn

    check_port(host, port)
    try:
        immutable = checkpoint(db_path)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    datasette = build_datasette(db_path, immutable=immutable)
    asyncio.run(datasette.invoke_startup())
    mode = "immutable" if immutable else "read-only (a writer is active)"
    click.echo(f"serving {db_path} ({mode}) at http://{host}:{port}/", err=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")


def check_port(host: str, port: int) -> None:
    """Fail early, in one line, when the address can't be listened on."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise click.ClickException(f"--host {host} --port {port}: cannot listen there ({os.strerror(error.errno) if error.errno else error})") from None
