"""Releases for the local mirror: synthetic ones written here, and real ones from the corpus."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from html import escape
from pathlib import Path

from briefing_spider.parse.site_time import SEOUL
from tests.fixtures.documents import ERROR_PAGE, make_hwpx
from tests.site import MirrorAttachment, MirrorRelease

MINISTRIES = (("외교부", "A00014"), ("보건복지부", "A00012"), ("관세청", "B00003"), ("기후에너지환경부", None))


def synthetic_releases(days: list[str], per_day: int, *, error_page_every: int | None = 4) -> list[MirrorRelease]:
    """`per_day` releases on each day; every third has a substantive page body, every release an
    HWPX, every `error_page_every`th also a failed PDF download (an HTML error page behind a
    .pdf name; None: none)."""
    releases = []
    for day_number, day in enumerate(days):
        for i in range(per_day):
            news_id = str(910000000 + day_number * 1000 + i)
            ministry, code = MINISTRIES[i % len(MINISTRIES)]
            published = datetime.fromisoformat(day).replace(hour=9 + i % 10, minute=i % 60, tzinfo=SEOUL)
            hwpx = make_hwpx(
                [
                    f"□ {ministry}는 합성 보도자료 {news_id}를 발표했다.",
                    "※ 합성 주석입니다.",
                    "담당 부서 : 시험과  책임자 과장 홍길동 (044-000-0000)",
                ]
            )
            attachments = [MirrorAttachment(file_id=f"{news_id}1", name=f"{news_id} 보도자료.hwpx", body=hwpx)]
            if error_page_every and i % error_page_every == 0:
                attachments.append(
                    MirrorAttachment(file_id=f"{news_id}2", name=f"{news_id} 보도자료.pdf", body=ERROR_PAGE)
                )
            body = (
                (f"<p>□ {ministry}는 {news_id} 합성 본문을 발표했다. " + "긴 본문 문장이다. " * 30 + "</p>")
                if i % 3 == 0
                else ""
            )
            releases.append(
                MirrorRelease(
                    news_id=news_id,
                    title=f"합성 보도자료 {news_id}",
                    published_at=published,
                    ministry=ministry,
                    rep_code=code,
                    body_html=body,
                    attachments=attachments,
                )
            )
    return releases


def corpus_releases(corpus: Path) -> list[MirrorRelease]:
    """The 2026-04-13 releases with their real attachments, and real page bodies (from the
    2026-07 crawl, in order) inside the mirror's shells."""
    base = corpus / "korea_kr" / "govpress-2026-04-13"
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))["documents"]
    bodies = [
        a["content_html"]
        for path in sorted((corpus / "korea_kr" / "moip-2026-07").glob("articles_*.json"))
        for a in json.loads(path.read_text(encoding="utf-8"))["articles"]
    ]
    releases = []
    for index, doc in enumerate(manifest):
        news_id = doc["news_item_id"]
        published = datetime.strptime(doc["approve_date"], "%m/%d/%Y %H:%M:%S").replace(tzinfo=SEOUL)
        names = _attachment_names(base / "docviewer_md" / f"{news_id}.md")
        attachments = [
            MirrorAttachment(file_id=f"{news_id}{n}", name=names.get(ext, f"{news_id}.{ext}"), body=path.read_bytes())
            for n, ext in enumerate(("hwpx", "pdf"))
            if (path := base / ext / f"{news_id}.{ext}").exists()
        ]
        releases.append(
            MirrorRelease(
                news_id=news_id,
                title=doc["title"],
                published_at=published,
                ministry=doc["department"],
                body_html=bodies[index % len(bodies)],
                attachments=attachments,
            )
        )
    return releases


def _attachment_names(markdown: Path) -> dict[str, str]:
    if not markdown.exists():
        return {}
    header = markdown.read_text(encoding="utf-8").split("## 본문")[0]
    found = re.findall(r"^- (PDF|HWPX) 첨부: (.+)$", header, re.M)
    names: dict[str, str] = {}
    for kind, name in found:  # the corpus file of a kind is the first one the header lists
        names.setdefault(kind.lower(), name.strip())
    return names


def days_from(first: str, count: int) -> list[str]:
    start = datetime.fromisoformat(first)
    return [(start + timedelta(days=n)).date().isoformat() for n in range(count)]


SEED_PAGE = Path("seed") / "korea_kr_pressRelease_2024-09-20_mofa_roundtable.txt"
SEED_DATE_LINE_RE = re.compile(r"^(\d{4})\.(\d{2})\.(\d{2})\s+(\S+)\s*$")
SEED_BODY_START = "목록"  # the page's last control line before the body
SEED_NOTICE_RE = re.compile(r"이\s*자료는\s*.+보도자료를\s*전재하여")


def seed_release(corpus: Path, news_id: str = "920240920") -> MirrorRelease:
    """The seed's page text as a mirror release: the title is the line before `YYYY.MM.DD 부처`,
    the body its paragraphs between the `목록` control and the 전재 notice (the mirror's shell
    adds its own), each in a <p>."""
    lines = [line.strip() for line in (corpus / SEED_PAGE).read_text(encoding="utf-8").splitlines()]
    at = next(n for n, line in enumerate(lines) if SEED_DATE_LINE_RE.match(line))
    year, month, day, ministry = SEED_DATE_LINE_RE.match(lines[at]).groups()
    title = next(line for line in reversed(lines[:at]) if line)
    start = lines.index(SEED_BODY_START, at) + 1
    end = next(n for n in range(start, len(lines)) if SEED_NOTICE_RE.search(lines[n]))
    body = "".join(f"<p>{escape(line)}</p>" for line in lines[start:end] if line)
    code = dict(MINISTRIES).get(ministry)
    published = datetime(int(year), int(month), int(day), 10, 0, tzinfo=SEOUL)
    return MirrorRelease(
        news_id=news_id, title=title, published_at=published, ministry=ministry, rep_code=code, body_html=body
    )


# A vice-minister's visit that only sentences report (issue 18): a 차관동정 title, the ministry
# head in the identifying parenthesis (no participant), a counterpart met, a footnote that names
# someone (no participant) and a contact block. Invented names.
VISIT_LINES = [
    "□ 가나부(장관 김바다) 홍길동 제1차관은 4월 14일(화) 다라시 도심 재개발 현장을 방문하여 주민 간담회를 주재했다.",
    "□ 홍 차관은 이어 마바공사 이구름 사장과 면담하고 사업 일정을 점검했다.",
    "※ 이 사업은 사아연구원 최하늘 연구위원의 제안으로 시작되었다.",
    "담당 부서 : 가나부 주택정책과  책임자 과장 박담당 (044-000-2222)",
]


def vice_minister_visit_release(news_id: str = "930000418") -> MirrorRelease:
    return MirrorRelease(
        news_id=news_id,
        title="[차관동정] 홍길동 제1차관, 다라시 도심 재개발 현장 방문",
        published_at=datetime(2026, 4, 14, 15, tzinfo=SEOUL),
        ministry="가나부",
        attachments=[
            MirrorAttachment(file_id=f"{news_id}1", name="(보도자료) 차관 현장 방문.hwpx", body=make_hwpx(VISIT_LINES))
        ],
    )
