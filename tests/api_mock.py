"""A local mock of the data.go.kr 보도자료 API (and korea.kr's download.do) for tests.

It answers XML in the real shape (MARKUP.md, "Open API"): `response/header/resultCode`, records
at `response/body/NewsItem` with CDATA fields, `MM/DD/YYYY HH:MM:SS` times, FileName/FileUrl pairs,
paging by `pageNo`/`numOfRows` with `totalCount`. Errors as the real service gives them: a window
over 3 days → `98 THREE_DAYS_OVER_ERROR`; a wrong key → the gateway's `returnReasonCode 30`;
`mock.gateway = ("31", 403)` answers every list request with that gateway error and status;
`mock.limit_after = n` answers `22` (daily limit) after n list requests. Every request is logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import parse_qs, urlsplit

from tests.local_server import NOT_FOUND, ROBOTS, LocalServer
from tests.site import MirrorRelease

API_PATH = "/1371000/pressReleaseService/pressReleaseList"
DOWNLOAD_PATH = "/common/download.do"
TEST_KEY = "tEsT+key/ABC==secret"  # has the characters a real (decoded) key has: + / =
MAX_WINDOW_DAYS = 3
DEFAULT_ROWS = 10
GATEWAY_MESSAGES = {
    "30": "SERVICE_KEY_IS_NOT_REGISTERED_ERROR",
    "31": "DEADLINE_HAS_EXPIRED_ERROR",
    "22": "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR",
    "20": "SERVICE_ACCESS_DENIED_ERROR",
}
XML_TYPE = "application/xml;charset=UTF-8"


class ApiMock(LocalServer):
    def __init__(self, releases: Iterable[MirrorRelease], key: str = TEST_KEY):
        super().__init__()
        self.releases = list(releases)
        self.files = {a.file_id: a for r in self.releases for a in r.attachments}
        self.key = key
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, query)
        self.gateway: tuple[str, int] | None = None  # (returnReasonCode, HTTP status) for every list request
        self.limit_after: int | None = None  # list requests served before the daily limit (22)
        self.max_window_days = MAX_WINDOW_DAYS  # a longer window answers 98 THREE_DAYS_OVER_ERROR
        self.max_rows: int | None = None  # serve at most this many rows a page, whatever was asked

    @property
    def api_url(self) -> str:
        return self.base_url + API_PATH

    def list_requests(self) -> list[dict[str, str]]:
        return [query for path, query in self.requests if path == API_PATH]

    def respond(self, target: str) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        self.requests.append((parts.path, query))
        if parts.path == "/robots.txt":
            return ROBOTS
        if parts.path == DOWNLOAD_PATH:
            return self.download(self.files, query)
        if parts.path == API_PATH:
            return self.list_answer(query)
        return NOT_FOUND

    def list_answer(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        served = len(self.list_requests()) - 1
        if self.gateway:
            code, status = self.gateway
            return status, "text/xml;charset=UTF-8", gateway_error(code)
        if query.get("serviceKey") != self.key:
            return 200, "text/xml;charset=UTF-8", gateway_error("30")
        if self.limit_after is not None and served >= self.limit_after:
            return 200, "text/xml;charset=UTF-8", gateway_error("22")
        try:
            start, end = (date.fromisoformat(_iso(query[name])) for name in ("startDate", "endDate"))
        except (KeyError, ValueError):
            return 200, XML_TYPE, service_answer("11", "NO_MANDATORY_REQUEST_PARAMETERS_ERROR")
        if (end - start).days + 1 > self.max_window_days:
            return 200, XML_TYPE, service_answer("98", "THREE_DAYS_OVER_ERROR")
        matching = sorted(
            (r for r in self.releases if start <= r.published_at.date() <= end),
            key=lambda r: (r.published_at, r.news_id),
            reverse=True,
        )
        page, rows = int(query.get("pageNo", 1)), int(query.get("numOfRows", DEFAULT_ROWS))
        rows = min(rows, self.max_rows or rows)
        shown = matching[(page - 1) * rows : page * rows]
        if not shown:
            return 200, XML_TYPE, service_answer("03", "NODATA_ERROR")
        return (
            200,
            XML_TYPE,
            service_answer(
                "0", "NORMAL_SERVICE", items=[self.news_item(r) for r in shown], paging=(rows, page, len(matching))
            ),
        )

    def news_item(self, release: MirrorRelease) -> str:
        stamp = f"{release.published_at:%m/%d/%Y %H:%M:%S}"
        notice = f"<p>“이 자료는 {release.ministry}의 보도자료를 전재하여 제공함을 알려드립니다.”</p>"
        fields = [
            ("NewsItemId", release.news_id),
            ("ContentsStatus", "I"),
            ("ModifyId", "0"),
            ("ModifyDate", stamp),
            ("ApproveDate", stamp),
            ("ApproverName", "홍길동"),
            ("EmbargoDate", ""),
            ("GroupingCode", "A"),
            ("Title", cdata(entities(release.title))),
            ("SubTitle1", cdata("")),
            ("SubTitle2", cdata("")),
            ("SubTitle3", cdata("")),
            ("ContentsType", "H"),
            ("DataContents", cdata(release.body_html + notice)),
            ("MinisterCode", release.ministry),
            (
                "OriginalUrl",
                f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={release.news_id}&amp;call_from=openData",
            ),
        ]
        for attachment in release.attachments:
            fields += [
                ("FileName", cdata(attachment.name)),
                ("FileUrl", f"{self.base_url}{DOWNLOAD_PATH}?tblKey=GMN&amp;fileId={attachment.file_id}"),
            ]
        fields += [("ThumbnailUrl", ""), ("OriginalimgUrl", "")]
        return "<NewsItem>" + "".join(f"<{tag}>{value}</{tag}>" for tag, value in fields) + "</NewsItem>"


def service_answer(
    code: str, message: str, *, items: list[str] = (), paging: tuple[int, int, int] | None = None
) -> bytes:
    rows, page, total = paging or (DEFAULT_ROWS, 1, 0)
    body = "".join(items) + f"<numOfRows>{rows}</numOfRows><pageNo>{page}</pageNo><totalCount>{total}</totalCount>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<response><header><resultCode>{code}</resultCode><resultMsg>{message}</resultMsg></header>"
        f"<body>{body}</body></response>"
    ).encode()


def gateway_error(code: str) -> bytes:
    return (
        "<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>"
        f"<returnAuthMsg>{GATEWAY_MESSAGES.get(code, 'SERVICE ERROR')}</returnAuthMsg>"
        f"<returnReasonCode>{code}</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>"
    ).encode()


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def entities(title: str) -> str:
    """Titles come with HTML entities inside the CDATA (`중소&middot;벤처기업`)."""
    return title.replace("&", "&amp;").replace("·", "&middot;")


def _iso(day: str) -> str:
    if len(day) != 8 or not day.isdigit():
        raise ValueError(day)
    return f"{day[:4]}-{day[4:6]}-{day[6:]}"
