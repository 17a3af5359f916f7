"""Crawl throughput against the local mirror, politeness off, as a ratio to a trivial Scrapy
spider that only fetches the same URLs in the same run. Goal: ≥ 0.70.

    python bench/crawl_throughput.py            # the real corpus when present, else synthetic
    python bench/crawl_throughput.py --synthetic 300

Both run in fresh subprocesses with the same concurrency settings; each is timed three times
and the best time is kept. Both are timed twice, like for like, from the moment the process is
started: to their last response (the crawl: the last response archived; the baseline: its last
callback) — the fetching — and to the end of the process (the crawl: every record built, the
text of every HWPX/HWP/PDF read in worker processes at a lower priority; both: teardown).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CORPUS  # noqa: E402
from tests.mirror_data import corpus_releases, days_from, synthetic_releases  # noqa: E402
from tests.site import Mirror  # noqa: E402

GOAL = 0.70
REPEATS = 3


def run_timed(command: list[str]) -> tuple[datetime, float, str]:
    """(wall-clock start, seconds to the process's end, its stdout)."""
    started, start = datetime.now(UTC), time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return started, time.perf_counter() - start, result.stdout


def timed_crawl(command: list[str], db: str) -> tuple[float, float]:
    """(seconds to the last response saved, seconds to the process's end)."""
    started, total, _ = run_timed(command)
    last = next(Database(db).query("SELECT max(last_fetched_at) AS t FROM raw_responses"))["t"]
    return (datetime.fromisoformat(last) - started).total_seconds(), total


def timed_fetch_only(url_file: Path) -> tuple[float, float]:
    """(seconds to the baseline's last response, seconds to the process's end)."""
    started, total, stdout = run_timed([sys.executable, str(ROOT / "bench" / "fetch_only_spider.py"), str(url_file)])
    last = datetime.fromtimestamp(float(stdout.strip().splitlines()[-1]), UTC)
    return (last - started).total_seconds(), total


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--synthetic", type=int, metavar="N", help="N synthetic releases a day for 5 days")
    args = options.parse_args()
    if args.synthetic or not (CORPUS / "korea_kr").is_dir():
        releases, label = synthetic_releases(days_from("2026-07-20", 5), args.synthetic or 60), "synthetic"
    else:
        releases, label = corpus_releases(CORPUS), "real corpus"
    days = sorted({r.published_at.date().isoformat() for r in releases})
    with Mirror(releases) as mirror, tempfile.TemporaryDirectory() as scratch:
        crawl_times = []
        for n in range(REPEATS):
            mirror.requests.clear()
            crawl_times.append(
                timed_crawl(
                    [
                        sys.executable,
                        "-m",
                        "briefing_spider.cli",
                        "crawl",
                        "--no-polite",
                        "--base-url",
                        mirror.base_url,
                        "--db",
                        f"{scratch}/run{n}.db",
                        "--since",
                        days[0],
                        "--until",
                        days[-1],
                    ],
                    f"{scratch}/run{n}.db",
                )
            )
        urls = [mirror.base_url + path for path in mirror.requests if path != "/robots.txt"]
        url_file = Path(scratch, "urls.txt")
        url_file.write_text("\n".join(urls), encoding="utf-8")
        fetch_times = [timed_fetch_only(url_file) for _ in range(REPEATS)]
    fetched, ours = min(t[0] for t in crawl_times), min(t[1] for t in crawl_times)
    base_fetched, base_total = min(t[0] for t in fetch_times), min(t[1] for t in fetch_times)
    print(f"{label}: {len(releases)} releases, {len(urls)} requests")
    print(
        f"fetch-only spider (baseline), last response: {base_fetched:.2f} s, {len(urls) / base_fetched:.0f} requests/s"
    )
    print(f"fetch-only spider (baseline), process end:   {base_total:.2f} s")
    print(f"briefing crawl, last response archived:      {fetched:.2f} s, {len(urls) / fetched:.0f} requests/s")
    print(f"briefing crawl, every record built (end):    {ours:.2f} s")
    for name, baseline, seconds in (
        ("fetching (to the last response)", base_fetched, fetched),
        ("end to end (process end)", base_total, ours),
    ):
        ratio = baseline / seconds
        print(f"throughput ratio, {name}: {ratio:.2f} (goal ≥ {GOAL}) {'OK' if ratio >= GOAL else 'UNDER'}")


if __name__ == "__main__":
    main()
