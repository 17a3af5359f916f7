"""`ArchiveSpider`: the base of every site's spider. A site's spider declares its `name` and its
`site` (a `Site` of `Section`s, briefing_spider/contract); everything else is here and in its
two parts: walking the lists (lists.py, by walker.py's rules) and fetching a release's page and
its attachments (releases.py).

Navigation only: every response goes to the pipeline as a `Fetched`; when a detail page and all
its attachments are in (or failed), a `ReleaseComplete` has the pipeline build the release from
the raw store — the same code path as `briefing reparse`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

import scrapy

from briefing_spider.clock import now
from briefing_spider.contract import Site
from briefing_spider.crawl import stats
from briefing_spider.crawl.base_url import checked_base_url
from briefing_spider.crawl.lists import ListWalking
from briefing_spider.crawl.outcome import RequestTally
from briefing_spider.crawl.site_hosts import site_hosts
from briefing_spider.crawl.state import CrawlState, load_crawl_state
from briefing_spider.crawl.window import crawl_window, parse_day

TRUE = (True, "1", "true", "yes")


class ArchiveSpider(ListWalking):
    site: ClassVar[Site]  # declared by the site's spider
    source: ClassVar[str] = "site"  # which of the site's sources it reads

    def __init__(
        self,
        since=None,
        until=None,
        base_url: str | None = None,
        limit=None,
        recheck=False,
        backfill=False,
        kinds=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.kinds: tuple[str, ...] = self.kinds_given(kinds)
        self.since = parse_day(since, option="--since") if since else None
        self.until = parse_day(until, option="--until") if until else None
        self.base_url: str = checked_base_url(base_url or self.site.base_url)  # `-a base_url=…` is checked too
        self.site_hosts = site_hosts(self.site.hosts, self.base_url)  # nothing else is requested
        self.limit: int | None = int(limit) if limit else None
        # recheck: fetch every listed release's page again (edits that keep the title); else only new,
        # retitled and incomplete ones. backfill: skip the days the archive already holds whole.
        self.recheck, self.backfill = recheck in TRUE, backfill in TRUE
        self.state = CrawlState()
        self.scheduled: set[str] = set()  # news ids whose page was asked for
        self.found: Counter[tuple[str, object]] = Counter()  # new releases seen on each (kind, day)'s list
        self.lists_pending: Counter[str] = Counter()
        self.told: set[str] = set()
        self.any_response = False
        self.unreachable: str | None = None  # set when the site can't be reached at all
        self.stopped: str | None = None  # why a source stopped the crawl early (an API's error)
        self.tally = RequestTally()  # list and detail requests that ended, and how: see run_failure

    @property
    def site_name(self) -> str:
        return self.site.name

    def kinds_given(self, value) -> tuple[str, ...]:
        """`kinds` as given (`-a kinds=a,b` or a sequence; default: every kind of the source)."""
        if not value:
            return self.site.source(self.source).kinds or self.site.kinds
        names = value.split(",") if isinstance(value, str) else list(value)
        return tuple(dict.fromkeys(self.site.section(name.strip()).kind for name in names if name.strip()))

    async def start(self):
        if self.crawler.stats.get_value(stats.LOCKED_OUT) or self.crawler.stats.get_value(stats.MACHINE):
            return  # another run holds the archive, or it cannot be written here: nothing is fetched
        db_path = self.settings.get("BRIEFING_DB")
        self.since, self.until = crawl_window(
            db_path, today=now().date(), since=self.since, until=self.until, site=self.site_name
        )
        self.state = load_crawl_state(db_path, site=self.site_name, since=self.since, until=self.until)
        self.logger.info(
            "crawling %s (%s) from %s to %s (%d releases known)",
            self.base_url,
            ", ".join(self.kinds),
            self.since,
            self.until,
            len(self.state.releases),
        )
        for request in self.first_requests():
            yield request
        for request in self.incomplete_requests():
            yield request

    def incomplete_requests(self) -> Iterator[scrapy.Request]:
        """Releases to fetch again whatever the lists show (a file failed, no whole page…)."""
        for news_id in self.state.incomplete(until=self.within.until):
            kind = self.state.kind_of(news_id) or self.site.kinds[0]
            if kind in self.kinds:
                yield self.detail_request(self.site.section(kind), news_id)

    # The run

    def run_failure(self) -> str | None:
        """Why a run that closed as `finished` still failed (outcome.py), or None."""
        return self.tally.failure()
