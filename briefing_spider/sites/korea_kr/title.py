"""A korea.kr detail page's title, as a browser shows it.

The page holds the title several times, escaped differently (MARKUP.md, "The 2026 template"): the
heading a browser shows (`div.view_title > h1`; older pages `div.article_head h1`), and the copies
for machines — JSON-LD `headline` (escaped three times on real pages), `og:title` and the hidden
`input#titleText` (twice), the `<title>` (the heading plus ` - 보도자료 | 브리핑룸 | …`). The
browser's heading is the title. Without one, each copy is decoded until it is stable and the copy
that needed the fewest rounds wins. A copy that disagrees with the chosen title after decoding is
a warning; copies that all disagree, with no browser heading, are an error. Pure."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
MAX_ROUNDS = 5
# What the browser's tab adds to the heading: ` - 보도자료 | 브리핑룸 | 대한민국 정책브리핑` (the 2026
# template), or ` | 브리핑룸` alone.
TITLE_SUFFIX = re.compile(r"(?:\s+-\s+[^-|]*\|\s*브리핑룸\s*\|\s*대한민국\s*정책브리핑|\s*\|\s*브리핑룸)\s*$")


@dataclass(frozen=True)
class Copy:
    source: str  # where on the page: view_title, headline, og:title, titleText, <title>
    text: str  # as the page holds it (the markup parsed once, as a browser parses it)
    shown: bool = False  # what a browser shows the reader


@dataclass(frozen=True)
class Title:
    text: str
    warnings: tuple[str, ...] = ()


class TitleDisagreement(ValueError):
    """No browser heading, and the machine copies, decoded, disagree with one another."""


def decoded(text: str) -> tuple[str, int]:
    """`text` with HTML entities decoded until it is stable, whitespace collapsed; the rounds it took."""
    rounds = 0
    while rounds < MAX_ROUNDS and ENTITY.search(text):
        once = html.unescape(text)
        if once == text:
            break
        text, rounds = once, rounds + 1
    return " ".join(text.split()), rounds


def page_title(copies: list[Copy]) -> Title | None:
    """The title of a page from its copies (None when it has none)."""
    present = [copy for copy in copies if copy.text.strip()]
    if not present:
        return None
    read = [
        (copy, *decoded(TITLE_SUFFIX.sub("", copy.text) if copy.source == "<title>" else copy.text)) for copy in present
    ]
    shown = [(copy, text) for copy, text, _ in read if copy.shown]
    if shown:
        title = " ".join(shown[0][0].text.split())  # the browser's, as it shows it
    else:
        texts = {text for _, text, _ in read}
        if len(read) > 1 and len(texts) == len(read):
            raise TitleDisagreement("; ".join(f"{copy.source} {text!r}" for copy, text, _ in read))
        title = min(read, key=lambda item: item[2])[1]
    warnings = tuple(f"title: {copy.source} reads {text!r}" for copy, text, _ in read if text != title)
    return Title(text=title, warnings=warnings)
