"""`briefing parse FILE --markdown`: a document's, a page's or a text's Markdown; no text, exit 1."""

from __future__ import annotations

from click.testing import CliRunner

from briefing_spider.cli import cli
from tests.conftest import FIXTURES
from tests.fixtures.documents import ERROR_PAGE, make_hwpx, press_release_hwpx


def run(*args: str):
    return CliRunner().invoke(cli, ["parse", *args, "--markdown"])


def test_a_document_prints_its_markdown(tmp_path):
    path = tmp_path / "156754052.hwpx"
    path.write_bytes(press_release_hwpx())
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# 가나 사업 2026년 추경 1조원 확정\n")
    assert "## 담당 부서" in result.output and '<td rowspan="2">구분</td>' in result.output


def test_a_saved_detail_page_prints_its_release_body(tmp_path):
    page = tmp_path / "900000001.html"
    page.write_text((FIXTURES / "korea_kr" / "900000001.html").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(str(page))
    assert result.exit_code == 0, result.output
    first, _, rest = result.output.partition("\n")
    assert first.startswith("# ") and "## 본문" in rest


def test_a_file_without_text_is_one_line_and_exit_1(tmp_path):
    for name, data in (("156754001.hwpx", ERROR_PAGE), ("empty.hwpx", make_hwpx([]))):
        path = tmp_path / name
        path.write_bytes(data)
        result = run(str(path))
        assert result.exit_code == 1, name
        assert result.output.count("\n") == 1 and result.output.startswith(f"Error: {name}: no text"), result.output


def test_plain_text_prints_its_markdown(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("□ 첫째\n ㅇ 둘째\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0 and "- □ 첫째\n    - ㅇ 둘째" in result.output


def test_a_page_of_another_section_prints_its_body_as_markdown(corpus):
    page = corpus / "korea_kr" / "text" / "korea_kr_briefing_blueHouseView_148854056.txt"
    result = run(str(page), "--kind", "briefing")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ") and "\n## 본문\n" in result.output
