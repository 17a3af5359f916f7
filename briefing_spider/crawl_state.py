"""What the archive already holds, as the spider needs it to decide what to fetch.

Read once when a crawl starts: which releases are known (title, day, whether a file failed),
how many each day holds, which attachment URLs already have good bytes in the raw store, and
which days were found whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from briefing_spider.parse.korea_kr_site import clean_text, path_of

IN_WINDOW = "date(substr(b.published_at, 1, 10)) BETWEEN date(?, '-1 day') AND date(?, '+1 day')"
# A download that failed (network, 5xx): worth trying again on every run in the window.
FAILED_DOWNLOAD = "a.sha256 IS NULL"
# The site answers a missing file with an HTML page and status 200: no download, but often for
# good; tried again only while the release is young.
ERROR_PAGE = "a.kind IN ('html', 'empty')"
GOOD_DOWNLOAD = "r.status = 200 AND r.error IS NULL AND coalesce(r.kind, '') NOT IN ('html', 'empty')"
# A record whose every saved page was found cut short (marked by a rebuild): fetch the page again.
NO_WHOLE_PAGE = ("NOT EXISTS (SELECT 1 FROM raw_responses r WHERE r.news_id = b.news_id "
                 "AND r.role IN ('detail', 'api_item') AND r.status = 200 AND r.error IS NULL)")
ERROR_PAGE_RETRY_DAYS = 2


@dataclass(frozen=True)
class KnownRelease:
    title: str
    published_on: date
    failed_download: bool = False
    error_page: bool = False
    no_whole_page: bool = False


@dataclass(frozen=True)
class CrawlState:
    releases: dict[str, KnownRelease] = field(default_factory=dict)
    good_downloads: frozenset[str] = frozenset()  # the paths of files with good bytes saved
    complete_days: frozenset[date] = frozenset()  # the archive held the site's whole count
    known_per_day: dict[date, int] = field(default_factory=dict)

    def is_new_or_retitled(self, news_id: str, listed_title: str) -> bool:
        """Not archived, or listed under another title: the list still holds news."""
        known = self.releases.get(news_id)
        return known is None or clean_text([known.title]) != clean_text([listed_title])

    def incomplete(self, *, until: date) -> list[str]:
        """Archived releases to fetch again whatever the list shows: a file download failed, no
        whole page of it is saved, or the site answered an error page for a file of a release
        published lately."""
        young = until - timedelta(days=ERROR_PAGE_RETRY_DAYS)
        return sorted(news_id for news_id, known in self.releases.items()
                      if known.failed_download or known.no_whole_page
                      or (known.error_page and known.published_on >= young))

    def known_on(self, day: date) -> int:
        return self.known_per_day.get(day, 0)

    def has_download(self, url: str) -> bool:
        """Good bytes are saved for this file, through whatever host (the site or a mirror)."""
        return path_of(url) in self.good_downloads


def load_crawl_state(db_path: str | Path, *, since: date, until: date) -> CrawlState:
    """The known releases published in [since − 1 day, until + 1 day] (list and page dates can
    differ by a day around midnight), their good downloads, and the days found whole."""
    if not Path(db_path).exists():
        return CrawlState()
    db = Database(db_path)
    if not db.table("briefings").exists():
        return CrawlState()
    window = [since.isoformat(), until.isoformat()]
    rows = db.query(
        f"SELECT b.news_id, b.title, substr(b.published_at, 1, 10) AS day, "
        f"EXISTS (SELECT 1 FROM attachments a WHERE a.news_id = b.news_id AND {FAILED_DOWNLOAD}) AS failed, "
        f"EXISTS (SELECT 1 FROM attachments a WHERE a.news_id = b.news_id AND {ERROR_PAGE}) AS error_page, "
        f"{NO_WHOLE_PAGE} AS no_whole_page "
        f"FROM briefings b WHERE {IN_WINDOW}", window)
    releases = {row["news_id"]: KnownRelease(title=row["title"], published_on=date.fromisoformat(row["day"]),
                                             failed_download=bool(row["failed"]), error_page=bool(row["error_page"]),
                                             no_whole_page=bool(row["no_whole_page"]))
                for row in rows}
    downloads = db.query(f"SELECT DISTINCT r.url FROM raw_responses r JOIN briefings b USING (news_id) "
                         f"WHERE r.role = 'attachment' AND {GOOD_DOWNLOAD} AND {IN_WINDOW}", window)
    return CrawlState(releases=releases, good_downloads=frozenset(path_of(row["url"]) for row in downloads),
                      complete_days=_complete_days(db, since, until),
                      known_per_day=dict(Counter(known.published_on for known in releases.values())))


def _complete_days(db: Database, since: date, until: date) -> frozenset[date]:
    """Days whose latest count check found the archive holding all the site listed."""
    if not db.table("crawl_days").exists():
        return frozenset()
    rows = db.query("SELECT day FROM crawl_days c WHERE day BETWEEN ? AND ? AND run_id = "
                    "(SELECT max(run_id) FROM crawl_days WHERE day = c.day) AND site_total = archived",
                    [since.isoformat(), until.isoformat()])
    return frozenset(date.fromisoformat(row["day"]) for row in rows)
