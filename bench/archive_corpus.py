"""Real release texts from ../shared/corpus as Release records (read in place, never copied),
and the query set measured in docs/search.md. Used by bench/archive_search_recall.py and
tests/test_search.py."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Ministry, Release

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "korea_kr"

# 1-syllable, 2-syllable words (the hard case for FTS), longer words and compounds, inflected
# forms' stems, names, Latin abbreviations, digits mixed with Hangul, two-word queries.
QUERIES = (
    "청",
    "세",
    "물",
    "법",
    "예산",
    "국방",
    "청년",
    "장관",
    "차관",
    "수출",
    "기후",
    "안전",
    "지원",
    "원전",
    "핵심광물",
    "보건복지부",
    "외교부",
    "추가경정예산",
    "반도체",
    "인공지능",
    "중동",
    "2차관",
    "AI",
    "RLT",
    "2026",
    "K-방산",
    "청년 일자리",
    "외교부 장관",
)


def _release(news_id: str, title: str, body: str, ministry: str, published: datetime) -> Release:
    return Release(
        site="korea_kr",
        news_id=news_id,
        kind="press_release",
        url=f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={news_id}",
        title=title,
        published_at=published,
        ministry=Ministry(name=ministry),
        body_text=body,
        body_source="page",
    )


def _moip_releases(corpus: Path) -> list[Release]:
    out = []
    for path in sorted((corpus / "moip-2026-07").glob("articles_*.json")):
        for a in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            out.append(
                _release(
                    a["id"],
                    a["title"],
                    a.get("content_text") or "",
                    a.get("ministry") or "",
                    datetime.fromisoformat(a["approved_at"]),
                )
            )
    return out


def _viewer_release(path: Path) -> Release:
    text = path.read_text(encoding="utf-8")
    header, _, body = text.partition("## 본문")
    title = re.search(r"^# (.+)$", header, re.M)
    ministry = re.search(r"^- 부처: (.+)$", header, re.M)
    posted = re.search(r"^- 게시 시각: (.+)$", header, re.M)
    published = (
        datetime.strptime(posted.group(1).strip(), "%m/%d/%Y %H:%M:%S").replace(tzinfo=SEOUL)
        if posted
        else datetime(2026, 4, 13, tzinfo=SEOUL)
    )
    return _release(
        path.stem,
        title.group(1).strip() if title else path.stem,
        body.strip(),
        ministry.group(1).strip() if ministry else "",
        published,
    )


def corpus_releases(corpus: Path = CORPUS) -> list[Release]:
    """The 2026-07 page texts and the 2026-04-13 document-viewer texts, one Release each."""
    viewer = [_viewer_release(p) for p in sorted((corpus / "govpress-2026-04-13" / "docviewer_md").glob("*.md"))]
    releases = {r.news_id: r for r in _moip_releases(corpus) + viewer}
    return list(releases.values())
