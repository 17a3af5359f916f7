"""Settings the environment may override (documented in docs/operations.md), read where the
crawl's settings are built — `briefing crawl`, `scrapy crawl` and scrapyd alike."""

from __future__ import annotations

import os
from collections.abc import Mapping

# variable → (Scrapy setting, type, smallest allowed value)
ENV_SETTINGS = {
    "BRIEFING_BUILD_WORKERS": ("BRIEFING_BUILD_WORKERS", int, 0),  # 0: build in the crawl's own process
    "BRIEFING_MAX_BYTES": ("DOWNLOAD_MAXSIZE", int, 1),
    "BRIEFING_DOWNLOAD_TIMEOUT": ("DOWNLOAD_TIMEOUT", float, 0.1),  # seconds a request may take
    "BRIEFING_RETRY_TIMES": ("RETRY_TIMES", int, 0),  # tries after the first
    "BRIEFING_MIN_FREE_MB": ("BRIEFING_MIN_FREE_MB", float, 0),  # room a crawl needs where the archive is
}
TYPE_NAMES = {int: "a whole number", float: "a number"}


class EnvSettingError(ValueError):
    """An environment variable holds a value the crawl can't use; the message names it."""


def settings_from_env(environ: Mapping[str, str] = os.environ) -> dict[str, int | float]:
    """{setting: value} for each variable of ENV_SETTINGS set (non-empty) in `environ`."""
    settings = {}
    for variable, (setting, kind, minimum) in ENV_SETTINGS.items():
        text = environ.get(variable, "").strip()
        if not text:
            continue
        try:
            value = kind(text)
        except ValueError:
            raise EnvSettingError(f"{variable}={text!r}: expected {TYPE_NAMES[kind]}") from None
        if value < minimum:
            raise EnvSettingError(f"{variable}={text!r}: expected {TYPE_NAMES[kind]} of at least {minimum}")
        settings[setting] = value
    return settings
