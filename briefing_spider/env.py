"""Settings the environment may override (documented in docs/operations.md), read where the
crawl's settings are built — `briefing crawl`, `scrapy crawl` and scrapyd alike."""

from __future__ import annotations

import os
from collections.abc import Mapping

# variable → (Scrapy setting, smallest allowed value)
ENV_SETTINGS = {
    "BRIEFING_BUILD_WORKERS": ("BRIEFING_BUILD_WORKERS", 0),  # 0: build in the crawl's own process
    "BRIEFING_MAX_BYTES": ("DOWNLOAD_MAXSIZE", 1),
}


class EnvSettingError(ValueError):
    """An environment variable holds a value the crawl can't use; the message names it."""


def settings_from_env(environ: Mapping[str, str] = os.environ) -> dict[str, int]:
    """{setting: value} for each variable of ENV_SETTINGS set (non-empty) in `environ`."""
    settings = {}
    for variable, (setting, minimum) in ENV_SETTINGS.items():
        text = environ.get(variable, "").strip()
        if not text:
            continue
        try:
            value = int(text)
        except ValueError:
            raise EnvSettingError(f"{variable}={text!r}: expected a whole number") from None
        if value < minimum:
            raise EnvSettingError(f"{variable}={text!r}: expected a whole number of at least {minimum}")
        settings[setting] = value
    return settings
