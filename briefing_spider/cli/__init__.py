"""`briefing …`: a thin click layer over the library. Each command lives in its own module."""

import click

DEFAULT_DB = "data/briefings.db"


@click.group()
@click.version_option(package_name="briefing-archive")
def cli() -> None:
    """Crawl government briefing rooms into a SQLite archive and query it.

    \b
    Example:
        briefing crawl --since 2026-04-13 --until 2026-04-13
    """


def db_option(function):
    """The `--db PATH` option every command that touches the archive takes."""
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        metavar="PATH",
        help="The SQLite archive.",
    )(function)


# Command modules register themselves on `cli` when imported.
from briefing_spider.cli import commands  # noqa: E402,F401
