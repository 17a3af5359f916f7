"""Ctrl-C (SIGINT) and SIGTERM stop a crawl at once and say so: the first signal prints
`stopping… (again to quit now)` right away and stops asking for pages; whatever is still under
way gets `GRACE_SECONDS`, then the run is recorded `interrupted` and the crawl ends. A second
signal ends it at once, recorded the same way. (Scrapy's own handler waits for every request
in flight — a minute and more on a slow site — and says nothing until then.)"""

from __future__ import annotations

import os
import signal
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess

GRACE_SECONDS = 1.5
STOPPING = "stopping… (again to quit now)\n".encode()
stop_now = object()  # a crawler signal: the pipeline records the run's end before the reactor stops


class Interrupt:
    def __init__(self, process: CrawlerProcess, crawler: Crawler):
        self.process, self.crawler, self.signals = process, crawler, 0

    def install(self) -> None:
        signal.signal(signal.SIGINT, self.on_signal)
        signal.signal(signal.SIGTERM, self.on_signal)

    def on_signal(self, signum, frame) -> None:
        reactor = _reactor()
        self.signals += 1
        if self.signals == 1:
            os.write(2, STOPPING)  # async-signal-safe: no logging or print inside a signal handler
            reactor.callFromThread(self.stop_gracefully)
        else:
            reactor.callFromThread(self.stop_at_once)

    def stop_gracefully(self) -> None:
        reactor = _reactor()
        self.process.stop()  # no more requests; the spider closes as `shutdown`
        reactor.callLater(GRACE_SECONDS, self.stop_at_once)

    def stop_at_once(self) -> None:
        reactor = _reactor()
        if not reactor.running:
            return
        stats = self.crawler.stats
        if stats is not None and not stats.get_value("finish_reason"):
            stats.set_value("finish_reason", "shutdown")
        self.crawler.signals.send_catch_log(signal=stop_now)
        reactor.stop()


def _reactor() -> Any:
    """Twisted's reactor, once the crawl has installed it (untyped: it is a module's global)."""
    from twisted.internet import reactor

    return reactor
