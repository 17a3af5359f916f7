"""The BRIEFING_* variables the crawl's settings read (docs/operations.md, Environment)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from briefing_spider.env import EnvSettingError, settings_from_env


def test_values_become_settings():
    assert settings_from_env({"BRIEFING_BUILD_WORKERS": "0", "BRIEFING_MAX_BYTES": " 1000 "}) == {
        "BRIEFING_BUILD_WORKERS": 0,
        "DOWNLOAD_MAXSIZE": 1000,
    }
    assert settings_from_env({"BRIEFING_BUILD_WORKERS": ""}) == {}


@pytest.mark.parametrize(
    "variable, value, expected",
    [
        ("BRIEFING_BUILD_WORKERS", "two", "BRIEFING_BUILD_WORKERS='two': expected a whole number"),
        ("BRIEFING_BUILD_WORKERS", "-1", "BRIEFING_BUILD_WORKERS='-1': expected a whole number of at least 0"),
        ("BRIEFING_MAX_BYTES", "0", "BRIEFING_MAX_BYTES='0': expected a whole number of at least 1"),
    ],
)
def test_a_bad_value_names_the_variable(variable, value, expected):
    with pytest.raises(EnvSettingError) as error:
        settings_from_env({variable: value})
    assert str(error.value) == expected


@pytest.mark.crawl
def test_the_crawl_settings_read_them_from_the_package_anywhere(tmp_path):
    code = (
        "import json; from briefing_spider.crawl.runner import crawl_settings; s = crawl_settings(); "
        "print(json.dumps([s.get('BRIEFING_BUILD_WORKERS'), s.getint('DOWNLOAD_MAXSIZE'), s.getbool('ROBOTSTXT_OBEY'), "
        "s.getbool('TELNETCONSOLE_ENABLED'), s.getbool('REMOTE_CONTROL_ENABLED'), list(s.getdict('ITEM_PIPELINES'))]))"
    )
    env = {**os.environ, "BRIEFING_BUILD_WORKERS": "3", "BRIEFING_MAX_BYTES": "4096"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert json.loads(result.stdout) == [
        3,
        4096,
        True,
        False,
        False,
        ["briefing_spider.crawl.pipeline.ArchivePipeline"],
    ]
