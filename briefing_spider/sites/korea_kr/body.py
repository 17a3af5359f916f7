"""The release's own part of a korea.kr body (`div.view_cont`).

The page body ends with the notice “이 자료는 {부처}의 보도자료를 전재하여 제공함을 알려드립니다.”,
then the site's source line and its ※ 공공누리 / 담당자 안내 lines. Those are the site's, not the
release's: everything from the first of them on is cut.
"""

from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from briefing_spider.contract.page import is_substantive  # noqa: F401  (the rule is the core's)
from briefing_spider.parse.html_text import element_text

SITE_TRAILER = re.compile(r"전재하여\s*제공|※\s*브리핑룸\s*보도자료는|공공누리|출처\s*[:：]\s*대한민국\s*정책브리핑")


def cut_body(body: lxml_html.HtmlElement) -> tuple[str, str]:
    """(html, text) of the body before the site's trailer. The input element is not changed."""
    body = copy.deepcopy(body)
    marker = _first_trailer_element(body)
    if marker is not None:
        _remove_from(marker, body)
    inner = (body.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
    return inner.strip(), element_text(body)


def _first_trailer_element(root: lxml_html.HtmlElement):
    """The innermost element where the trailer starts (its text matches, no child's does)."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        if SITE_TRAILER.search(element.text_content()) and not any(
            isinstance(child.tag, str) and SITE_TRAILER.search(child.text_content()) for child in element
        ):
            return element
    return None


def _remove_from(marker, root) -> None:
    """Remove `marker` and everything after it in document order, up to `root`."""
    node = marker
    while node is not root and node is not None:
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        if node is marker:
            _drop_keeping_previous_tail(node)
        node = parent


def _drop_keeping_previous_tail(node) -> None:
    parent = node.getparent()
    previous = node.getprevious()
    # lxml moves nothing on remove(); the text before `node` lives in previous.tail or parent.text.
    parent.remove(node)
    if previous is None and parent.text is None:
        parent.text = ""
