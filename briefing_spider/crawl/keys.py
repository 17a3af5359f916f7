"""A source's key never leaves the request: saved URLs say `key=***`, a body that echoes it is
masked before it is saved, and a log filter masks it in every log line."""

from __future__ import annotations

import logging
import re
from urllib.parse import quote, unquote

MASK = "***"


def key_param_pattern(param: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)({re.escape(param)}=)[^&#]*")


def key_forms(key: str | None) -> list[str]:
    """The key as given, decoded and encoded: every form it may take in a URL or a body."""
    if not key:
        return []
    return sorted({key, unquote(key), quote(unquote(key), safe="")}, key=len, reverse=True)


def mask_key(text: str, key: str | None = None, param: str = "serviceKey") -> str:
    """`param=…` → `param=***`, and the key itself (raw or URL-encoded) anywhere."""
    text = key_param_pattern(param).sub(lambda m: m[1] + MASK, text)
    for form in key_forms(key):
        text = text.replace(form, MASK)
    return text


def mask_body(body: bytes, key: str | None) -> bytes:
    for form in key_forms(key):
        body = body.replace(form.encode("utf-8"), MASK.encode())
    return body


class KeyMaskFilter(logging.Filter):
    """Masks the key in every log record that passes a handler."""

    def __init__(self, key: str, param: str = "serviceKey"):
        super().__init__()
        self.key, self.param = key, param

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_key(message, self.key, self.param)
        if masked != message:
            record.msg, record.args = masked, ()
        return True
