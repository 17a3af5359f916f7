import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing_spider.cli import cli

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def test_eval_help_has_an_example():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "briefing eval" in result.output


def test_missing_or_empty_golden_dir_fails_clearly(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["eval", str(tmp_path / "nope")])
    assert missing.exit_code != 0 and "not found" in missing.output
    empty = runner.invoke(cli, ["eval", str(tmp_path)])
    assert empty.exit_code != 0 and "no golden" in empty.output


def test_eval_on_a_synthetic_golden_dir(tmp_path):
    """A golden file whose `source` is page text written here: perfect scores, JSON output."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(
        "제목\n\n2024.09.20 외교부\n\n※ 참석자 : 가나부 홍길동 국장, 다라협회\n", encoding="utf-8"
    )
    golden = tmp_path / "golden"
    golden.mkdir()
    (golden / "g.json").write_text(
        json.dumps(
            {
                "news_id": None,
                "source": "pages/p.txt",
                "ministry": "외교부",
                "published_at": "2024-09-20",
                "contacts": [],
                "footnotes": [{"marker": "※", "text": "참석자 : 가나부 홍길동 국장, 다라협회"}],
                "attendees": [
                    {"group": None, "organization": "가나부", "name": "홍길동", "title": "국장", "role": None},
                    {"group": None, "organization": "다라협회", "name": None, "title": None, "role": None},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", str(golden), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {name: s["f1"] for name, s in data["fields"].items()} == {
        "contacts": 1.0,
        "footnotes": 1.0,
        "attendees": 1.0,
        "participants": 1.0,  # none annotated: nothing scored
        "ministry": 1.0,
    }
    table = CliRunner().invoke(cli, ["eval", str(golden)])
    assert "attendees" in table.output and "no differences" in table.output


def test_documents_option_and_diffs(tmp_path):
    golden = tmp_path / "golden"
    golden.mkdir()
    (golden / "1.json").write_text(
        json.dumps(
            {
                "news_id": "1",
                "ministry": "외교부",
                "published_at": "2026-04-13T09:00:00+09:00",
                "contacts": [],
                "footnotes": [{"marker": "*", "text": "없는 주석"}],
                "attendees": [],
            }
        ),
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    result = CliRunner().invoke(cli, ["eval", str(golden), "--documents", str(docs)])
    assert result.exit_code == 0
    assert "- footnotes" in result.output and "no document" in result.output


@pytest.mark.skipif(not (CORPUS / "golden").is_dir(), reason="shared corpus not present")
def test_eval_on_the_real_golden_dir():
    result = CliRunner().invoke(cli, ["eval", str(CORPUS / "golden")])
    assert result.exit_code == 0
    assert "contacts" in result.output and "ministry" in result.output


def test_participants_are_scored_where_a_golden_file_reads_them(tmp_path):
    """Read from the golden title and the text; a development file with participants only is
    scored on them (fields it lacks are not scored); same name and role, organisation or title alike."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(
        "□ 가나부 홍길동 제1차관은 5일 다라공사를 방문했다.\n담당 부서 : 가나과  책임자 과장 박담당 (044-000-0000)\n",
        encoding="utf-8",
    )
    golden = tmp_path / "golden"
    golden.mkdir()
    person = {"organization": None, "name": "홍길동", "title": "제1차관", "role": "방문"}
    missed = {"organization": "다라공사", "name": None, "title": None, "role": "방문"}
    (golden / "g.json").write_text(
        json.dumps(
            {
                "source": "pages/p.txt",
                "title": "[차관동정] 홍길동 제1차관, 다라공사 방문",
                "participants": [person, missed],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    data = json.loads(CliRunner().invoke(cli, ["eval", str(golden), "--json"]).output)
    assert data["fields"]["participants"] == {
        "tp": 1,
        "predicted": 1,
        "expected": 2,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert data["fields"]["contacts"]["predicted"] == 0  # not in the file: not scored
    assert data["documents"][0]["missing"]["participants"] == [["다라공사", "", "", "방문"]]
