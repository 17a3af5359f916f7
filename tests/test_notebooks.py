"""Every notebook in notebooks/ runs without error against archives crawled from the test
mirror (one with attendee lists, one without), draws its plots with a Korean font, and is
committed without outputs."""

from __future__ import annotations

import base64
from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from briefing_spider.parse.site_time import SEOUL
from tests.conftest import ROOT
from tests.crawl_helpers import crawl
from tests.mirror_data import synthetic_releases
from tests.site import Mirror, MirrorRelease

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KOREAN = "외교부 참석자"
LISTS = [  # synthetic attendee lists, in the forms releases use
    "※ 참석자 : (정부) 산업부 정하윤 2차관, 외교부 김가명 경제외교조정관 (기업) ㈜가나화학 이서준 대표이사 등",
    "※ 참석자 : (정부) 산업통상자원부 정하윤 1차관, 산업부 산업정책실장 (기업) 가나화학 주식회사 이서준 대표이사",
    "※ 참석자 : (정부) 외교부 김가명 경제외교조정관, 산업통상부 정하윤 1차관 (전문가) 가상대학교 박민재 교수",
]


def meetings() -> list[MirrorRelease]:
    releases = []
    for n, (day, attendees) in enumerate(zip(("2024-09-20", "2025-03-02", "2025-11-05"), LISTS, strict=True)):
        body = (
            f"<p>□ 산업통상자원부는 합성 간담회 {n}을 개최했다. "
            + "회의 내용을 설명하는 긴 문장이다. " * 20
            + f"</p><p>{attendees}</p>"
        )
        releases.append(
            MirrorRelease(
                news_id=str(930000000 + n),
                title=f"합성 간담회 {n}",
                published_at=datetime.fromisoformat(day).replace(hour=10, tzinfo=SEOUL),
                ministry="외교부",
                rep_code="A00014",
                body_html=body,
            )
        )
    return releases


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """{"meetings": an archive with attendee lists, "tiny": two releases without any}."""
    made = {}
    for name, releases in (
        ("meetings", meetings() + synthetic_releases(["2025-03-02"], 2)),
        ("tiny", synthetic_releases(["2026-04-13"], 2)),
    ):
        path = tmp_path_factory.mktemp(name) / "briefings.db"
        days = sorted({r.published_at.date().isoformat() for r in releases})
        with Mirror(releases) as mirror:
            done = crawl(mirror, path, "--since", days[0], "--until", days[-1])
        assert done.returncode == 0, done.stderr
        made[name] = path
    return made


def execute(notebook: Path, db_path: Path, monkeypatch, output_dir: Path | None = None) -> nbformat.NotebookNode:
    monkeypatch.setenv("BRIEFING_DB", str(db_path))
    monkeypatch.setenv("BRIEFING_OUTPUT", str(output_dir or db_path.parent / "notebook-output"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}
    ).execute()
    return nb


def outputs(nb, kind: str) -> list:
    return [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") in kind.split("|")
    ]


def text_of(nb) -> str:
    return "\n".join(
        str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", ""))
        for out in outputs(nb, "stream|execute_result|display_data")
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_on_an_archive_with_attendees_and_draws_korean(notebook, archives, monkeypatch, tmp_path):
    nb = execute(notebook, archives["meetings"], monkeypatch)
    pictures = [out["data"]["image/png"] for out in outputs(nb, "display_data") if "image/png" in out.get("data", {})]
    assert pictures, "no plot drawn"
    for number, picture in enumerate(pictures):  # kept for a look: pytest's tmp_path
        (tmp_path / f"{notebook.stem}_{number}.png").write_bytes(base64.b64decode(picture))
    shown = text_of(nb)
    assert "missing from font" not in shown  # matplotlib's warning when a glyph has no font
    assert "no attendees" not in shown
    assert "정하윤" in shown  # the official met most often: 2차관, then 1차관 of one lineage
    assert "nan" not in shown.replace("nanum", "").lower().split()  # no label or cell reads "nan"
    assert " · nan" not in shown and "NaN" not in shown


def test_notebooks_write_nothing_beside_the_archive(archives, monkeypatch, tmp_path):
    archive = archives["meetings"]
    before = sorted(p.name for p in archive.parent.iterdir())
    for notebook in NOTEBOOKS:
        execute(notebook, archive, monkeypatch, output_dir=tmp_path / "out")
    assert sorted(p.name for p in archive.parent.iterdir()) == before
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".csv"]  # the tour's export, where it was told


def test_the_tour_puts_every_month_on_the_axis_and_counts_in_whole_numbers(archives, monkeypatch):
    nb = execute(ROOT / "notebooks" / "01_archive_tour.ipynb", archives["meetings"], monkeypatch)
    table = next(
        out["data"]["text/plain"]
        for out in outputs(nb, "display_data")
        if "published_month" in str(out["data"].get("text/plain", ""))
    )
    months = [line.split()[0] for line in table.splitlines()[2:]]
    assert months == sorted(months) and "2025-10" in months  # a month without releases stays in its place
    assert "." not in "".join(line.split(maxsplit=1)[1] for line in table.splitlines()[2:])  # whole numbers


def test_the_search_demo_searches_a_word_the_titles_share_not_boilerplate(archives, monkeypatch):
    nb = execute(ROOT / "notebooks" / "01_archive_tour.ipynb", archives["meetings"], monkeypatch)
    shown = text_of(nb)
    assert "'간담회':" in shown and "'보도자료':" not in shown


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_says_plainly_when_the_archive_holds_no_attendees(notebook, archives, monkeypatch):
    nb = execute(notebook, archives["tiny"], monkeypatch)
    assert "This archive holds no attendees" in text_of(nb)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_committed_notebooks_carry_no_outputs(notebook):
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)
    assert 'os.environ.get("BRIEFING_DB", "data/briefings.db")' in code[0].source


def test_koreanize_matplotlib_sets_a_font_with_korean_glyphs():
    import koreanize_matplotlib  # noqa: F401
    from matplotlib import font_manager, rcParams
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(family=rcParams["font.family"]), fallback_to_default=False)
    charmap = FT2Font(path).get_charmap()
    assert all(ord(char) in charmap for char in KOREAN.replace(" ", "")), path
