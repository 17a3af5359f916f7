"""Detail-page extraction CPU against a bare `lxml.html` parse of the same pages (same run).

Pages: the 331 real korea.kr bodies (../shared/corpus/korea_kr/moip-2026-07, `content_html`)
inside the test mirror's page shells (header navigation, footer, scripts), so the markup around
them follows MARKUP.md. Goal: ratio ≤ 2.0.

    python bench/extraction_cpu.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import html as lxml_html  # noqa: E402

from bench.timing import best_seconds  # noqa: E402
from briefing_spider.sites.korea_kr.detail import parse_detail  # noqa: E402
from briefing_spider.sites.korea_kr.site import canonical_detail_url  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402
from tests.site import detail_page  # noqa: E402

GOAL = 2.0


def main() -> None:
    if not (CORPUS / "korea_kr").is_dir():
        sys.exit(f"needs the real corpus at {CORPUS}")
    pages = list(_real_bodies())
    baseline = best_seconds(lambda item: lxml_html.fromstring(item[1]), pages, 5, clock=time.process_time)
    ours = best_seconds(
        lambda item: parse_detail(item[1], canonical_detail_url(item[0])), pages, 5, clock=time.process_time
    )
    ratio = ours / baseline
    print(f"pages: {len(pages)}, {sum(len(p) for _, p in pages) / len(pages) / 1024:.1f} KiB on average")
    print(f"lxml.html parse (baseline): {baseline / len(pages) * 1000:.3f} ms/page")
    print(f"parse_detail:               {ours / len(pages) * 1000:.3f} ms/page")
    print(f"ratio: {ratio:.2f} (goal ≤ {GOAL}) {'OK' if ratio <= GOAL else 'OVER'}")


def _real_bodies():
    import json

    from briefing_spider.parse.site_time import parse_site_datetime
    from tests.site import MirrorRelease

    for path in sorted((CORPUS / "korea_kr" / "moip-2026-07").glob("articles_*.json")):
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            release = MirrorRelease(
                news_id=article["id"],
                title=article["title"],
                published_at=parse_site_datetime(article["approved_at"]),
                ministry=article["ministry"],
                body_html=article["content_html"],
            )
            yield release.news_id, detail_page(release)


if __name__ == "__main__":
    main()
