"""The toy site on 127.0.0.1: a list page, notice pages and their files (synthetic text)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs, urlsplit

from tests.local_server import HTML, NOT_FOUND, ROBOTS, LocalServer

PAGE_SIZE = 10


@dataclass(frozen=True)
class ToyNotice:
    news_id: str
    title: str
    published_at: str  # ISO 8601 with +09:00
    ministry: str
    body: str
    files: tuple[tuple[str, bytes], ...] = ()  # (name, bytes)


class ToyServer(LocalServer):
    def __init__(self, notices: list[ToyNotice]):
        super().__init__()
        self.notices = {notice.news_id: notice for notice in notices}
        self.files = {name: body for notice in notices for name, body in notice.files}

    @property
    def requests(self) -> list[str]:
        return self.asked

    def respond(self, target: str) -> tuple:
        parts = urlsplit(target)
        path, query = parts.path, {key: values[0] for key, values in parse_qs(parts.query).items()}
        if path == "/robots.txt":
            return ROBOTS
        if path == "/notices":
            return 200, HTML, self.list_page(query).encode()
        if path.startswith("/notice/") and path[len("/notice/") :] in self.notices:
            return 200, HTML, self.page(self.notices[path[len("/notice/") :]]).encode()
        if path.startswith("/files/") and path[len("/files/") :] in self.files:
            return 200, "application/octet-stream", self.files[path[len("/files/") :]]
        return NOT_FOUND

    def list_page(self, query: dict[str, str]) -> str:
        """The notices published from `from` to `to`, newest first, PAGE_SIZE a page."""
        first, last = query.get("from", "0000"), query.get("to", "9999")
        page = int(query.get("page", "1"))
        matching = sorted(
            (n for n in self.notices.values() if first <= n.published_at[:10] <= last),
            key=lambda n: (n.published_at, n.news_id),
            reverse=True,
        )
        shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        items = "".join(
            f'<li class="notice" data-id="{n.news_id}"><a href="/notice/{n.news_id}">'
            f"{escape(n.title)}</a> <time>{n.published_at[:10]}</time></li>"
            for n in shown
        )
        return f'<html><body><p class="count">{len(matching)} notices</p><ul>{items}</ul></body></html>'

    @staticmethod
    def page(notice: ToyNotice) -> str:
        files = "".join(f'<a class="file" href="/files/{name}">{name}</a>' for name, _ in notice.files)
        return (
            f'<html><body><article data-id="{notice.news_id}"><h2 class="headline">{escape(notice.title)}</h2>'
            f'<time datetime="{notice.published_at}">{notice.published_at[:10]}</time>'
            f'<p class="from">{escape(notice.ministry)}</p><div class="text"><p>{escape(notice.body)}</p></div>'
            f"{files}</article></body></html>"
        )
