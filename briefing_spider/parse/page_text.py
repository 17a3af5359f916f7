"""Saved page bytes → text, as a browser would read them, and safe for the XML/HTML parsers.

The encoding: a BOM, then the Content-Type header's charset, then the page's own `<meta
charset>` / `http-equiv` (w3lib's `html_to_unicode`, the rules Scrapy uses); with none, UTF-8 if
the bytes are valid UTF-8, else the site's legacy encoding CP949 (a superset of EUC-KR, what a
browser in a Korean locale falls back to), else charset-normalizer's guess.

Control characters that XML forbids (lxml refuses a string holding one: "All strings must be
XML compatible") become spaces, so one stray byte cannot drop a whole page.

Pure: bytes and headers in, text out.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes
from w3lib.encoding import html_to_unicode, resolve_encoding

LEGACY_ENCODING = "cp949"
# XML 1.0 allows \t \n \r among the C0 controls; never U+FFFE/U+FFFF or lone surrogates.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
NOT_XML_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # never inside a UTF-8/CP949 multibyte sequence
HTML_END = b"</html"


def xml_safe(text: str) -> str:
    """`text` with each character XML forbids replaced by a space."""
    return NOT_XML.sub(" ", text)


def xml_safe_bytes(body: bytes) -> bytes:
    """XML bytes with each C0 control character XML forbids replaced by a space."""
    return NOT_XML_BYTES.sub(b" ", body)


def decode_page(body: bytes, headers: dict[str, str] | None = None) -> str:
    """The text of a saved HTML page, decoded as a browser would (see the module's doc)."""
    _, text = html_to_unicode(content_type(headers), body, auto_detect_fun=_detect)
    return xml_safe(text)


def content_type(headers: dict[str, str] | None) -> str | None:
    for name, value in (headers or {}).items():
        if name.lower() == "content-type":
            return value
    return None


def page_cut_short(body: bytes) -> str | None:
    """Why an HTML page's bytes look cut short (no closing `</html>`), or None."""
    if body.strip() and HTML_END not in body[-65536:].lower():
        return f"an HTML page without its closing </html> ({len(body)} bytes): cut short"
    return None


def _detect(body: bytes) -> str | None:
    for encoding in ("utf-8", LEGACY_ENCODING):
        try:
            body.decode(encoding)
        except UnicodeDecodeError:
            continue
        return resolve_encoding(encoding)
    match = from_bytes(body).best()
    return resolve_encoding(match.encoding) if match else None
