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

from briefing_spider.contract.registry import get_site
from briefing_spider.parse.url_path import clean_text, path_of

IN_WINDOW = "date(substr(b.published_at, 1, 10)) BETWEEN date(?, '-1 day') AND date(?, '+1 day')"
# A download that failed (network, 5xx): worth trying again on every run in the window.
FAILED_DOWNLOAD = "a.sha256 IS NULL"
# The site answers a missing file with an HTML page and status 200: no download, but often for
# good; tried again only while the release is young.
ERROR_PAGE = "a.kind IN ('html', 'empty')"
GOOD_DOWNLOAD = "r.status = 200 AND r.error IS NULL AND coalesce(r.kind, '') NOT IN ('html', 'empty')"
# A record whose every saved page was found cut short (marked by a rebuild): fetch the page again.
# (`{roles}`: the site's source roles)
NO_WHOLE_PAGE = (
    "NOT EXISTS (SELECT 1 FROM raw_responses r WHERE r.site = b.site AND r.news_id = b.news_id "
    "AND r.role IN ({roles}) AND r.status = 200 AND r.error IS NULL)"
)
OF_RELEASE = "a.site = b.site AND a.news_id = b.news_id"
ERROR_PAGE_RETRY_DAYS = 2


@dataclass(frozen=True)
class KnownRelease:
    title: str
    published_on: date
    kind: str | None = None  # the site's section
    failed_download: bool = False
    error_page: bool = False
    no_whole_page: bool = False


@dataclass(frozen=True)
class CrawlState:
    releases: dict[str, KnownRelease] = field(default_factory=dict)
    good_downloads: frozenset[str] = frozenset()  # the paths of files with good bytes saved
    complete_days: frozenset[tuple[str, date]] = frozenset()  # (kind, day): the archive held the site's whole count
    known_per_day: dict[tuple[str, date], int] = field(default_factory=dict)  # by (kind, day)

    def is_new_or_retitled(self, news_id: str, listed_title: str) -> bool:
        """Not archived, or listed under another title: the list still holds news."""
        known = self.releases.get(news_id)
        return known is None or clean_text([known.title]) != clean_text([listed_title])

    def incomplete(self, *, until: date) -> list[str]:
        """Archived releases to fetch again whatever the list shows: a file download failed, no
        whole page of it is saved, or the site answered an error page for a file of a release
        published lately."""
        young = until - timedelta(days=ERROR_PAGE_RETRY_DAYS)
        return sorted(
            news_id
            for news_id, known in self.releases.items()
            if known.failed_download or known.no_whole_page or (known.error_page and known.published_on >= young)
        )

    def known_on(self, day: date, kind: str) -> int:
        """How many releases of `kind` the archive holds published on `day`."""
        return self.known_per_day.get((kind, day), 0)

    def kind_of(self, news_id: str) -> str | None:
        known = self.releases.get(news_id)
        return known.kind if known else None

    def has_download(self, url: str) -> bool:
        """Good bytes are saved for this file, through whatever host (the site or a mirror)."""
        return path_of(url) in self.good_downloads


def load_crawl_state(db_path: str | Path, *, site: str, since: date, until: date) -> CrawlState:
    """The known releases of `site` published in [since − 1 day, until + 1 day] (list and page dates can
    differ by a day around midnight), their good downloads, and the days found whole."""
    if not Path(db_path).exists():
        return CrawlState()
    db = Database(db_path)
    if not db.table("briefings").exists():
        return CrawlState()
    window = [site, since.isoformat(), until.isoformat()]
    roles = ", ".join(f"'{role}'" for role in get_site(site).source_roles)
    rows = db.query(
        f"SELECT b.news_id, b.title, b.kind, substr(b.published_at, 1, 10) AS day, "
        f"EXISTS (SELECT 1 FROM attachments a WHERE {OF_RELEASE} AND {FAILED_DOWNLOAD}) AS failed, "
        f"EXISTS (SELECT 1 FROM attachments a WHERE {OF_RELEASE} AND {ERROR_PAGE}) AS error_page, "
        f"{NO_WHOLE_PAGE.format(roles=roles)} AS no_whole_page "
        f"FROM briefings b WHERE b.site = ? AND {IN_WINDOW}",
        window,
    )
    releases = {
        row["news_id"]: KnownRelease(
            title=row["title"],
            published_on=date.fromisoformat(row["day"]),
            kind=row["kind"],
            failed_download=bool(row["failed"]),
            error_page=bool(row["error_page"]),
            no_whole_page=bool(row["no_whole_page"]),
        )
        for row in rows
    }
    downloads = db.query(
        f"SELECT DISTINCT r.url FROM raw_responses r JOIN briefings b USING (site, news_id) "
        f"WHERE r.role = 'attachment' AND {GOOD_DOWNLOAD} AND b.site = ? AND {IN_WINDOW}",
        window,
    )
    return CrawlState(
        releases=releases,
        good_downloads=frozenset(path_of(row["url"]) for row in downloads),
        complete_days=_complete_days(db, site, since, until),
        known_per_day=dict(Counter((known.kind or "", known.published_on) for known in releases.values())),
    )


def _complete_days(db: Database, site: str, since: date, until: date) -> frozenset[tuple[str, date]]:
    """(kind, day) whose latest count check (of `site`) found the archive holding all the site listed."""
    if not db.table("crawl_days").exists():
        return frozenset()
    rows = db.query(
        "SELECT kind, day FROM crawl_days c WHERE site = ? AND day BETWEEN ? AND ? AND run_id = "
        "(SELECT max(run_id) FROM crawl_days WHERE site = c.site AND kind = c.kind AND day = c.day) "
        "AND site_total = archived",
        [site, since.isoformat(), until.isoformat()],
    )
    return frozenset((row["kind"], date.fromisoformat(row["day"])) for row in rows)
