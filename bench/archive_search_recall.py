"""Search recall against a brute-force scan on the real corpus texts (docs/search.md).

.venv/bin/python bench/archive_search_recall.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.archive_corpus import CORPUS, QUERIES, corpus_releases  # noqa: E402
from briefing_spider.archive import open_archive  # noqa: E402
from briefing_spider.archive.save import save_briefing  # noqa: E402
from briefing_spider.archive.search import search  # noqa: E402
from briefing_spider.parse.site_time import SEOUL  # noqa: E402


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    releases = corpus_releases(CORPUS)
    chars = sum(len(r.title) + len(r.body_text) for r in releases)
    print(f"{len(releases)} releases, {chars:,} characters\n")
    print("| query | scan | search | found by both | recall | precision | ms |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_archive(Path(tmp) / "corpus.db")
        with db.atomic():
            for release in releases:
                save_briefing(db, release, seen_at=datetime(2026, 7, 23, tzinfo=SEOUL))
        for query in QUERIES:
            words = query.lower().split()
            truth = {r.news_id for r in releases if all(w in f"{r.title} {r.body_text}".lower() for w in words)}
            started = time.perf_counter()
            found = {h.news_id for h in search(db, query, limit=len(releases))}
            ms = (time.perf_counter() - started) * 1000
            both = len(truth & found)
            recall = both / len(truth) if truth else 1.0
            precision = both / len(found) if found else 1.0
            print(f"| {query} | {len(truth)} | {len(found)} | {both} | {recall:.0%} | {precision:.0%} | {ms:.1f} |")


if __name__ == "__main__":
    main()
