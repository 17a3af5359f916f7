"""Imports every command module so that each registers itself on the `cli` group."""
from briefing_spider.cli import crawl_cmd  # noqa: F401
from briefing_spider.cli import reparse_cmd  # noqa: F401
from briefing_spider.cli import parse_cmd  # noqa: F401
from briefing_spider.cli import eval_cmd  # noqa: F401
from briefing_spider.cli import search_cmd  # noqa: F401
from briefing_spider.cli import query_cmd  # noqa: F401
from briefing_spider.cli import export_cmd  # noqa: F401
from briefing_spider.cli import serve_cmd  # noqa: F401
from briefing_spider.cli import status_cmd  # noqa: F401
from briefing_spider.cli import history_cmd  # noqa: F401
from briefing_spider.cli import schedule_cmd  # noqa: F401
from briefing_spider.cli import who_cmd  # noqa: F401
