"""`scrapy crawl`, exiting non-zero when the run went wrong.

Scrapy's own command exits 1 only when the crawl could not start; a crawl that reached nobody
(`-a base_url=http://127.0.0.1:1`), found the archive locked, or whose list pages all failed
would exit 0. This one takes the exit code `briefing crawl` gives (crawl/runner.py: CrawlOutcome.exit_code)
and says why in one line on stderr.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand


class Command(ScrapyCrawlCommand):
    crawler = None

    def _create_crawler(self, spidercls):
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args, opts) -> None:
        super().run(args, opts)
        if self.exitcode or self.crawler is None or self.crawler.spider is None:
            return
        from briefing_spider.crawl.runner import outcome_of

        outcome = outcome_of(self.crawler)
        self.exitcode = outcome.exit_code()
        if self.exitcode and outcome.why:
            print(f"error: {outcome.why}", file=sys.stderr)
