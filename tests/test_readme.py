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


def exit_codes_in(text: str) -> set[int]:
    """The codes of the first table whose header begins `| exit |`."""
    table = text.split("| exit |", 1)[1].split("\n\n", 1)[0]
    return {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)}


def test_the_exit_code_tables_name_every_code_a_crawl_ends_with():
    from briefing_spider.crawl import outcome

    codes = {0} | {value for name, value in vars(outcome).items() if name.endswith("_EXIT")}
    assert exit_codes_in(README) == codes
    assert exit_codes_in((ROOT / "docs" / "operations.md").read_text(encoding="utf-8")) == codes


def test_every_variable_the_crawl_reads_is_documented():
    from briefing_spider.contract.registry import all_sites
    from briefing_spider.env import ENV_SETTINGS
    from briefing_spider.parse.documents.limits import MAX_PAGES_ENV, MAX_SECONDS_ENV

    keys = {source.key_env for site in all_sites() for source in site.sources.values() if source.key_env}
    read = set(ENV_SETTINGS) | {MAX_PAGES_ENV, MAX_SECONDS_ENV} | keys
    operations = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert read <= set(re.findall(r"`(BRIEFING_[A-Z_]+)`", operations))
