"""Imports every command module so that each registers itself on the `cli` group."""

from briefing_spider.cli import (
    check_site_cmd,  # noqa: F401
    crawl_cmd,  # noqa: F401
    eval_cmd,  # noqa: F401
    export_cmd,  # noqa: F401
    history_cmd,  # noqa: F401
    parse_cmd,  # noqa: F401
    query_cmd,  # noqa: F401
    reparse_cmd,  # noqa: F401
    schedule_cmd,  # noqa: F401
    search_cmd,  # noqa: F401
    serve_cmd,  # noqa: F401
    status_cmd,  # noqa: F401
    who_cmd,  # noqa: F401
)
