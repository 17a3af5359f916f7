"""The data.go.kr open API of 정책브리핑 보도자료 (`pressReleaseService/pressReleaseList`). Pure.

A page is XML: `response/header/resultCode` (`0`/`00` ok, `3` NODATA: an empty page) with the
records at `response/body/NewsItem` (or `body/items/item`). Gateway errors come in another
envelope, `OpenAPI_ServiceResponse/cmmMsgHeader` (`returnReasonCode`), with HTTP 403 or 200.
Every error becomes an `ApiError` naming its code and what it means (see MARKUP.md).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from lxml import etree
from lxml import html as lxml_html

from briefing_spider.contract import AttachmentLink, DetailPage, FeedError, FeedItem, FeedPage, PageParseError
from briefing_spider.parse.page_text import xml_safe_bytes
from briefing_spider.parse.site_time import parse_site_datetime
from briefing_spider.sites.korea_kr.body import cut_body
from briefing_spider.sites.korea_kr.site import SITE, canonical_detail_url, site_of

API_URL = "https://apis.data.go.kr/1371000/pressReleaseService/pressReleaseList"
OK_CODES = {"0"}
NODATA_CODE = "3"
# data.go.kr's common result codes: name, and what it means for the user.
RESULT_CODES = {
    "1": ("APPLICATION_ERROR", "the API service failed"),
    "3": ("NODATA_ERROR", "no releases in this window"),
    "10": ("INVALID_REQUEST_PARAMETER_ERROR", "a request parameter is invalid"),
    "11": ("NO_MANDATORY_REQUEST_PARAMETERS_ERROR", "a required parameter is missing"),
    "12": ("NO_OPENAPI_SERVICE_ERROR", "the API service does not exist or was withdrawn"),
    "20": ("SERVICE_ACCESS_DENIED_ERROR", "access denied: the key is not approved for this service"),
    "22": ("LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR", "the key's daily request limit is used up"),
    "30": ("SERVICE_KEY_IS_NOT_REGISTERED_ERROR", "the service key is not registered (check BRIEFING_API_KEY)"),
    "31": ("DEADLINE_HAS_EXPIRED_ERROR", "the service key has expired"),
    "32": ("UNREGISTERED_IP_ERROR", "this IP address is not registered for the key"),
    "98": ("THREE_DAYS_OVER_ERROR", "the date window is longer than 3 days"),
    "99": ("UNKNOWN_ERROR", "unknown API error"),
}
UNREADABLE = "UNREADABLE_RESPONSE"
XML_PARSER = etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True, huge_tree=True)
ITEMS = etree.XPath("//body/NewsItem | //body/items/item")
FILE_FIELDS = etree.XPath("FileName | FileUrl")


class ApiError(FeedError):
    """The API refused or failed: `code` (e.g. `98`), `name` (THREE_DAYS_OVER_ERROR), `meaning`."""

    def __init__(self, code: str, name: str, meaning: str):
        super().__init__(f"API error {code} {name}: {meaning}")
        self.code, self.name, self.meaning = code, name, meaning

    def __reduce__(self):
        return type(self), (self.code, self.name, self.meaning)


@dataclass(frozen=True, kw_only=True)
class ApiItem:
    news_id: str
    title: str
    approve_date: str
    modify_date: str | None
    ministry: str | None  # `MinisterCode` holds the ministry's name
    original_url: str | None
    data_contents: str
    files: tuple[tuple[str, str], ...]  # (FileName, FileUrl) in order
    xml: bytes  # the item's own `<NewsItem>` element, as saved in the raw store


@dataclass(frozen=True, kw_only=True)
class ApiPage:
    items: tuple[ApiItem, ...]
    page_no: int | None
    num_of_rows: int | None
    total_count: int | None


def parse_api_page(body: bytes, *, status: int = 200) -> ApiPage:
    """A page of items (NODATA: none). Raises ApiError for a service or gateway error, or a body
    that is not the API's XML."""
    root = _root(body, status)
    if root.tag == "OpenAPI_ServiceResponse":
        raise _gateway_error(root)
    if root.tag != "response":
        raise _unreadable(status, f"unexpected root element <{root.tag}>")
    code = _code(root.findtext("header/resultCode"))
    if code == NODATA_CODE:
        return ApiPage(items=(), page_no=None, num_of_rows=None, total_count=0)
    if code not in OK_CODES:
        raise _result_error(code, root.findtext("header/resultMsg"))
    return ApiPage(
        items=tuple(_item(element) for element in ITEMS(root)),
        page_no=_int(root.findtext(".//pageNo")),
        num_of_rows=_int(root.findtext(".//numOfRows")),
        total_count=_int(root.findtext(".//totalCount")),
    )


def read_api_page(body: bytes, status: int) -> FeedPage:
    """A page of the open API as the crawl kit's feed reads it (crawl/feed.py); ApiError (a
    FeedError) for a service or gateway error."""
    page = parse_api_page(body, status=status)
    items = tuple(
        FeedItem(
            news_id=item.news_id, body=item.xml, attachment_urls=tuple(link.url for link in attachment_links_of(item))
        )
        for item in page.items
    )
    return FeedPage(items=items, total=page.total_count, per_page=page.num_of_rows)


def parse_api_item(xml: bytes) -> ApiItem:
    """One saved `<NewsItem>` element."""
    try:
        return _item(etree.fromstring(xml_safe_bytes(xml), XML_PARSER))
    except etree.XMLSyntaxError as error:
        raise PageParseError("api item", "NewsItem", f"not XML: {error}") from None


def detail_of(item: ApiItem) -> DetailPage:
    """The item as the same `DetailPage` the HTML detail parser gives, for `build_release`."""
    url = canonical_detail_url(item.news_id, site_of(item.original_url) if item.original_url else SITE)
    published_at = parse_site_datetime(item.approve_date)
    if published_at is None:
        raise PageParseError(url, "published_at", f"ApproveDate {item.approve_date!r} is not a time")
    body_html, body_text = _body(item.data_contents)
    return DetailPage(
        news_id=item.news_id,
        url=url,
        title=item.title,
        published_at=published_at,
        modified_at=parse_site_datetime(item.modify_date),
        ministry=item.ministry,
        ministry_code=None,
        body_html=body_html,
        body_text=body_text,
        attachments=attachment_links_of(item),
    )


def read_api_item(text: str, url: str) -> DetailPage:
    """A saved `<NewsItem>` (role api_item) as its release page; PageParseError when unreadable."""
    return detail_of(parse_api_item(text.encode("utf-8")))


def attachment_links_of(item: ApiItem) -> tuple[AttachmentLink, ...]:
    found: dict[str, AttachmentLink] = {}
    for name, url in item.files:
        file_id = parse_qs(urlsplit(url).query).get("fileId", [""])[0] or url
        if url and file_id not in found:
            found[file_id] = AttachmentLink(name=name or file_id, url=url, file_id=file_id)
    return tuple(found.values())


def _root(body: bytes, status: int):
    try:
        root = etree.fromstring(xml_safe_bytes(body), XML_PARSER)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise _unreadable(status, "the body is not XML")
    return root


def _item(element) -> ApiItem:
    news_id = _text(element, "NewsItemId")
    if not news_id or not news_id.isdigit():
        raise PageParseError("api item", "NewsItemId", f"expected digits, got {news_id!r}")
    title = html.unescape(_text(element, "Title") or "").strip()
    if not title:
        raise PageParseError(f"api item {news_id}", "Title", "empty")
    return ApiItem(
        news_id=news_id,
        title=title,
        approve_date=_text(element, "ApproveDate") or "",
        modify_date=_text(element, "ModifyDate"),
        ministry=html.unescape(_text(element, "MinisterCode") or "") or None,
        original_url=_text(element, "OriginalUrl"),
        data_contents=_text(element, "DataContents") or "",
        files=_file_pairs(element),
        xml=etree.tostring(element, encoding="utf-8"),
    )


def _file_pairs(element) -> tuple[tuple[str, str], ...]:
    """FileName / FileUrl come repeated in pairs, in order; a name without a URL is dropped."""
    pairs, name = [], None
    for field in FILE_FIELDS(element):
        value = (field.text or "").strip()
        if field.tag == "FileName":
            name = html.unescape(value)
        elif value:
            pairs.append((name or "", value))
            name = None
    return tuple(pairs)


def _body(data_contents: str) -> tuple[str, str]:
    if not data_contents.strip():
        return "", ""
    return cut_body(lxml_html.fragment_fromstring(data_contents, create_parent="div"))


def _gateway_error(root) -> ApiError:
    header = root.find("cmmMsgHeader")
    header = header if header is not None else root
    code = _code(header.findtext("returnReasonCode"))
    auth = (header.findtext("returnAuthMsg") or "").strip()
    name, meaning = RESULT_CODES.get(code, (auth or "GATEWAY_ERROR", header.findtext("errMsg") or "gateway error"))
    return ApiError(code or "?", auth or name, f"{meaning} (gateway)")


def _result_error(code: str, message: str | None) -> ApiError:
    name, meaning = RESULT_CODES.get(code, ((message or "").strip() or "UNKNOWN_ERROR", "unexpected result code"))
    return ApiError(code or "?", name, meaning)


def _unreadable(status: int, why: str) -> ApiError:
    return ApiError(f"HTTP {status}", UNREADABLE, f"{why}: not an API answer")


def _code(value: str | None) -> str:
    """`00` and `0` are one code, so are `03` and `3`."""
    value = (value or "").strip()
    if not value.isdigit():
        return value
    return value.lstrip("0") or "0"


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _text(element, tag: str) -> str | None:
    value = element.findtext(tag)
    return value.strip() if value and value.strip() else None
