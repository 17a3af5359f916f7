"""Done-when of issue 12: crawl a mirror serving the seed release's page text, then
`briefing who 강인선` shows the 2024-09-20 roundtable with her title."""

from __future__ import annotations

import pytest

from tests.crawl_helpers import crawl, run_cli
from tests.mirror_data import seed_release
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)


def test_who_finds_the_vice_minister_of_the_seed_release_after_a_crawl(tmp_path, corpus):
    seed = seed_release(corpus)
    db = tmp_path / "briefings.db"
    with Mirror([seed]) as mirror:
        crawled = crawl(mirror, db, "--since", "2024-09-20", "--until", "2024-09-20")
    assert crawled.returncode == 0, crawled.stderr
    shown = run_cli("who", "강인선", "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    line = next(line for line in shown.stdout.splitlines() if line.strip().startswith("2024-09-20"))
    assert "외교부 강인선 2차관" in line and "경제안보외교 민관합동 라운드테이블 개최" in line
    assert "김희상" in shown.stdout  # met at the same table
    by_ministry = run_cli("who", "외교부", "--db", str(db))
    assert "(organisation: 외교부)" in by_ministry.stdout and "강인선" in by_ministry.stdout
