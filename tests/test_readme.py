"""The README's promises: two set-up commands, the CI script runs the test one, its SQL runs."""

from __future__ import annotations

import re
import sqlite3

from briefing_spider.archive import open_archive
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_exactly_two_setup_commands_and_ci_runs_the_test_one():
    install_and_crawl, install_and_test = setup_commands()
    assert "briefing crawl" in install_and_crawl and "pytest" in install_and_test
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci_lines


def test_readme_sql_runs_on_an_archive(tmp_path):
    open_archive(tmp_path / "briefings.db").close()
    connection = sqlite3.connect(tmp_path / "briefings.db")
    blocks = re.findall(r"```sql\n(.*?)```", README, re.S)
    statements = [s.strip() for block in blocks for s in block.split(";") if s.strip()]
    assert len(statements) >= 3
    for statement in statements:
        connection.execute(statement).fetchall()  # raises on an unknown table or column
