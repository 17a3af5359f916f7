import datetime as dt
import json
from pathlib import Path

import pytest

from briefing_spider.parse.ministries import (
    is_ministry,
    ministry_in_organization,
    ministry_rows,
    resolve_ministry,
)

D = dt.date
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.mark.parametrize(
    ("name", "on", "canonical"),
    [
        ("외교부", D(2026, 4, 13), "외교부"),
        ("외교부", D(2010, 1, 1), "외교통상부"),
        ("환경부", D(2026, 4, 13), "기후에너지환경부"),
        ("환경부", D(2024, 1, 1), "환경부"),
        ("기후부", D(2024, 1, 1), "환경부"),
        ("기후부", None, "기후에너지환경부"),
        ("산업통상자원부", D(2025, 10, 1), "산업통상부"),
        ("산업통상자원부", D(2025, 9, 30), "산업통상자원부"),
        ("여성가족부", D(2026, 1, 1), "성평등가족부"),
        ("기획재정부", D(2026, 1, 2), "재정경제부"),
        ("기획재정부", D(2026, 1, 1), "기획재정부"),
        ("기획처", D(2026, 4, 13), "기획예산처"),
        ("통계청", D(2026, 4, 13), "국가데이터처"),
        ("특허청", D(2026, 4, 13), "지식재산처"),
        ("행정자치부", D(2015, 1, 1), "행정자치부"),
        ("안전행정부", D(2020, 1, 1), "행정안전부"),
        ("국민안전처", D(2020, 1, 1), "행정안전부"),
        ("복지부", None, "보건복지부"),
        ("과기정통부", None, "과학기술정보통신부"),
        ("과기부", None, "과학기술정보통신부"),
        ("중기부", None, "중소벤처기업부"),
        ("문체부", None, "문화체육관광부"),
        ("행안부", None, "행정안전부"),
        ("성평등부", None, "성평등가족부"),
        ("재경부", D(2026, 4, 13), "재정경제부"),
        ("경 찰 청", None, "경찰청"),
        ("문화재청", D(2025, 1, 1), "국가유산청"),
    ],
)
def test_canonical_as_of_date(name, on, canonical):
    found = resolve_ministry(name, on=on)
    assert found is not None
    assert found.canonical == canonical
    assert found.name == name  # as written


def test_known_codes_and_unknown_names():
    assert resolve_ministry("외교부").code == "A00014"
    assert resolve_ministry("보건복지부").code == "A00012"
    assert resolve_ministry("행정안전부").code == "A00031"
    assert resolve_ministry("관세청").code == "B00003"
    assert resolve_ministry("금융위원회").code == "C00003"
    assert resolve_ministry("국가교육위원회").code == "E00028"
    assert resolve_ministry("행정자치부", on=D(2015, 1, 1)).code == "A00031"
    assert resolve_ministry("어느 회사") is None
    assert resolve_ministry("") is None
    assert resolve_ministry("모르는이름", code="A00014").canonical == "외교부"


def test_helpers_and_rows():
    assert is_ministry("산업부") and not is_ministry("광해공업공단")
    assert ministry_in_organization("기후부 전기위원회", on=D(2026, 4, 13)).canonical == "기후에너지환경부"
    assert ministry_in_organization("서울대 화학부") is None
    rows = ministry_rows()
    names = {r["name"] for r in rows}
    assert {"기후에너지환경부", "재정경제부", "기획예산처", "국가데이터처", "지식재산처"} <= names
    for row in rows:
        assert set(row) >= {"code", "name", "name_en", "short_forms", "valid_from", "valid_to", "successor"}
        if row["valid_from"] and row["valid_to"]:
            assert row["valid_from"] < row["valid_to"]
    successors = {r["successor"] for r in rows if r["successor"]}
    assert successors <= names


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus (../shared/corpus) not present")
def test_every_corpus_ministry_name_resolves():
    manifest = json.loads((CORPUS / "korea_kr/govpress-2026-04-13/manifest.json").read_text("utf-8"))
    names = {(d["department"], d["approve_date"]) for d in manifest["documents"]}
    for path in (CORPUS / "korea_kr/moip-2026-07").glob("articles_*.json"):
        for article in json.loads(path.read_text("utf-8"))["articles"]:
            names.add((article["ministry"], article["approved_at"]))
    for name, when in names:
        day = (
            dt.datetime.strptime(when, "%m/%d/%Y %H:%M:%S").date() if "/" in when else dt.date.fromisoformat(when[:10])
        )
        found = resolve_ministry(name, on=day)
        assert found is not None, name
        assert found.canonical == name, (name, day, found)
