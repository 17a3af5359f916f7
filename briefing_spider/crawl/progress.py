"""A progress line for people watching a crawl: counts and rate, redrawn in place on a terminal,
a plain log line every 30 seconds otherwise (cron, systemd, CI). Enabled by `briefing crawl`."""

from __future__ import annotations

import sys
import time

from scrapy import signals
from twisted.internet import task

from briefing_spider.crawl import stats as crawl_stats

TERMINAL_SECONDS = 0.5
LOG_SECONDS = 30.0
OUTCOMES = ("new", "updated", "unchanged", "errors")


class CrawlProgress:
    def __init__(self, crawler, stream=None):
        self.stats = crawler.stats
        self.stream = stream or sys.stderr
        self.on_terminal = self.stream.isatty()
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def opened(self, spider) -> None:
        self.loop.start(TERMINAL_SECONDS if self.on_terminal else LOG_SECONDS, now=False)

    def closed(self, spider, reason) -> None:
        if self.loop.running:
            self.loop.stop()
        if self.on_terminal:
            self.stream.write("\r\033[K")  # the summary line replaces the progress line
            self.stream.flush()

    def show(self) -> None:
        line = progress_line(self.stats.get_stats(), time.monotonic() - self.started)
        self.stream.write(f"\r\033[K{line}" if self.on_terminal else f"{line}\n")
        self.stream.flush()


def progress_line(stats: dict, seconds: float) -> str:
    responses = stats.get("response_received_count", 0)
    counts = ", ".join(f"{stats.get(crawl_stats.outcome(name), 0)} {name}" for name in OUTCOMES)
    rate = responses / seconds if seconds > 0 else 0.0
    return f"crawling: {responses} responses ({rate:.1f}/s), {counts}, {seconds:.0f} s"
