"""`--base-url` (or `-a base_url=`): the site or a mirror, checked before anything is done."""

from __future__ import annotations

from urllib.parse import urlsplit


class BaseUrlError(ValueError):
    """Not an http(s) URL with a host; the message says what was expected."""


def checked_base_url(value: str) -> str:
    """`value` without a trailing slash, or BaseUrlError: `127.0.0.1:8000` has no scheme (it
    would parse as scheme `127.0.0.1`), `file:///x` is not the web."""
    parts = urlsplit(value.strip())
    try:
        has_valid_port = parts.port is None or parts.port > 0  # .port raises on a port that is not a number
    except ValueError:
        has_valid_port = False
    if parts.scheme not in ("http", "https") or not parts.hostname or not has_valid_port:
        raise BaseUrlError(f"{value!r}: expected an http:// or https:// URL with a host, e.g. http://127.0.0.1:8000")
    return value.strip().rstrip("/")
