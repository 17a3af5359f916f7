"""Scrapy settings: polite by default. The CLI's `--polite/--no-polite` (tests, mirrors) and
environment variables (briefing_spider/env.py) override them; see docs/operations.md.

`briefing crawl` loads this module by name, whatever the working directory and however the
package was installed; `scrapy crawl` finds it through scrapy.cfg in the checkout."""

from briefing_spider import __version__
from briefing_spider.archive.machine import MIN_FREE_MB
from briefing_spider.contract.registry import all_sites
from briefing_spider.env import settings_from_env

_from_env = settings_from_env()  # BRIEFING_* variables of env.ENV_SETTINGS (a bad value names itself)

BOT_NAME = "briefing_spider"
# Every known site's spiders (briefing_spider/sites; plug-ins by entry point too): `scrapy crawl korea_kr_press`.
SPIDER_MODULES = ["briefing_spider.crawl.spiders", *(site.spider_module for site in all_sites() if site.spider_module)]

USER_AGENT = (
    f"briefing-archive/{__version__} (+https://github.com/briefing-archive/briefing-archive; "
    "research archive of public press releases)"
)
ROBOTSTXT_OBEY = True

# About one request a second per host, adapting to the server's latency.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50% around DOWNLOAD_DELAY
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Retries on 5xx and timeouts, with exponential backoff (see middlewares.BackoffRetryMiddleware).
RETRY_ENABLED = True
RETRY_TIMES = _from_env.get("RETRY_TIMES", 3)  # tries after the first
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
# A retry goes ahead of requests not yet tried (Scrapy puts it behind them): a failing first
# request is settled in seconds, so an unreachable site is told before a long range is queued.
RETRY_PRIORITY_ADJUST = 1
DOWNLOADER_MIDDLEWARES = {
    "briefing_spider.crawl.site_hosts.SiteHostsMiddleware": 50,  # only the site's hosts, redirects too
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "briefing_spider.crawl.middlewares.BackoffRetryMiddleware": 550,
}
DOWNLOAD_TIMEOUT = _from_env.get("DOWNLOAD_TIMEOUT", 60)  # seconds per request
# Attachments larger than this are refused (BRIEFING_MAX_BYTES, or `briefing crawl --max-bytes`).
DOWNLOAD_MAXSIZE = _from_env.get("DOWNLOAD_MAXSIZE", 50 * 1024 * 1024)
DOWNLOAD_WARNSIZE = 20 * 1024 * 1024
# A body shorter than its Content-Length fails the request (retried, then an error), never a
# "partial" response taken for the whole; bodies without a length are checked by raw.unreadable.
DOWNLOAD_FAIL_ON_DATALOSS = True

ITEM_PIPELINES = {"briefing_spider.crawl.pipeline.ArchivePipeline": 300}
BRIEFING_DB = "data/briefings.db"

HTTPERROR_ALLOWED_CODES = [404, 410]  # a missing page or file is recorded, not silently dropped
COOKIES_ENABLED = False
# No remote access into the crawl process: Scrapy's telnet console and its remote-control HTTP
# server (which also writes a job file with its token under the user's state directory).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
COMMANDS_MODULE = "briefing_spider.crawl.commands"  # `scrapy crawl` exits non-zero when the run failed
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 64 * 1024 * 1024  # attachments are large: the default 5 MB stalls downloads
CONCURRENT_ITEMS = 8  # a callback yields a few items; Scrapy starts this many tasks per response

# Build processes (BRIEFING_BUILD_WORKERS): None for as many as cores, at most 4; 0 builds in the crawl.
BRIEFING_BUILD_WORKERS = _from_env.get("BRIEFING_BUILD_WORKERS")
# A crawl does not start with less free space than this where the archive lives (BRIEFING_MIN_FREE_MB).
BRIEFING_MIN_FREE_MB = _from_env.get("BRIEFING_MIN_FREE_MB", MIN_FREE_MB)
