"""A URL without its scheme and host: the same page or file whichever host served it."""

from __future__ import annotations

from urllib.parse import urlsplit


def path_of(url: str) -> str:
    """The URL without scheme and host: the same page or file whichever host (the site, a
    mirror, a proxy) served it."""
    parts = urlsplit(url)
    return (
        (parts.path or "/")
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def clean_text(texts: list[str]) -> str:
    """Text pieces joined, with runs of whitespace collapsed to one space."""
    return " ".join(" ".join(texts).split())
