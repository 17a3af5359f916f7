"""What bounds the structure benchmark's score (a diagnostic, not a converter).

    python bench/structure_ceiling.py [CORPUS_DIR] [STRUCTURE_BENCH_DIR]

Scores `briefing parse FILE --markdown` of each release of `korea_kr/govpress-2026-04-13/` (its
HWPX, else its PDF, as `score.py` picks them) with the structure benchmark's own evaluators, as
it is and then with what the site's viewer shows *beside* the document taken from the viewer's
own text — the release metadata under the title (출처, 부처, 게시 시각, 기사 URL, the files'
names) and the `## 첨부파일` list — which a lone file does not hold; and with every table
comparison counted as perfect; and the viewer's own text less those two parts, the best a
reader of the lone file could do. It prints overall, NID, TEDS and MHS of each, so that what rules
of the document can still win is told apart from what only the page's metadata holds. TEDS has
the scorer's limit (20 s a release, past it left out).
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_spider.inspect_file import InspectError  # noqa: E402
from briefing_spider.inspect_markdown import markdown_bytes  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_BENCH = ROOT.parent / "shared" / "tools" / "structure-bench"
DAY = Path("korea_kr") / "govpress-2026-04-13"
MAGIC = (b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")
TEDS_SECONDS = 20
BODY = "\n## 본문"
ATTACHMENTS = "## 첨부파일"


def ours(releases: Path, release: str) -> str:
    for path in (releases / "hwpx" / f"{release}.hwpx", releases / "pdf" / f"{release}.pdf"):
        if path.exists() and path.read_bytes()[:4] in MAGIC:
            try:
                return markdown_bytes(path.read_bytes(), name=path.name)
            except InspectError:
                return ""
    return ""


def beside_the_document(viewer: str, markdown: str) -> str:
    """`markdown` with the viewer's metadata list and attachment list spliced in."""
    if not markdown:
        return markdown
    metadata = "\n".join(line for line in viewer.split(BODY, 1)[0].splitlines() if line.startswith("- "))
    attachments = ATTACHMENTS + viewer.split(ATTACHMENTS, 1)[1] if ATTACHMENTS in viewer else ""
    head, _, body = markdown.partition(BODY)
    return f"{head}\n{metadata}\n{BODY}{body}".rstrip() + "\n\n" + attachments


def without_what_is_beside(viewer: str) -> str:
    """The viewer's own text less its metadata list and attachment list: what a perfect reader of
    the lone file could write at best."""
    head, _, body = viewer.partition(BODY)
    title = head.splitlines()[0] if head.strip() else ""
    return f"{title}\n{BODY}{body.split(ATTACHMENTS, 1)[0]}"


def _teds(viewer: str, markdown: str, out) -> None:
    from evaluator_table import evaluate_table

    out.put(evaluate_table(viewer, markdown)[0])


def teds(viewer: str, markdown: str) -> float | None | str:
    results = mp.get_context("fork").Queue()
    child = mp.get_context("fork").Process(target=_teds, args=(viewer, markdown, results))
    child.start()
    try:
        return results.get(timeout=TEDS_SECONDS)
    except queue.Empty:
        return "left out"
    finally:
        child.join(1)
        if child.is_alive():
            child.kill()


def scores(releases: Path, release: str) -> dict[str, dict[str, float | None | str]]:
    from evaluator_heading_level import evaluate_heading_level
    from evaluator_reading_order import evaluate_reading_order

    viewer = (releases / "docviewer_md" / f"{release}.md").read_text(encoding="utf-8")
    markdown = ours(releases, release)
    table = teds(viewer, markdown)
    out = {}
    for name, text in (
        ("as it is", markdown),
        ("with the viewer's metadata and attachment list", beside_the_document(viewer, markdown)),
    ):
        nid = evaluate_reading_order(viewer, text)[0]
        mhs = evaluate_heading_level(viewer, text)[0]
        out[name] = {"nid": nid, "teds": table, "mhs": mhs}
        perfect = 1.0 if table is not None and markdown else (0.0 if table is not None else None)
        out[f"{name}, tables perfect"] = {"nid": nid, "teds": perfect, "mhs": mhs}
    best = without_what_is_beside(viewer) if markdown else ""  # no readable file: nothing to read
    out["the viewer's own text less what is beside the document"] = {
        "nid": evaluate_reading_order(viewer, best)[0],
        "teds": (1.0 if markdown else 0.0) if table is not None else None,
        "mhs": evaluate_heading_level(viewer, best)[0],
    }
    return out


def overall(row: dict[str, float | None | str]) -> float | None:
    parts = [value for value in row.values() if isinstance(value, float | int)]
    return fmean(parts) if parts else None


def mean(rows: list[dict], metric: str) -> float:
    values = [overall(row) if metric == "overall" else row[metric] for row in rows]
    return fmean([value for value in values if isinstance(value, float | int)] or [0.0])


def main(argv: list[str]) -> int:
    day = (Path(argv[0]) if argv else DEFAULT_CORPUS) / DAY
    bench = Path(argv[1]) if len(argv) > 1 else DEFAULT_BENCH
    if not (day / "docviewer_md").is_dir() or not (bench / "score.py").exists():
        print(f"no viewer texts in {day / 'docviewer_md'} or no score.py in {bench}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(bench))
    releases = sorted(path.stem for path in (day / "docviewer_md").glob("*.md"))
    with ProcessPoolExecutor(2, initializer=sys.path.insert, initargs=(0, str(bench))) as pool:
        results = list(pool.map(scores, [day] * len(releases), releases))
    print(f"{'variant (' + str(len(releases)) + ' releases)':64s} overall    NID   TEDS    MHS")
    for variant in results[0]:
        rows = [result[variant] for result in results]
        print(f"{variant:64s}", "  ".join(f"{mean(rows, m):.3f}" for m in ("overall", "nid", "teds", "mhs")))
    left_out = sum(result["as it is"]["teds"] == "left out" for result in results)
    print(f"table comparisons past {TEDS_SECONDS} s, left out: {left_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
