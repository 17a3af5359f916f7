"""A local mirror of www.korea.kr for tests: list, detail and download URLs like the real site.

Page shells follow MARKUP.md (JSON-LD, `.article_head`, `div.view_cont`, `.list_type`, download
links, `총 N 건`). It serves on 127.0.0.1 on a random port, logs every request path, and can be
told to fail: `site.fail[path_and_query] = [500, 500]` answers those statuses first, in order;
`site.cut[path_and_query] = "no-length" | "with-length"` sends half the body and closes (without
or with the whole body's Content-Length); `site.redirect[path_and_query] = url` answers 302 to
`url`; `site.encodings[news_id] = ("cp949", "text/html")` serves that detail page in that
encoding with that Content-Type. `section_pages` adds the other sections' lists and detail pages
(tests/site_sections.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from urllib.parse import parse_qs, quote, urlsplit

from tests.korea_kr_template import PageFile
from tests.korea_kr_template import detail_page as template_page
from tests.local_server import HTML, NOT_FOUND, ROBOTS, Answer, LocalServer

PAGE_SIZE = 10


@dataclass
class MirrorAttachment:
    file_id: str
    name: str
    body: bytes


@dataclass
class MirrorRelease:
    news_id: str
    title: str
    published_at: datetime
    ministry: str
    rep_code: str | None = None
    body_html: str = ""
    attachments: list[MirrorAttachment] = field(default_factory=list)
    lead: str = ""


class Mirror(LocalServer):
    def __init__(self, releases: list[MirrorRelease], section_pages: list | None = None):
        super().__init__()
        self.releases = {release.news_id: release for release in releases}
        # The other briefing-room sections (tests/site_sections.py: MirrorSectionPage by news id).
        self.section_pages = {page.news_id: page for page in section_pages or []}
        self.files = {a.file_id: a for r in [*releases, *(section_pages or [])] for a in r.attachments}
        self.garbage_details: set[str] = set()
        self.cut: dict[str, str] = {}
        self.redirect: dict[str, str] = {}
        self.encodings: dict[str, tuple[str, str]] = {}

    @property
    def requests(self) -> list[str]:
        return self.asked

    def respond(self, target: str) -> tuple:
        if target in self.redirect:
            return 302, HTML, b"<html><body>moved</body></html>", Answer(headers={"Location": self.redirect[target]})
        answer = self.answer(target)
        if target in self.cut:
            status, content_type, body = answer[:3]
            return (
                status,
                content_type,
                body,
                Answer(declare_length=self.cut[target] == "with-length", cut=len(body) // 2),
            )
        return answer

    def respond_form(self, path: str, fields: dict[str, str]) -> tuple:
        """A posted list form (the site's mainForm): the list page it asks for."""
        path = path.split("?", 1)[0]
        if path == "/briefing/pressReleaseList.do":
            return 200, HTML, self.list_page(fields).encode("utf-8")
        return self.section_answer(path, fields, posted=True)

    def answer(self, target: str) -> tuple:
        parts = urlsplit(target)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        if parts.path == "/robots.txt":
            return ROBOTS
        if parts.path == "/briefing/pressReleaseList.do":
            return 200, HTML, self.list_page(query).encode("utf-8")
        if parts.path == "/briefing/pressReleaseView.do":
            release = self.releases.get(query.get("newsId", ""))
            if release is None:
                return NOT_FOUND
            if release.news_id in self.garbage_details:
                return 200, HTML, b"<html><body><p>maintenance</p></body></html>"
            if release.news_id in self.encodings:
                encoding, content_type = self.encodings[release.news_id]
                return 200, content_type, detail_page(release).encode(encoding)
            return 200, HTML, detail_page(release).encode("utf-8")
        if parts.path == "/common/download.do":
            return self.download(self.files, query)
        return self.section_answer(parts.path, query)

    def section_answer(self, path: str, query: dict, posted: bool = False) -> tuple:
        from tests.site_sections import section_answer  # it builds on this module's page shells

        page = section_answer(self.section_pages, path, query, posted)
        return (200, HTML, page.encode("utf-8")) if page is not None else NOT_FOUND

    def list_page(self, query: dict) -> str:
        start = date.fromisoformat(query.get("startDate") or "1900-01-01")
        end = date.fromisoformat(query.get("endDate") or "2999-12-31")
        page = int(query.get("pageIndex") or "1")
        matching = sorted(
            (r for r in self.releases.values() if start <= r.published_at.date() <= end),
            key=lambda r: (r.published_at, r.news_id),
            reverse=True,
        )
        shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return list_page(shown, total=len(matching), page=page)


MENU_SECTIONS = ("뉴스", "브리핑룸", "정책자료", "국민참여", "멀티미디어", "정책브리핑 소개")
# The site's header and footer (navigation, scripts): a real page is mostly this.
SITE_HEADER = (
    '<div id="skip"><a href="#content">본문 바로가기</a><a href="#gnb">메인메뉴 바로가기</a></div>'
    '<div class="gov_banner">합성 배너: 시험용 정부 누리집 표시</div><nav id="gnb"><ul>'
    + "".join(
        f'<li><a href="/{n}/index.do">{section}</a><ul>'
        + "".join(
            f'<li><a href="/{n}/sub{k}.do?menuId={n * 100 + k}">{section} 하위 메뉴 {k}</a></li>' for k in range(40)
        )
        + "</ul></li>"
        for n, section in enumerate(MENU_SECTIONS)
    )
    + "</ul></nav>"
)
SITE_FOOTER = (
    '<div class="rule"><p>합성 안내문: 시험용 게시물 운영 원칙 목록</p><ul>'
    + "".join(f"<li>{k}. 합성된 운영원칙 문장 {k}번입니다.</li>" for k in range(1, 14))
    + '</ul></div><footer id="footer"><address>세종특별자치시 (합성 주소)</address>'
    + "".join(f'<a href="/etc/link{k}.do">바로가기 {k}</a>' for k in range(60))
    + "</footer>"
    + "".join(f'<script src="/js/site{k}.js"></script>' for k in range(12))
)


def list_page(releases: list[MirrorRelease], *, total: int, page: int) -> str:
    items = "".join(
        f'<li><a href="/briefing/pressReleaseView.do?newsId={r.news_id}&amp;pageIndex={page}&amp;repCodeType=">'
        f'<span class="text"><strong>{escape(r.title)}</strong><span class="lead">{escape(r.lead)}</span>'
        f'<span class="source"><span>{r.published_at:%Y.%m.%d}</span><span>{escape(r.ministry)}</span>'
        f"</span></span></a></li>"
        for r in releases
    )
    listing = f'<div class="list_type"><ul>{items}</ul></div>' if releases else '<p class="nodata">자료가 없습니다.</p>'
    popular = '<div class="popular"><a href="/briefing/pressReleaseView.do?newsId=1">인기 자료</a></div>'
    return (
        f"<html><head><title>보도자료 | 브리핑룸</title></head><body>{SITE_HEADER}{popular}"
        f'<div class="total">총 <strong>{total:,}</strong> 건</div>{listing}{SITE_FOOTER}</body></html>'
    )


def detail_page(release: MirrorRelease) -> str:
    """The release's page in the site's 2026 template (tests/korea_kr_template.py)."""
    files = [PageFile(file_id=a.file_id, name=a.name) for a in release.attachments]
    return template_page(
        kind="press_release",
        news_id=release.news_id,
        title=release.title,
        published_at=release.published_at,
        ministry=release.ministry,
        rep_code=release.rep_code,
        body_html=release.body_html,
        files=files,
        header=SITE_HEADER,
        footer=SITE_FOOTER,
    )


def download_url(file_id: str) -> str:
    return f"/common/download.do?fileId={quote(file_id)}&tblKey=GMN"
