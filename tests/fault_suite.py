"""The fault suite's parts, shared by tests/test_faults.py and bench/reliability.py.

A small mirror (two days) behind a FaultProxy; `Fault` names what is spoilt and what the
archive must look like afterwards; `records` reads what an archive holds (the run-time fields
left out) so archives can be compared; `crawl` runs `briefing crawl` through the proxy with
short timeouts and one retry (BRIEFING_DOWNLOAD_TIMEOUT, BRIEFING_RETRY_TIMES).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from tests.fault_proxy import Rule
from tests.local_server import LocalServer
from tests.mirror_data import days_from, synthetic_releases
from tests.site import MirrorRelease, download_url

ROOT = Path(__file__).resolve().parent.parent
DAYS = days_from("2026-07-20", 2)
PER_DAY = 4
TIMEOUT = 2.0  # seconds a request may take (BRIEFING_DOWNLOAD_TIMEOUT)
RETRIES = 1  # tries after the first (BRIEFING_RETRY_TIMES)
MAX_BYTES = 1_000_000  # --max-bytes: the mirror's files are a few KB
CRAWL_ARGS = ("--since", DAYS[0], "--until", DAYS[-1], "--today", DAYS[-1], "--max-bytes", str(MAX_BYTES))
BEFORE_ARGS = ("--since", DAYS[0], "--until", DAYS[0], "--today", DAYS[-1], "--max-bytes", str(MAX_BYTES))
RUN_TIME_FIELDS = ("first_seen_at", "updated_at")
CHILD_TABLES = ("attachments", "contacts", "footnotes", "attendees")


def mirror_releases() -> list[MirrorRelease]:
    return synthetic_releases(DAYS, per_day=PER_DAY)


class OtherHost(LocalServer):
    """Another host serving a copy of the site (a redirect's target): the same bytes, another URL."""

    def __init__(self, upstream: LocalServer):
        super().__init__()
        self.upstream = upstream

    def respond(self, target: str) -> tuple[int, str, bytes]:
        return self.upstream.respond(target)

    @property
    def other_base(self) -> str:
        return self.base_url.replace("127.0.0.1", "localhost")  # same machine, another host name


def detail_path(release: MirrorRelease) -> str:
    """A rule pattern for the release's detail page."""
    return re.escape(f"/briefing/pressReleaseView.do?newsId={release.news_id}") + "$"


def file_path(release: MirrorRelease, index: int = 0) -> str:
    """A rule pattern for one of the release's files."""
    return re.escape(download_url(release.attachments[index].file_id)) + "$"


def list_path(day: str) -> str:
    """A rule pattern for the list pages of a day."""
    return re.escape("/briefing/pressReleaseList.do?") + f".*startDate={day}"


@dataclass(frozen=True)
class Fault:
    """One kind of fault: the rules that inject it and what the archive must show afterwards.

    counted: every URL that never got a good answer is in the run's crawl_errors.
    harmless: the fault must make no difference at all (the records equal an undisturbed crawl's).
    exit_ok: the faulty run exits 0 (False: non-zero, the run failed).
    """

    name: str
    rules: tuple[Rule, ...]
    counted: bool = True
    harmless: bool = False
    exit_ok: bool = True
    checks: tuple[str, ...] = field(default=())  # extra checks by name, see tests/test_faults.py


def faults(releases: list[MirrorRelease]) -> list[Fault]:
    """The fault kinds, aimed at releases already archived (old: detail pages are fetched again
    by a --since crawl) and at releases new in the faulty run (new: their files are fetched)."""
    old_with_body, old = releases[0], releases[1]  # day 1: page body + 2 files; hwpx body + 1 file
    new_with_pdf, new = releases[PER_DAY], releases[PER_DAY + 1]  # day 2, not archived before
    never = 0  # a rule's `times`: every request
    return [
        Fault(
            "5xx_transient",
            (Rule(detail_path(old), "status", times=RETRIES, status=503),),
            counted=False,
            harmless=True,
        ),
        Fault(
            "5xx",
            (
                Rule(detail_path(old_with_body), "status", times=never, status=502),
                Rule(file_path(new), "status", times=never, status=500),
            ),
        ),
        Fault(
            "5xx_retry_after",
            (Rule(detail_path(old), "status", times=1, status=503, retry_after=2),),
            counted=False,
            harmless=True,
            checks=("honours_retry_after",),
        ),
        Fault("5xx_every_list", (Rule("pressReleaseList", "status", times=never, status=503),), exit_ok=False),
        Fault(
            "hang",
            (
                Rule(detail_path(old), "hang", times=1, seconds=TIMEOUT + 2),  # the retry gets it
                Rule(file_path(new), "hang", times=never, seconds=TIMEOUT + 2),
            ),
        ),
        Fault(
            "reset",
            (
                Rule(detail_path(old_with_body), "reset", times=never),
                Rule(file_path(new_with_pdf), "reset", times=never),
            ),
        ),
        Fault(
            "truncate",
            (Rule(detail_path(old_with_body), "truncate", times=never), Rule(file_path(new), "truncate", times=never)),
        ),
        Fault(
            "truncate_no_length",
            (
                Rule(detail_path(old_with_body), "truncate_no_length", times=never),
                Rule(file_path(new), "truncate_no_length", times=never),
            ),
        ),
        Fault("error_page_file", (Rule(file_path(new), "error_page", times=never),)),
        Fault("error_page_detail", (Rule(detail_path(old_with_body), "error_page", times=never),)),
        Fault("redirect_other_host", (Rule(detail_path(old_with_body), "redirect", times=never),)),
        Fault(
            "euc_kr_detail", (Rule(detail_path(old_with_body), "euc_kr", times=never),), counted=False, harmless=True
        ),
        Fault(
            "control_chars_list",
            (Rule("pressReleaseList", "control_chars", times=never),),
            counted=False,
            harmless=True,
        ),
        Fault("oversized_file", (Rule(file_path(new), "oversized", times=never, size=2 * MAX_BYTES),)),
        # The download service closes every connection: every file of the run fails, the run too.
        Fault("dropped_downloads", (Rule(re.escape("/common/download.do?"), "reset", times=never),), exit_ok=False),
    ]


def crawl(base_url: str, db: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`briefing crawl` through the proxy, building in its own process (no worker start-up to wait for)."""
    return subprocess.run(
        crawl_command(base_url, db, *args),
        cwd=ROOT,
        env=crawl_env(workers=0),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def crawl_command(base_url: str, db: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "briefing_spider.cli",
        "crawl",
        "--base-url",
        base_url,
        "--db",
        str(db),
        "--no-polite",
        *(args or CRAWL_ARGS),
    ]


def crawl_env(workers: int | None = None) -> dict[str, str]:
    env = {**os.environ, "BRIEFING_DOWNLOAD_TIMEOUT": str(TIMEOUT), "BRIEFING_RETRY_TIMES": str(RETRIES)}
    if workers is not None:
        env["BRIEFING_BUILD_WORKERS"] = str(workers)
    return env


def copy_archive(source: Path, target_dir: Path) -> Path:
    """A copy of the archive at `source` (database and raw store) in `target_dir`."""
    shutil.copytree(source.parent, target_dir, dirs_exist_ok=True)
    return target_dir / source.name


def records(db_path: Path) -> dict[str, dict]:
    """Every record with its child rows, the run-time fields left out (read, then closed)."""
    db = Database(sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True))
    found = {}
    for row in db.query("SELECT * FROM briefings ORDER BY news_id"):
        for name in RUN_TIME_FIELDS:
            row.pop(name, None)
        for table in CHILD_TABLES:
            row[table] = [
                {k: v for k, v in child.items() if k != "news_id"}
                for child in db.query(f"SELECT * FROM [{table}] WHERE news_id = ? ORDER BY position", [row["news_id"]])
            ]
        found[row["news_id"]] = row
    db.close()
    return found


def duplicates(db_path: Path) -> int:
    """Rows that repeat a release: search documents beyond one a record, gaps in child positions."""
    db = Database(db_path)
    extra = db.execute("SELECT count(*) - count(DISTINCT news_id) FROM search_documents").fetchone()[0]
    for table in CHILD_TABLES:
        extra += db.execute(
            f"SELECT count(*) FROM (SELECT news_id FROM [{table}] GROUP BY news_id "
            "HAVING max(position) + 1 != count(*))"
        ).fetchone()[0]
    return extra


def half_records(db_path: Path, releases: list[MirrorRelease]) -> list[str]:
    """Records whose attachment rows do not match the release's files (a half-written record)."""
    expected = {r.news_id: len(r.attachments) for r in releases}
    db = Database(db_path)
    rows = db.query(
        "SELECT b.news_id, count(a.position) AS n FROM briefings b "
        "LEFT JOIN attachments a USING (news_id) GROUP BY b.news_id"
    )
    return [row["news_id"] for row in rows if row["n"] != expected.get(row["news_id"])]


def last_run(db_path: Path) -> tuple[dict, list[dict]]:
    db = Database(db_path)
    run = next(db.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1"))
    return run, list(db.query("SELECT * FROM crawl_errors WHERE run_id = ?", [run["id"]]))


def uncounted(spoilt: set[str], errors: list[dict]) -> set[str]:
    """Spoilt targets with no crawl_errors row naming them."""
    return {target for target in spoilt if not any(e["url"].endswith(target) for e in errors)}


def worse(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """Records held before that are gone or differ now (the site did not change: any change is worse)."""
    return [news_id for news_id, record in before.items() if after.get(news_id) != record]
