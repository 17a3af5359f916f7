"""The extractor against the real golden annotations (skips without ../shared/corpus)."""

import json
from pathlib import Path

import pytest

from briefing_spider.evaluate import evaluate
from briefing_spider.parse.release_text import extract_release_facts

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GOLDEN = CORPUS / "golden"
SEED_GOLDEN = GOLDEN / "seed_2024-09-20_mofa.json"

pytestmark = pytest.mark.skipif(
    not GOLDEN.is_dir(), reason=f"shared corpus not found at {CORPUS} (it lives beside the checkout in CI)"
)


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLDEN)


def test_goals_on_golden(report):
    scores = report.fields
    assert scores["ministry"].f1 == 1.0
    assert scores["contacts"].f1 >= 0.95
    assert scores["footnotes"].f1 >= 0.95
    assert scores["attendees"].precision >= 0.95
    assert scores["attendees"].f1 >= 0.90


def test_every_golden_file_found_its_document(report):
    assert all(doc.document for doc in report.documents), [d.golden for d in report.documents if not d.document]


def test_seed_page_text_exactly():
    golden = json.loads(SEED_GOLDEN.read_text("utf-8"))
    text = (GOLDEN.parent / golden["source"]).read_text("utf-8")
    facts = extract_release_facts(text)
    squash = lambda s: "".join((s or "").split())  # noqa: E731
    assert [(f.marker, squash(f.text)) for f in facts.footnotes] == [
        (f["marker"], squash(f["text"])) for f in golden["footnotes"]
    ]
    keys = ("group", "organization", "name", "title", "role")
    assert [tuple(squash(getattr(a, k)) for k in keys) for a in facts.attendees] == [
        tuple(squash(a[k]) for k in keys) for a in golden["attendees"]
    ]
    assert len(facts.attendees) == 10 and len(facts.footnotes) == 3
    assert facts.contacts == ()
